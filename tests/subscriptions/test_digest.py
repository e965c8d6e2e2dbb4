"""Digests: what goes in, who gets them, and that nobody ever gets the same one twice."""

from datetime import timedelta
from io import StringIO
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from subscriptions import sending, services
from subscriptions.models import Delivery, Digest
from subscriptions.sending import digest_send
from tests.factories import PublicationFactory, ResearchAreaFactory, SeriesFactory, days_ago

from .factories import NewsletterFactory, SubscriberFactory
from .helpers import link_to

pytestmark = pytest.mark.django_db


class Crash(BaseException):
    """The process dying (killed, out of memory): nothing after it runs, no handler catches it."""


@pytest.fixture
def energy(db):
    return ResearchAreaFactory(name="Energy")


@pytest.fixture
def letter(energy):
    """A newsletter following the Energy area and nothing else."""
    return NewsletterFactory(name="Energy Brief", slug="energy-brief", areas=[energy])


@pytest.fixture
def readers(letter):
    """Three confirmed subscribers of the Energy Brief."""
    return [
        SubscriberFactory(email=f"reader{n}@example.org", confirmed=True, newsletters=[letter])
        for n in range(3)
    ]


def recipients(mailoutbox) -> list[str]:
    return sorted(address for message in mailoutbox for address in message.to)


def test_a_digest_carries_what_the_newsletter_follows_and_nothing_else(letter, energy, readers, mailoutbox):
    grid = ResearchAreaFactory(name="Grid", parent=energy)
    series = SeriesFactory(name="Power Notes")
    letter.series.add(series)
    wanted = [
        PublicationFactory(title="Keeping the Lights On", areas=[energy]),
        PublicationFactory(title="Substations in a Storm", areas=[grid]),
        PublicationFactory(title="Power Notes No. 4", series=series),
    ]
    PublicationFactory(title="Unrelated Shipping Memo", areas=[ResearchAreaFactory()])
    PublicationFactory(title="Draft on Energy", areas=[energy], draft=True)
    PublicationFactory(title="Scheduled Energy Piece", areas=[energy], scheduled=True)
    PublicationFactory(title="Old Energy News", areas=[energy], published_at=days_ago(30))

    report = digest_send(newsletter=letter)

    assert (report.sent, report.failed, report.finished) == (3, 0, True)
    assert recipients(mailoutbox) == [r.email for r in readers]
    body = mailoutbox[0].body
    for publication in wanted:
        assert publication.title in body
        assert f"http://127.0.0.1:8000{publication.get_absolute_url()}" in body
    for missing in [
        "Unrelated Shipping Memo",
        "Draft on Energy",
        "Scheduled Energy Piece",
        "Old Energy News",
    ]:
        assert missing not in body
    assert mailoutbox[0].subject == "Energy Brief: 3 new publications"
    assert "Keeping the Lights On" in mailoutbox[0].alternatives[0][0]


def test_only_confirmed_subscribers_still_on_the_newsletter_get_it(letter, energy, mailoutbox):
    other = NewsletterFactory()
    confirmed = SubscriberFactory(confirmed=True, newsletters=[letter])
    SubscriberFactory(newsletters=[letter])  # never confirmed
    SubscriberFactory(left=True, newsletters=[letter])
    SubscriberFactory(confirmed=True, newsletters=[other])
    PublicationFactory(areas=[energy])

    digest_send(newsletter=letter)

    assert recipients(mailoutbox) == [confirmed.email]


def test_every_digest_has_the_list_headers_for_its_reader(letter, energy, readers, mailoutbox):
    PublicationFactory(areas=[energy])
    digest_send(newsletter=letter)
    for message in mailoutbox:
        reader = next(r for r in readers if r.email in message.to)
        assert message.extra_headers["List-Unsubscribe"].endswith(f"/subscribe/unsubscribe/{reader.token}/>")
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert message.extra_headers["List-Id"] == '"Energy Brief" <energy-brief.127.0.0.1>'
        assert link_to(message, "subscriptions:manage")


