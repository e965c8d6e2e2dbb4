"""Background work: every e-mail leaves through one of these tasks.

Production queues them in the database (django-tasks-db) and a worker process runs them, so
a sign-up answers at once however slow the mail server is. Tests and the demo run them
immediately, in the request.
"""

import logging
from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from .models import Newsletter
from .sending import confirmation_send, digest_send

logger = logging.getLogger(__name__)

# After a failed send the confirmation is queued again this much later, then given up; the
# sign-up itself is kept either way, and an editor can resend it from the admin.
RETRY_DELAYS = [
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=12),
]


@task()
def send_confirmation(sign_up_id: int, attempt: int = 1) -> bool:
    try:
        return confirmation_send(sign_up_id=sign_up_id)
    except Exception:
        backend = send_confirmation.get_backend()
        if attempt <= len(RETRY_DELAYS) and backend.supports_defer:
            delay = RETRY_DELAYS[attempt - 1]
            send_confirmation.using(run_after=timezone.now() + delay).enqueue(sign_up_id, attempt + 1)
            logger.warning(
                "Confirmation e-mail for sign-up %s failed (attempt %s); retrying in %s",
                sign_up_id,
                attempt,
                delay,
                exc_info=True,
            )
        else:
            logger.error(
                "Confirmation e-mail for sign-up %s failed (attempt %s); not retrying. "
                'Use "Resend the confirmation e-mail" in the admin.',
                sign_up_id,
                attempt,
                exc_info=True,
            )
        raise


@task()
def send_digest(newsletter_id: int) -> dict:
    newsletter = Newsletter.objects.filter(pk=newsletter_id, active=True).first()
    if newsletter is None:
        return {"newsletter": newsletter_id, "skipped": "not an active newsletter"}
    report = digest_send(newsletter=newsletter)
    logger.info("%s", report)
    return report.as_dict()
