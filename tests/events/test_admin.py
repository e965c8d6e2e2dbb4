"""What editors and subscriber managers do with events and registrants in the admin."""

import csv
import io
from datetime import UTC, datetime

import pytest
from django.urls import reverse

from events.models import Event
from staff import roles
from tests.admin_forms import staff_user
from tests.factories import AuthorFactory

from .factories import EventFactory, EventTypeFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def add_form(**overrides) -> dict:
    data = {
        "title": "Grid panel",
        "slug": "",
        "type": EventTypeFactory().pk,
        "starts_at_0": "2030-07-01",
        "starts_at_1": "18:00",
        "ends_at_0": "2030-07-01",
        "ends_at_1": "19:30",
        "time_zone": "America/New_York",
        "venue_name": "The Hall",
        "registration": "built_in",
        "status": "published",
        "speakers-TOTAL_FORMS": "1",
        "speakers-INITIAL_FORMS": "0",
        "speakers-MIN_NUM_FORMS": "0",
        "speakers-MAX_NUM_FORMS": "1000",
        "speakers-0-position": "0",
        "speakers-0-role": "speaker",
        "speakers-0-author": AuthorFactory().pk,
    }
    return data | overrides


def test_times_are_typed_in_the_events_zone_and_stored_in_utc(admin_client):
    response = admin_client.post(reverse("admin:events_event_add"), add_form())
    assert response.status_code == 302, response.context["adminform"].form.errors
    event = Event.objects.get()
    assert event.starts_at == datetime(2030, 7, 1, 22, 0, tzinfo=UTC)
    assert event.speakers.count() == 1
    page = admin_client.get(reverse("admin:events_event_change", args=[event.pk])).content.decode()
    assert 'value="18:00:00"' in page or 'value="18:00"' in page


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"ends_at_1": "17:00"}, "ends_at", "The event must end after it starts."),
        ({"venue_name": ""}, "venue_name", "Give a venue"),
        ({"time_zone": "Mars/Olympus"}, "time_zone", "Select a valid choice"),
        ({"registration": "external"}, "registration_url", "Give the address where readers register."),
        ({"starts_at_0": "2020-01-01", "ends_at_0": "2020-01-01"}, "starts_at", "This date has passed"),
    ],
)
def test_bad_input_is_refused_clearly_and_nothing_stored(admin_client, overrides, field, message):
    response = admin_client.post(reverse("admin:events_event_add"), add_form(**overrides))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert message in " ".join(errors.get(field, [])), errors
    assert not Event.objects.exists()


def test_a_guest_speaker_needs_a_name(admin_client):
    data = add_form(**{"speakers-0-author": "", "speakers-0-name": "", "speakers-0-title": "Minister"})
    response = admin_client.post(reverse("admin:events_event_add"), data)
    assert response.status_code == 200
    assert "Choose an expert or give a guest" in response.content.decode()
    assert not Event.objects.exists()


@pytest.fixture
def registrants():
    event = EventFactory(built_in=True, title="Grid panel")
    RegistrationFactory(event=event, name="Ada", email="ada@example.org", organisation="=cmd()")
    RegistrationFactory(event=event, name="Ben", email="ben@example.org", status="waitlisted")
    return event


def export(client, event):
    changelist = reverse("admin:events_registration_changelist")
    selected = list(event.registrations.values_list("pk", flat=True))
    return client.post(changelist, {"action": "export_csv", "_selected_action": selected})


def test_a_subscriber_manager_sees_and_exports_registrants(client, django_user_model, registrants):
    client.force_login(staff_user(django_user_model, "sam", roles.SUBSCRIBER_MANAGER))
    listing = client.get(reverse("admin:events_registration_changelist"))
    assert listing.status_code == 200
    assert "ada@example.org" in listing.content.decode()
    response = export(client, registrants)
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(row["email"], row["status"]) for row in rows] == [
        ("ada@example.org", "Registered"),
        ("ben@example.org", "On the wait list"),
    ]
    assert rows[0]["organisation"] == "'=cmd()", "never run as a spreadsheet formula"


def test_an_author_may_not_see_registrants(client, django_user_model, registrants):
    client.force_login(staff_user(django_user_model, "al", roles.AUTHOR))
    assert client.get(reverse("admin:events_registration_changelist")).status_code == 403
    assert export(client, registrants).status_code == 403


def test_staff_preview_a_draft_and_nobody_else_can(client, admin_client, django_user_model):
    draft = EventFactory(draft=True, title="Secret launch")
    url = reverse("events:preview", kwargs={"slug": draft.slug})
    response = admin_client.get(url)
    assert response.status_code == 200
    assert "Readers cannot see this page" in response.content.decode()
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert client.get(url).status_code == 404
    client.force_login(staff_user(django_user_model, "al", roles.AUTHOR))
    assert client.get(url).status_code == 404
    change = admin_client.get(reverse("admin:events_event_change", args=[draft.pk])).content.decode()
    assert url in change
