"""Registration e-mails: the confirmation, the reminders and the change notices. Reminders and
notices are claimed (a ``Notice`` row, unique per registration and kind, committed) before the
e-mail goes out, so nobody gets one twice; a run that dies between the claim and the sending
leaves that one unsent rather than risk a duplicate (as the newsletter digests do)."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from . import calendars, tokens
from .models import Event, Notice, Registration

logger = logging.getLogger(__name__)

# Which reminder, and how long before the start it goes out.
REMINDERS = {"day": timedelta(days=1), "hour": timedelta(hours=1)}


def _absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def cancel_url(registration: Registration) -> str:
    return _absolute(reverse("events:cancel", kwargs={"token": tokens.cancel_token(registration)}))


def build(*, registration: Registration, template: str, context: dict | None = None, connection=None):
    event = registration.event
    context = {
        **(context or {}),
        "registration": registration,
        "event": event,
        "event_url": _absolute(event.get_absolute_url()),
        "cancel_url": cancel_url(registration),
        "SITE_NAME": settings.SITE_NAME,
    }
    subject = " ".join(render_to_string(f"events/email/{template}_subject.txt", context).split())
    message = EmailMessage(
        subject=subject,
        body=render_to_string(f"events/email/{template}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[registration.email],
        connection=connection,
    )
    if registration.status != Registration.Status.CANCELLED:
        message.attach(f"{event.slug}.ics", calendars.event_calendar(event), "text/calendar; method=PUBLISH")
    return message


def registration_email_send(*, registration_id: int) -> bool:
    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is None or registration.status == Registration.Status.CANCELLED:
        return False
    build(registration=registration, template="registered").send()
    return True


def _claim(registration: Registration, kind: str) -> bool:
    try:
        with transaction.atomic():
            Notice.objects.create(registration=registration, kind=kind)
    except IntegrityError:
        return False
    return True


def reminders_send() -> dict:
    now = timezone.now()
    report = {}
    connection = get_connection()
    with connection:
        for kind, before in REMINDERS.items():
            due = (
                Registration.objects.filter(
                    status=Registration.Status.CONFIRMED,
                    event__in=Event.objects.published().filter(
                        cancelled=False, starts_at__gt=now, starts_at__lte=now + before
                    ),
                )
                .exclude(notices__kind=kind)
                .select_related("event")
            )
            sent = 0
            for registration in due:
                if kind == "day" and registration.event.starts_at - now <= REMINDERS["hour"]:
                    continue  # a day-before reminder an hour before would only repeat the next one
                if _claim(registration, kind):
                    build(
                        registration=registration,
                        template="reminder",
                        context={"kind": kind},
                        connection=connection,
                    ).send()
                    sent += 1
            report[kind] = sent
    return report


def change_notices_send(*, event_id: int, sequence: int) -> int:
    event = Event.objects.published().filter(pk=event_id, sequence=sequence).first()
    if event is None:  # changed again since (that change sends its own) or no longer public
        return 0
    sent = 0
    connection = get_connection()
    with connection:
        for registration in event.registrations.active().select_related("event"):
            if _claim(registration, f"change-{sequence}"):
                build(registration=registration, template="changed", connection=connection).send()
                sent += 1
    return sent
