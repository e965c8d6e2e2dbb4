"""Every registration e-mail leaves through one of these tasks (a worker runs them; tests and
the demo run them at once)."""

import logging

from django_tasks import task

from . import sending

logger = logging.getLogger(__name__)


@task()
def send_registration_email(registration_id: int) -> bool:
    """The confirmation (or wait-list) e-mail, with the event's calendar file attached."""
    return sending.registration_email_send(registration_id=registration_id)


@task()
def send_reminders() -> dict:
    """Reminders the day before and an hour before; run it every few minutes (cron, or
    ``manage.py send_event_reminders``). Each is claimed before it is sent: running it twice sends
    nothing twice."""
    report = sending.reminders_send()
    logger.info("Event reminders: %s", report)
    return report


@task()
def send_change_notices(event_id: int, sequence: int) -> int:
    """Tells an event's registrants that it was cancelled or moved, once per change."""
    return sending.change_notices_send(event_id=event_id, sequence=sequence)
