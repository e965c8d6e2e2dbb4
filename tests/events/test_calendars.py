"""Calendar files read back with icalendar, field by field, as a calendar program would."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.urls import reverse

from tests.factories import ResearchAreaFactory

from .factories import EventFactory

pytestmark = pytest.mark.django_db


def read(client, url) -> icalendar.Calendar:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def test_event_file_across_a_dst_change_and_midnight(client, site_url):
    # New York leaves daylight saving on 3 November 2030 at 02:00: 23:30 EDT to 02:30 EST.
    york = ZoneInfo("America/New_York")
    event = EventFactory(
        title="Late night panel",
        time_zone="America/New_York",
        starts_at=datetime(2030, 11, 2, 23, 30, tzinfo=york),
        ends_at=datetime(2030, 11, 3, 2, 30, tzinfo=york),
        online=True,
    )
    cal = read(client, reverse("events:ics", kwargs={"slug": event.slug}))
    assert cal["VERSION"] == "2.0"
    assert cal["PRODID"]
    assert cal["METHOD"] == "PUBLISH"
    [item] = cal.events
    assert str(item["UID"]) == f"event-{event.pk}@think.example.org"
    assert item["DTSTART"].params["TZID"] == "America/New_York"
    assert item.start == datetime(2030, 11, 2, 23, 30, tzinfo=york)
    assert item.end.astimezone(UTC) == event.ends_at.astimezone(UTC)
    assert item.end.date() > item.start.date()  # crosses midnight
    assert item.end.utcoffset() == timedelta(hours=-5)
    assert item.start.utcoffset() == timedelta(hours=-4)
    assert item.end.astimezone(UTC) - item.start.astimezone(UTC) == timedelta(hours=4)  # the clocks say 3
    assert item["DTSTAMP"].dt == event.updated_at.replace(microsecond=0)
    assert item["SEQUENCE"] == 0
    assert item["STATUS"] == "CONFIRMED"
    assert str(item["SUMMARY"]) == "Late night panel"
    assert "and online" in str(item["LOCATION"])
    assert str(item["URL"]).endswith(event.get_absolute_url())
    [zone] = cal.walk("VTIMEZONE")
    assert zone["TZID"] == "America/New_York"
    assert {part.name for part in zone.subcomponents} == {"STANDARD", "DAYLIGHT"}


def test_utc_event_has_no_timezone_component(client):
    event = EventFactory(time_zone="UTC")
    cal = read(client, reverse("events:ics", kwargs={"slug": event.slug}))
    [item] = cal.events
    assert item.start.utcoffset() == timedelta(0)
    assert "TZID" not in item["DTSTART"].params
    assert cal.walk("VTIMEZONE") == []


def test_moving_or_cancelling_bumps_sequence_keeps_uid(client):
    event = EventFactory()
    url = reverse("events:ics", kwargs={"slug": event.slug})
    [before] = read(client, url).events
    event.title = "A new title only"
    event.save()
    [retitled] = read(client, url).events
    assert retitled["SEQUENCE"] == 0  # a title is not a change of time, place or status
    event.starts_at += timedelta(days=1)
    event.ends_at += timedelta(days=1)
    event.save()
    [moved] = read(client, url).events
    assert moved["SEQUENCE"] == 1
    assert moved["UID"] == before["UID"]
    event.cancelled = True
    event.save()
    [cancelled] = read(client, url).events
    assert cancelled["SEQUENCE"] == 2
    assert cancelled["STATUS"] == "CANCELLED"


def test_site_and_area_calendars_hold_upcoming_public_events(client, site_url):
    energy = ResearchAreaFactory(slug="energy")
    coming = EventFactory(title="Energy briefing", areas=[energy], time_zone="Asia/Tokyo")
    other = EventFactory(title="Other briefing", time_zone="Europe/Berlin")
    EventFactory(title="Long gone", past=True)
    site = read(client, reverse("events:calendar"))
    assert {str(item["SUMMARY"]) for item in site.events} == {"Energy briefing", "Other briefing"}
    assert {zone["TZID"] for zone in site.walk("VTIMEZONE")} == {"Asia/Tokyo", "Europe/Berlin"}
    area = read(client, reverse("events:area_calendar", kwargs={"area": "energy"}))
    assert [str(item["UID"]) for item in area.events] == [f"event-{coming.pk}@think.example.org"]
    assert other.title not in str(area.to_ical())
    assert client.get(reverse("events:area_calendar", kwargs={"area": "nope"})).status_code == 404
