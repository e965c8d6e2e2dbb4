"""Registering, the wait list, the e-mails with their calendar file, the cancel link, reminders."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

import icalendar
import pytest
from django.core import mail
from django.urls import reverse

from events import sending, tokens
from events.models import Notice, Registration
from subscriptions.models import Subscriber
from tests.subscriptions.factories import NewsletterFactory

from .factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def register(client, event, **data):
    form = {"name": "Ada Reader", "email": "ada@example.org", "organisation": "Acme"} | data
    return client.post(reverse("events:register", kwargs={"slug": event.slug}), form)


def test_the_event_page_links_to_a_protected_form(client):
    event = EventFactory(built_in=True)
    page = client.get(reverse("events:register", kwargs={"slug": event.slug}))
    assert page.status_code == 200
    assert "csrfmiddlewaretoken" in page.content.decode()
    assert "no-store" in page["Cache-Control"] or "no-cache" in page["Cache-Control"]
    checked = type(client)(enforce_csrf_checks=True)
    assert register(checked, event).status_code == 403
    assert not Registration.objects.exists()


def test_registration_sends_confirmation_with_ics_and_cancel_link(client, mailoutbox, site_url):
    event = EventFactory(built_in=True, title="Grid panel")
    response = register(client, event)
    assert response.status_code == 302
    assert response["Location"] == reverse("events:registered", kwargs={"slug": event.slug})
    registration = Registration.objects.get()
    assert registration.status == Registration.Status.CONFIRMED
    [message] = mailoutbox
    assert message.to == ["ada@example.org"]
    assert message.subject == "Registered: Grid panel"
    [(name, content, mimetype)] = message.attachments
    assert name.endswith(".ics")
    assert mimetype.startswith("text/calendar")
    [item] = icalendar.Calendar.from_ical(content).events
    assert str(item["SUMMARY"]) == "Grid panel"
    # The link is signed with a timestamp, so it is read back rather than rebuilt.
    [link] = re.findall(r"https?://\S+/cancel/", message.body)
    assert link.startswith(site_url)
    cancel_page = client.get(urlsplit(link).path)
    assert cancel_page.status_code == 200
    assert "Grid panel" in cancel_page.content.decode()


def test_a_second_registration_of_one_address_is_the_same_one(client, mailoutbox):
    event = EventFactory(built_in=True)
    register(client, event)
    register(client, event, email="ADA@Example.org", name="Ada again")
    assert Registration.objects.count() == 1
    assert len(mailoutbox) == 2  # the confirmation again, for someone who lost it


def test_capacity_then_wait_list_then_promotion_on_cancel(client, mailoutbox):
    event = EventFactory(built_in=True, capacity=1)
    register(client, event, email="first@example.org")
    response = register(client, event, email="second@example.org")
    assert response["Location"].endswith("?waitlist=1")
    first, second = Registration.objects.order_by("pk")
    assert (first.status, second.status) == ("confirmed", "waitlisted")
    assert mailoutbox[1].subject.startswith("Wait list")
    cancel = reverse("events:cancel", kwargs={"token": tokens.cancel_token(first)})
    assert "Cancel my registration" in client.get(cancel).content.decode()
    first.refresh_from_db()
    assert first.status == "confirmed"  # opening the link cancels nothing: mail scanners open links
    assert "Registration cancelled" in client.post(cancel).content.decode()
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == ("cancelled", "confirmed")
    assert mailoutbox[-1].to == ["second@example.org"]
    assert mailoutbox[-1].subject.startswith("Registered")
    client.post(cancel)  # twice: nothing more happens
    assert Registration.objects.filter(status="confirmed").count() == 1


def test_bad_cancel_links_are_refused(client):
    registration = RegistrationFactory()
    forged = tokens.cancel_token(registration)[:-3] + "xyz"
    for token in [forged, "nonsense"]:
        response = client.post(reverse("events:cancel", kwargs={"token": token}))
        assert response.status_code == 404
        assert "Link not recognised" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == "confirmed"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": "not-an-address"}, "Enter a valid e-mail address"),
        ({"email": ""}, "Enter your e-mail address."),
        ({"name": ""}, "Enter your name."),
    ],
)
def test_bad_input_is_answered_clearly_and_nothing_stored(client, mailoutbox, data, message):
    event = EventFactory(built_in=True)
    response = register(client, event, **data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "nothing was stored" in response.content.decode()
    assert not Registration.objects.exists()
    assert not mailoutbox


@pytest.mark.parametrize("state", ["closed", "past", "cancelled"])
def test_no_registration_when_closed_past_or_cancelled(client, mailoutbox, state, clock):
    event = EventFactory(built_in=True, cancelled=state == "cancelled")
    if state == "closed":
        event.registration_closes_at = event.starts_at - timedelta(days=1)
        event.save()
        clock.advance(timedelta(days=6, hours=1))
    if state == "past":
        clock.set(event.ends_at + timedelta(hours=1))
    response = register(client, event)
    assert response.status_code == 409
    assert "Nothing was stored" in response.content.decode()
    assert not Registration.objects.exists()
    assert not mailoutbox


def test_honeypot_looks_fine_and_stores_nothing(client, mailoutbox):
    event = EventFactory(built_in=True)
    response = register(client, event, website="http://spam.example")
    assert response.status_code == 302
    assert not Registration.objects.exists()
    assert not mailoutbox


def test_also_subscribe_goes_through_double_opt_in(client, mailoutbox):
    weekly = NewsletterFactory(slug="weekly")
    NewsletterFactory(slug="monthly")
    event = EventFactory(built_in=True)
    register(client, event, newsletters=["weekly"])
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "ada@example.org"
    assert not subscriber.is_receiving
    assert list(subscriber.newsletters.all()) == [weekly]
    assert len(mailoutbox) == 2  # the registration and the newsletter's confirmation


def test_rate_limited_per_visitor(client, settings):
    settings.SUBSCRIBE_RATE_LIMIT_PER_IP = (1, 3600)
    event = EventFactory(built_in=True)
    register(client, event, email="one@example.org")
    response = register(client, event, email="two@example.org")
    assert response.status_code == 429
    assert response["Retry-After"]
    assert Registration.objects.count() == 1


def test_reminders_go_once_even_when_the_task_runs_twice(clock, mailoutbox):
    event = EventFactory(built_in=True)
    confirmed = RegistrationFactory(event=event)
    RegistrationFactory(event=event, status="cancelled")
    RegistrationFactory(event=event, status="waitlisted")
    assert sending.reminders_send() == {"day": 0, "hour": 0}
    clock.set(event.starts_at - timedelta(hours=20))
    assert sending.reminders_send() == {"day": 1, "hour": 0}
    assert sending.reminders_send() == {"day": 0, "hour": 0}
    clock.set(event.starts_at - timedelta(minutes=50))
    assert sending.reminders_send() == {"day": 0, "hour": 1}
    assert sending.reminders_send() == {"day": 0, "hour": 0}
    assert [m.subject for m in mailoutbox] == [
        f"Tomorrow: {event.title}",
        f"Starting in an hour: {event.title}",
    ]
    assert all(m.to == [confirmed.email] for m in mailoutbox)
    assert Notice.objects.count() == 2


def test_moving_or_cancelling_tells_registrants_once(django_capture_on_commit_callbacks, mailoutbox):
    event = EventFactory(built_in=True)
    RegistrationFactory(event=event)
    RegistrationFactory(event=event, status="waitlisted")
    with django_capture_on_commit_callbacks(execute=True):
        event.dek = "Only the subtitle"
        event.save()
    assert mailoutbox == []
    with django_capture_on_commit_callbacks(execute=True):
        event.starts_at += timedelta(hours=2)
        event.ends_at += timedelta(hours=2)
        event.change_note = "Two hours later because of the vote."
        event.save()
    assert len(mailoutbox) == 2
    assert all(m.subject.startswith("Changed") for m in mailoutbox)
    assert "Two hours later" in mailoutbox[0].body
    sending.change_notices_send(event_id=event.pk, sequence=event.sequence)  # the task again
    assert len(mailoutbox) == 2
    with django_capture_on_commit_callbacks(execute=True):
        event.cancelled = True
        event.save()
    assert len(mailoutbox) == 4
    assert mailoutbox[-1].subject.startswith("Cancelled")
    [(_, content, _)] = mailoutbox[-1].attachments
    [item] = icalendar.Calendar.from_ical(content).events
    assert item["STATUS"] == "CANCELLED"
    assert item["SEQUENCE"] == 2
    assert mail.outbox is mailoutbox