def test_a_newsletter_without_areas_or_series_carries_everything_new(readers, mailoutbox):
    everything = NewsletterFactory(slug="all")
    reader = SubscriberFactory(confirmed=True, newsletters=[everything])
    PublicationFactory(title="Anything at All")
    digest_send(newsletter=everything)
    assert recipients(mailoutbox) == [reader.email]
    assert "Anything at All" in mailoutbox[0].body


def test_running_it_twice_sends_nothing_the_second_time(letter, energy, readers, mailoutbox):
    PublicationFactory(areas=[energy])
    digest_send(newsletter=letter)
    mailoutbox.clear()

    again = digest_send(newsletter=letter)

    assert again.digest is None
    assert "nothing new" in str(again)
    assert mailoutbox == []
    assert Digest.objects.count() == 1


def test_the_next_digest_starts_where_the_last_ended(letter, energy, readers, mailoutbox, clock):
    PublicationFactory(title="First Piece", areas=[energy])
    digest_send(newsletter=letter)
    mailoutbox.clear()
    clock.advance(timedelta(days=2))
    PublicationFactory(title="Second Piece", areas=[energy], published_at=timezone.now() - timedelta(hours=1))

    digest_send(newsletter=letter)

    assert len(mailoutbox) == 3
    assert "Second Piece" in mailoutbox[0].body
    assert "First Piece" not in mailoutbox[0].body
    assert mailoutbox[0].subject == "Energy Brief: Second Piece"


def test_with_nothing_new_no_digest_is_made(letter, readers, mailoutbox):
    assert digest_send(newsletter=letter).digest is None
    assert mailoutbox == []


def test_a_crash_half_way_then_a_rerun_sends_nobody_the_digest_twice(letter, energy, mailoutbox):
    readers = [SubscriberFactory(confirmed=True, newsletters=[letter]) for _ in range(5)]
    PublicationFactory(areas=[energy])
    real_send = sending.emails.EmailMultiAlternatives.send
    calls = []

    def dies_on_the_third(message, *args, **kwargs):
        calls.append(message.to)
        if len(calls) == 3:
            raise Crash
        return real_send(message, *args, **kwargs)

    with (
        mock.patch.object(sending.emails.EmailMultiAlternatives, "send", dies_on_the_third),
        pytest.raises(Crash),
    ):
        digest_send(newsletter=letter)
    assert len(mailoutbox) == 2

    report = digest_send(newsletter=letter)

    got = recipients(mailoutbox)
    assert len(got) == len(set(got)), "nobody got it twice"
    assert len(got) == 4
    crashed_on = calls[2][0]
    assert crashed_on not in got
    assert (report.sent, report.in_doubt, report.finished) == (2, 1, True)
    assert Delivery.objects.get(subscriber__email=crashed_on).status == Delivery.Status.SENDING
    assert {r.email for r in readers} - set(got) == {crashed_on}


def test_a_crash_after_the_mail_left_does_not_send_it_again(letter, energy, readers, mailoutbox):
    """The worst moment: the mail server has the message but the run dies before recording it."""
    PublicationFactory(areas=[energy])
    real_send = sending.emails.EmailMultiAlternatives.send

    def sends_then_dies(message, *args, **kwargs):
        real_send(message, *args, **kwargs)
        raise Crash

    with (
        mock.patch.object(sending.emails.EmailMultiAlternatives, "send", sends_then_dies),
        pytest.raises(Crash),
    ):
        digest_send(newsletter=letter)
    digest_send(newsletter=letter)
    digest_send(newsletter=letter)

    got = recipients(mailoutbox)
    assert sorted(got) == sorted(r.email for r in readers)


def test_a_mail_server_failure_is_retried_by_the_next_run(settings, letter, energy, readers, mailoutbox):
    PublicationFactory(areas=[energy])
    settings.EMAIL_BACKEND = "tests.subscriptions.helpers.BrokenEmailBackend"

    first = digest_send(newsletter=letter)

    assert (first.sent, first.failed, first.finished) == (0, 3, False)
    assert "run it again" in str(first)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    second = digest_send(newsletter=letter)
    assert (second.sent, second.failed, second.finished) == (3, 0, True)
    assert recipients(mailoutbox) == [r.email for r in readers]
    assert digest_send(newsletter=letter).digest is None


