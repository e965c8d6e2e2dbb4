"""Sending mail: the confirmation of a sign-up and the digests. Run by the tasks in tasks.py
(and ``manage.py send_digest``); each delivery is recorded before it is handed over, so nothing
goes to anyone twice."""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from publications.models import Publication

from . import emails, tokens
from .models import ConsentEvent, Delivery, Digest, Newsletter, Subscriber

logger = logging.getLogger(__name__)

FIRST_DIGEST_LOOKBACK = timedelta(days=7)
MAX_DELIVERY_ATTEMPTS = 3


def confirmation_send(*, sign_up_id: int) -> bool:
    """Sends the confirmation e-mail for one sign-up; False when there is nothing to send."""
    sign_up = ConsentEvent.objects.select_related("subscriber").filter(pk=sign_up_id).first()
    if sign_up is None or sign_up.subscriber is None:
        return False
    subscriber = sign_up.subscriber
    confirm_url = emails.absolute(
        reverse("subscriptions:confirm", kwargs={"token": tokens.confirm_token(sign_up.pk)})
    )
    newsletters = list(Newsletter.objects.filter(slug__in=sign_up.newsletters))
    emails.confirmation(subscriber=subscriber, newsletters=newsletters, confirm_url=confirm_url).send()
    with transaction.atomic():
        Subscriber.objects.filter(pk=subscriber.pk).update(confirmation_sent_at=timezone.now())
    return True


@dataclass
class DigestReport:
    newsletter: Newsletter
    digest: Digest | None = None
    sent: int = 0
    failed: int = 0
    in_doubt: int = 0
    finished: bool = False

    def __str__(self) -> str:
        if self.digest is None:
            return f"{self.newsletter}: nothing new to send."
        text = (
            f"{self.newsletter}: digest of {self.digest.publications.count()} publication(s); "
            f"sent {self.sent}, failed {self.failed}"
        )
        if self.in_doubt:
            text += (
                f", {self.in_doubt} in doubt (claimed by a run that stopped before recording the result; "
                "never sent again)"
            )
        if self.finished:
            return f"{text}. Finished."
        return f"{text}. Not finished: run it again to retry the failures."

    def as_dict(self) -> dict:
        return {
            "newsletter": self.newsletter.slug,
            "digest": self.digest.pk if self.digest else None,
            "sent": self.sent,
            "failed": self.failed,
            "in_doubt": self.in_doubt,
            "finished": self.finished,
        }


def _open_digest(newsletter: Newsletter) -> Digest | None:
    """The newsletter's unfinished digest, or a new one if anything was published since the
    last; None when there is nothing to send."""
    unfinished = newsletter.digests.filter(finished_at__isnull=True).first()
    if unfinished is not None:
        return unfinished
    now = timezone.now()
    last = newsletter.digests.order_by("-covers_until").first()
    start = last.covers_until if last else now - FIRST_DIGEST_LOOKBACK
    found = list(newsletter.publications_between(start, now).values_list("pk", flat=True))
    if not found:
        return None
    try:
        with transaction.atomic():
            digest = Digest.objects.create(
                newsletter=newsletter, created_at=now, covers_from=start, covers_until=now
            )
            digest.publications.set(found)
    except IntegrityError:  # another run made one a moment ago: join it
        return newsletter.digests.filter(finished_at__isnull=True).first()
    return digest


def _claim(digest: Digest, subscriber_id: int) -> Delivery | None:
    """Writes the delivery row before anything is sent; None if another run holds it."""
    try:
        with transaction.atomic():
            return Delivery.objects.create(digest=digest, subscriber_id=subscriber_id)
    except IntegrityError:
        return None


def _reclaim(delivery: Delivery) -> bool:
    """Takes a failed delivery back for another attempt, unless another run just did."""
    with transaction.atomic():
        return bool(
            Delivery.objects.filter(pk=delivery.pk, status=Delivery.Status.FAILED).update(
                status=Delivery.Status.SENDING, attempts=F("attempts") + 1, claimed_at=timezone.now()
            )
        )


def _deliver(delivery: Delivery, *, digest: Digest, publications: list, connection) -> bool:
    try:
        emails.digest(
            subscriber=delivery.subscriber,
            newsletter=digest.newsletter,
            publications=publications,
            connection=connection,
        ).send()
    except Exception as error:
        logger.warning("Digest %s to subscriber %s failed: %s", digest.pk, delivery.subscriber_id, error)
        with transaction.atomic():
            Delivery.objects.filter(pk=delivery.pk).update(
                status=Delivery.Status.FAILED, finished_at=timezone.now(), error=str(error)[:2000]
            )
        return False
    with transaction.atomic():
        Delivery.objects.filter(pk=delivery.pk).update(
            status=Delivery.Status.SENT, finished_at=timezone.now(), error=""
        )
    return True


def digest_send(*, newsletter: Newsletter) -> DigestReport:
    """E-mails the newsletter's confirmed subscribers what it follows that was published since
    its last digest.

    Each recipient's delivery row is claimed (committed) before the e-mail goes out, and the
    pair (digest, subscriber) is unique, so running this twice, at once or after a crash, never
    sends anyone the same digest twice. A delivery whose run died between claiming and
    recording the result stays "in doubt" and is not sent again: a missed digest is better
    than a duplicate. Failures the mail server reported are retried by the next run, up to
    MAX_DELIVERY_ATTEMPTS in all; until then the digest stays unfinished.
    """
    report = DigestReport(newsletter=newsletter)
    digest = _open_digest(newsletter)
    if digest is None:
        return report
    report.digest = digest
    publications = list(
        Publication.objects.published().filter(pk__in=digest.publications.values("pk")).with_cards()
    )
    if publications:
        connection = get_connection()
        with connection:
            retry = digest.deliveries.filter(
                status=Delivery.Status.FAILED, attempts__lt=MAX_DELIVERY_ATTEMPTS
            ).select_related("subscriber")
            for delivery in retry:
                if not _reclaim(delivery):
                    continue
                if delivery.subscriber.is_receiving:
                    sent = _deliver(delivery, digest=digest, publications=publications, connection=connection)
                    report.sent += sent
                    report.failed += not sent
                else:
                    Delivery.objects.filter(pk=delivery.pk).update(
                        status=Delivery.Status.FAILED,
                        attempts=MAX_DELIVERY_ATTEMPTS,
                        error="Left before the retry.",
                    )
            recipients = (
                Subscriber.objects.receiving()
                .filter(
                    subscriptions__newsletter=newsletter,
                    subscriptions__confirmed_at__isnull=False,
                    subscriptions__confirmed_at__lte=digest.created_at,
                )
                .exclude(deliveries__digest=digest)
                .order_by("pk")
            )
            for subscriber in list(recipients):
                delivery = _claim(digest, subscriber.pk)
                if delivery is None:
                    continue
                delivery.subscriber = subscriber
                sent = _deliver(delivery, digest=digest, publications=publications, connection=connection)
                report.sent += sent
                report.failed += not sent
    report.in_doubt = digest.deliveries.filter(status=Delivery.Status.SENDING).count()
    retryable = digest.deliveries.filter(status=Delivery.Status.FAILED, attempts__lt=MAX_DELIVERY_ATTEMPTS)
    if not retryable.exists():
        Digest.objects.filter(pk=digest.pk).update(finished_at=timezone.now())
        report.finished = True
    return report
