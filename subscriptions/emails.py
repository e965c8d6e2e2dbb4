"""The e-mails subscribers get. Every one carries a manage link, a one-click unsubscribe
link (RFC 8058) and a List-Id, in plain text and HTML."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from . import tokens
from .models import Newsletter, Subscriber, list_id


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def unsubscribe_url(subscriber: Subscriber) -> str:
    return absolute(reverse("subscriptions:unsubscribe", kwargs={"token": subscriber.token}))


def manage_url(subscriber: Subscriber) -> str:
    return absolute(reverse("subscriptions:manage", kwargs={"token": tokens.manage_token(subscriber.token)}))


def site_list_id() -> str:
    """The List-Id of mail that is about the subscription itself rather than one newsletter."""
    return list_id(f"{settings.SITE_NAME} newsletters", "newsletters")


def build(
    *,
    subscriber: Subscriber,
    template: str,
    context: dict,
    list_id_header: str,
    connection=None,
) -> EmailMultiAlternatives:
    """Renders ``subscriptions/email/<template>_subject.txt``, ``.txt`` and ``.html``."""
    context = {
        **context,
        "subscriber": subscriber,
        "SITE_NAME": settings.SITE_NAME,
        "SITE_URL": settings.SITE_URL,
        "manage_url": manage_url(subscriber),
        "unsubscribe_url": unsubscribe_url(subscriber),
    }
    subject = " ".join(render_to_string(f"subscriptions/email/{template}_subject.txt", context).split())
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"subscriptions/email/{template}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[subscriber.email],
        headers={
            "List-Id": list_id_header,
            "List-Unsubscribe": f"<{context['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
        connection=connection,
    )
    message.attach_alternative(render_to_string(f"subscriptions/email/{template}.html", context), "text/html")
    return message


def confirmation(
    *, subscriber: Subscriber, newsletters: list[Newsletter], confirm_url: str
) -> EmailMultiAlternatives:
    confirmed = set(
        subscriber.subscriptions.filter(confirmed_at__isnull=False).values_list("newsletter_id", flat=True)
    )
    already = subscriber.is_receiving and all(n.pk in confirmed for n in newsletters)
    return build(
        subscriber=subscriber,
        template="confirm",
        context={
            "newsletters": newsletters,
            "confirm_url": confirm_url,
            "already_subscribed": already,
            "valid_days": tokens.CONFIRM_MAX_AGE.days,
        },
        list_id_header=site_list_id(),
    )


def digest(*, subscriber: Subscriber, newsletter: Newsletter, publications: list, connection=None):
    return build(
        subscriber=subscriber,
        template="digest",
        context={
            "newsletter": newsletter,
            "publications": [
                (publication, absolute(publication.get_absolute_url())) for publication in publications
            ],
        },
        list_id_header=newsletter.list_id,
        connection=connection,
    )