def test_a_delivery_that_keeps_failing_is_given_up_so_the_newsletter_moves_on(
    settings, letter, energy, readers
):
    PublicationFactory(areas=[energy])
    settings.EMAIL_BACKEND = "tests.subscriptions.helpers.BrokenEmailBackend"
    reports = [digest_send(newsletter=letter) for _ in range(sending.MAX_DELIVERY_ATTEMPTS)]
    assert [r.finished for r in reports] == [False] * (sending.MAX_DELIVERY_ATTEMPTS - 1) + [True]
    assert set(Delivery.objects.values_list("attempts", flat=True)) == {sending.MAX_DELIVERY_ATTEMPTS}


def test_a_reader_who_leaves_before_a_retry_is_not_sent_it(settings, letter, energy, readers, mailoutbox):
    PublicationFactory(areas=[energy])
    settings.EMAIL_BACKEND = "tests.subscriptions.helpers.BrokenEmailBackend"
    digest_send(newsletter=letter)
    services.subscriber_unsubscribe(subscriber=readers[0])
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    digest_send(newsletter=letter)
    assert readers[0].email not in recipients(mailoutbox)


def test_a_publication_unpublished_before_the_rerun_is_left_out(letter, energy, readers, mailoutbox):
    kept = PublicationFactory(title="Still Public", areas=[energy])
    pulled = PublicationFactory(title="Pulled Back", areas=[energy])
    with mock.patch.object(sending, "_deliver", side_effect=Crash), pytest.raises(Crash):
        digest_send(newsletter=letter)
    Delivery.objects.all().delete()  # as if the crash happened before the first claim
    pulled.status = pulled.Status.DRAFT
    pulled.save()

    digest_send(newsletter=letter)

    assert kept.title in mailoutbox[0].body
    assert "Pulled Back" not in mailoutbox[0].body


def test_the_database_refuses_a_second_delivery_of_one_digest(letter, energy, readers):
    PublicationFactory(areas=[energy])
    digest_send(newsletter=letter)
    digest = Digest.objects.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        Delivery.objects.create(digest=digest, subscriber=readers[0])


def test_the_database_refuses_two_unfinished_digests_of_one_newsletter(letter):
    now = timezone.now()
    Digest.objects.create(newsletter=letter, covers_from=now, covers_until=now)
    with pytest.raises(IntegrityError), transaction.atomic():
        Digest.objects.create(newsletter=letter, covers_from=now, covers_until=now)


def test_the_command_sends_the_digest_and_says_what_it_did(letter, energy, readers, mailoutbox):
    PublicationFactory(areas=[energy])
    out = StringIO()
    call_command("send_digest", "energy-brief", stdout=out)
    assert "sent 3, failed 0" in out.getvalue()
    assert len(mailoutbox) == 3

    out = StringIO()
    call_command("send_digest", "energy-brief", stdout=out)
    assert "nothing new" in out.getvalue()
    assert len(mailoutbox) == 3


def test_the_command_refuses_unknown_and_inactive_newsletters(letter):
    with pytest.raises(CommandError, match="No newsletter with the slug 'nope'.*energy-brief"):
        call_command("send_digest", "nope")
    letter.active = False
    letter.save()
    with pytest.raises(CommandError, match="not active"):
        call_command("send_digest", "energy-brief")


def test_the_command_fails_loudly_when_mail_could_not_be_sent(settings, letter, energy, readers):
    PublicationFactory(areas=[energy])
    settings.EMAIL_BACKEND = "tests.subscriptions.helpers.BrokenEmailBackend"
    with pytest.raises(CommandError, match="run the command again"):
        call_command("send_digest", "energy-brief", stdout=StringIO())
