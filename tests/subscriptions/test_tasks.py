"""E-mail leaves through background tasks; a mail server that is down loses no sign-up."""

from datetime import timedelta
from smtplib import SMTPServerDisconnected

import pytest
from django.utils import timezone
from django_tasks import default_task_backend

from subscriptions.models import ConsentEvent, Subscriber
from subscriptions.tasks import RETRY_DELAYS, send_confirmation

from .helpers import link_to, sign_up

pytestmark = pytest.mark.django_db


@pytest.fixture
def queue(settings):
    """A task queue that holds jobs instead of running them, like the database queue in
    production before the worker picks them up."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    default_task_backend.clear()
    yield default_task_backend
    default_task_backend.clear()


def run(result):
    """What the worker does with one queued job."""
    return result.task.call(*result.args, **result.kwargs)


def test_sign_up_answers_at_once_and_queues_the_mail(client, weekly, queue, mailoutbox):
    response = sign_up(client)
    assert response.status_code == 302
    assert Subscriber.objects.count() == 1
    assert mailoutbox == []
    [job] = queue.results
    assert job.task.name == "send_confirmation"
    run(job)
    assert len(mailoutbox) == 1


def test_a_failed_send_is_retried_later_and_the_sign_up_is_kept(settings, client, weekly, queue, mailoutbox):
    sign_up(client)
    [first] = queue.results
    settings.EMAIL_BACKEND = "tests.subscriptions.helpers.BrokenEmailBackend"

    with pytest.raises(SMTPServerDisconnected):
        run(first)

    assert Subscriber.objects.get().confirmation_sent_at is None
    retry = queue.results[-1]
    assert retry is not first
    assert retry.kwargs == {}
    assert retry.args[1] == 2
    expected = timezone.now() + RETRY_DELAYS[0]
    assert abs(retry.task.run_after - expected) < timedelta(seconds=5)

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    run(retry)
    assert [m.to for m in mailoutbox] == [["ada@example.org"]]
    assert Subscriber.objects.get().confirmation_sent_at is not None
    assert link_to(mailoutbox[0], "subscriptions:confirm")


def test_retries_stop_after_the_last_delay(settings, weekly, queue):
    sign_up_event = ConsentEvent.objects.create(
        subscriber=Subscriber.objects.create(email="ada@example.org"),
        email="ada@example.org",
        kind=ConsentEvent.Kind.SIGN_UP,
        newsletters=["weekly"],
    )
    settings.EMAIL_BACKEND = "tests.subscriptions.helpers.BrokenEmailBackend"
    with pytest.raises(SMTPServerDisconnected):
        send_confirmation.call(sign_up_event.pk, len(RETRY_DELAYS) + 1)
    assert queue.results == []


def test_with_immediate_tasks_a_dead_mail_server_still_gives_the_thank_you_page(settings, client, weekly):
    settings.EMAIL_BACKEND = "tests.subscriptions.helpers.BrokenEmailBackend"
    response = sign_up(client)
    assert response.status_code == 302
    subscriber = Subscriber.objects.get()
    assert subscriber.confirmation_sent_at is None
    assert subscriber.consent_events.filter(kind=ConsentEvent.Kind.SIGN_UP).exists()


def test_a_deleted_sign_up_sends_nothing(weekly, mailoutbox):
    assert send_confirmation.call(12345) is False
    assert mailoutbox == []
