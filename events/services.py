"""Everything that changes registrations. Keyword-only, one transaction each; mail leaves through
tasks (tasks.py) queued inside the transaction, so a registration and its e-mail are saved together.

Seats: the event's row is locked (``select_for_update``) while a registration counts the seats
taken, so two registrations racing for the last seat are decided one after the other: one seat,
one wait-list place. The unique index on (event, lower(email)) makes a repeated registration
the same one."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from subscriptions.services import subscriber_sign_up

from .models import Event, Registration
from .tasks import send_registration_email


class RegistrationClosed(Exception):
    """Registration is not open for this event (closed, cancelled, or not on this site)."""


@dataclass
class Outcome:
    registration: Registration
    created: bool

    @property
    def waitlisted(self) -> bool:
        return self.registration.status == Registration.Status.WAITLISTED


def _seat_or_wait(event: Event) -> str:
    if event.capacity is None:
        return Registration.Status.CONFIRMED
    taken = event.registrations.filter(status=Registration.Status.CONFIRMED).count()
    return Registration.Status.CONFIRMED if taken < event.capacity else Registration.Status.WAITLISTED


def registration_create(
    *,
    event: Event,
    name: str,
    email: str,
    organisation: str = "",
    newsletters: Iterable = (),
    source: str = "",
) -> Outcome:
    """Registers ``email`` for ``event``: a seat while there is one, else the wait list. The same
    address again is the same registration (a cancelled one comes back), with the e-mail sent again."""
    newsletters = list(newsletters)
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        if not event.registration_open:
            raise RegistrationClosed
        existing = event.registrations.filter(email__iexact=email).first()
        created = existing is None
        if existing is not None and existing.status != Registration.Status.CANCELLED:
            registration = existing
        elif existing is not None:
            existing.status, existing.cancelled_at = _seat_or_wait(event), None
            existing.name, existing.organisation = name, organisation
            existing.save(update_fields=["status", "cancelled_at", "name", "organisation"])
            registration = existing
        else:
            try:
                with transaction.atomic():
                    registration = Registration.objects.create(
                        event=event,
                        name=name,
                        email=email,
                        organisation=organisation,
                        status=_seat_or_wait(event),
                    )
            except IntegrityError:  # the same address a moment ago, through another request
                registration, created = event.registrations.get(email__iexact=email), False
        send_registration_email.enqueue(registration.pk)
        if newsletters:
            # The newsletter's own double opt-in: nothing arrives until the reader confirms.
            subscriber_sign_up(email=email, newsletters=newsletters, first_name=name, source=source)
    return Outcome(registration=registration, created=created)


def registration_cancel(*, registration: Registration) -> bool:
    """Cancels a registration and gives its seat to the first on the wait list, who is told.
    Repeating it changes nothing and returns False."""
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=registration.event_id)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == Registration.Status.CANCELLED:
            return False
        had_seat = registration.status == Registration.Status.CONFIRMED
        registration.status, registration.cancelled_at = Registration.Status.CANCELLED, timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        if had_seat and not event.is_past:
            waiting = event.registrations.filter(status=Registration.Status.WAITLISTED).order_by(
                "created_at", "pk"
            )
            promoted = waiting.select_for_update().first()
            if promoted is not None:
                promoted.status = Registration.Status.CONFIRMED
                promoted.save(update_fields=["status"])
                send_registration_email.enqueue(promoted.pk)
    return True
