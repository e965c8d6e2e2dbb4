"""Everything that changes subscribers and their subscriptions. Views, the admin and commands
call these; each is keyword-only and does its work in one transaction. Mail leaves through
tasks (tasks.py), which send it with sending.py."""

import logging
from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.utils import timezone

from . import consent, tokens
from .models import ConsentEvent, Newsletter, Subscriber, Subscription
from .tasks import send_confirmation

logger = logging.getLogger(__name__)


def _slugs(newsletters: Iterable[Newsletter]) -> list[str]:
    return sorted(newsletter.slug for newsletter in newsletters)


def _subscriber_for(email: str, *, first_name: str, last_name: str) -> tuple[Subscriber, bool]:
    """The subscriber with this address, made if there is none. Two sign-ups racing each
    other both end up with the one row: the loser's insert fails on the unique index and it
    reads the winner's."""
    existing = _existing_subscriber(email)
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            return Subscriber.objects.create(email=email, first_name=first_name, last_name=last_name), True
    except IntegrityError:
        return Subscriber.objects.by_email(email).get(), False


def _existing_subscriber(email: str) -> Subscriber | None:
    return Subscriber.objects.by_email(email).first()


def subscriber_sign_up(
    *,
    email: str,
    newsletters: Iterable[Newsletter],
    first_name: str = "",
    last_name: str = "",
    source: str = "",
    consent_version: str = consent.CURRENT_VERSION,
) -> Subscriber:
    """Records a sign-up and queues the confirmation e-mail.

    Nothing is delivered until the subscriber confirms from that e-mail. An address we
    already know gets the e-mail too (never a second row), and its name and choices change
    only when it confirms, so nobody can alter someone else's subscription from the form.
    """
    newsletters = list(newsletters)
    with transaction.atomic():
        subscriber, _ = _subscriber_for(email, first_name=first_name, last_name=last_name)
        for newsletter in newsletters:
            Subscription.objects.get_or_create(subscriber=subscriber, newsletter=newsletter)
        details = {
            key: value for key, value in [("first_name", first_name), ("last_name", last_name)] if value
        }
        sign_up = ConsentEvent.objects.create(
            subscriber=subscriber,
            email=subscriber.email,
            kind=ConsentEvent.Kind.SIGN_UP,
            newsletters=_slugs(newsletters),
            details=details,
            source=source,
            consent_version=consent_version,
        )
        # Queued inside the transaction: with the database queue the job is saved with the
        # sign-up or not at all, and a mail server that is down only delays it.
        send_confirmation.enqueue(sign_up.pk)
    return subscriber


def confirmation_resend(*, subscriber: Subscriber) -> bool:
    """Queues the confirmation e-mail of the subscriber's latest sign-up again."""
    sign_up = subscriber.consent_events.filter(kind=ConsentEvent.Kind.SIGN_UP).first()
    if sign_up is None:
        return False
    send_confirmation.enqueue(sign_up.pk)
    return True


def sign_up_for_token(token: str) -> ConsentEvent:
    """The sign-up a confirmation link is for; raises tokens.LinkExpired / LinkInvalid."""
    sign_up = (
        ConsentEvent.objects.select_related("subscriber")
        .filter(pk=tokens.read_confirm_token(token), kind=ConsentEvent.Kind.SIGN_UP)
        .first()
    )
    if sign_up is None or sign_up.subscriber is None:
        raise tokens.LinkInvalid
    return sign_up


def subscriber_confirm(*, sign_up: ConsentEvent, source: str = "") -> Subscriber:
    """Applies a sign-up its owner confirmed from the e-mail: the address is confirmed (again,
    if it had left), the newsletters it chose start, and the name it gave is kept."""
    now = timezone.now()
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=sign_up.subscriber_id)
        confirmed = []
        for newsletter in Newsletter.objects.filter(slug__in=sign_up.newsletters):
            subscription, _ = Subscription.objects.get_or_create(subscriber=subscriber, newsletter=newsletter)
            if subscription.confirmed_at is None:
                subscription.confirmed_at = now
                subscription.save(update_fields=["confirmed_at"])
                confirmed.append(newsletter)
        if subscriber.is_receiving and not confirmed:
            return subscriber  # a second click on the same link changes nothing
        subscriber.confirmed_at = now
        subscriber.left_at = None
        subscriber.first_name = sign_up.details.get("first_name", subscriber.first_name)
        subscriber.last_name = sign_up.details.get("last_name", subscriber.last_name)
        subscriber.consent_version = sign_up.consent_version
        subscriber.consent_text = consent.wording(consent.known_version(sign_up.consent_version))
        subscriber.consented_at = sign_up.created_at
        subscriber.save()
        ConsentEvent.objects.create(
            subscriber=subscriber,
            email=subscriber.email,
            kind=ConsentEvent.Kind.CONFIRM,
            newsletters=_slugs(confirmed),
            details={"sign_up": sign_up.pk},
            source=source,
            consent_version=sign_up.consent_version,
        )
    return subscriber


def subscriber_update_preferences(
    *,
    subscriber: Subscriber,
    newsletters: Iterable[Newsletter],
    first_name: str,
    last_name: str,
    source: str = "",
) -> Subscriber:
    """Sets a confirmed subscriber's name and which of the active newsletters it receives.
    Subscriptions to newsletters no longer offered are left as they are."""
    chosen = {newsletter.pk: newsletter for newsletter in newsletters}
    now = timezone.now()
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        Subscription.objects.filter(subscriber=subscriber, newsletter__active=True).exclude(
            newsletter__in=chosen
        ).delete()
        for newsletter in chosen.values():
            Subscription.objects.update_or_create(
                subscriber=subscriber, newsletter=newsletter, defaults={"confirmed_at": now}
            )
        subscriber.first_name, subscriber.last_name = first_name, last_name
        subscriber.consent_version = consent.CURRENT_VERSION
        subscriber.consent_text = consent.wording()
        subscriber.consented_at = now
        subscriber.save()
        ConsentEvent.objects.create(
            subscriber=subscriber,
            email=subscriber.email,
            kind=ConsentEvent.Kind.CHANGE,
            newsletters=_slugs(chosen.values()),
            details={"first_name": first_name, "last_name": last_name},
            source=source,
            consent_version=consent.CURRENT_VERSION,
        )
    return subscriber


def subscriber_unsubscribe(*, subscriber: Subscriber, source: str = "") -> bool:
    """Leaves every newsletter at once. Repeating it changes nothing and returns False."""
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if subscriber.left_at is not None:
            return False
        left = list(subscriber.newsletters.all())
        subscriber.subscriptions.all().delete()
        subscriber.left_at = timezone.now()
        subscriber.save(update_fields=["left_at"])
        ConsentEvent.objects.create(
            subscriber=subscriber,
            email=subscriber.email,
            kind=ConsentEvent.Kind.UNSUBSCRIBE,
            newsletters=[],
            details={"left": _slugs(left)},
            source=source,
            consent_version=subscriber.consent_version,
        )
    return True
