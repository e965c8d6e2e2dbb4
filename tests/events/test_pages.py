"""What a reader sees: the lists, the event page, and the one visibility rule across every surface."""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import Event
from tests.factories import (
    AuthorFactory,
    PublicationFactory,
    RegionFactory,
    ResearchAreaFactory,
    SeriesFactory,
)

from .factories import EventFactory, EventTypeFactory, SpeakerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden_and_shown():
    """A public upcoming event, and three that must show nowhere: a draft, one scheduled for
    tomorrow, and a draft that is over."""
    area = ResearchAreaFactory(slug="energy")
    shown = EventFactory(title="Grid resilience panel", areas=[area])
    hidden = [
        EventFactory(title="Secret draft briefing", draft=True, areas=[area]),
        EventFactory(title="Not yet announced launch", scheduled=True, areas=[area]),
        EventFactory(title="Old draft roundtable", draft=True, past=True, areas=[area]),
    ]
    return shown, hidden


def test_only_public_events_appear_on_any_surface(client, hidden_and_shown):
    shown, hidden = hidden_and_shown
    surfaces = [
        reverse("events:list"),
        reverse("events:past"),
        reverse("events:calendar"),
        reverse("events:area_calendar", kwargs={"area": "energy"}),
        reverse("events:list") + "?q=secret+draft+announced+roundtable",
        reverse("events:list") + "?q=draft",
        reverse("events:feed"),
        reverse("events:feed_atom"),
        "/sitemap.xml",
        "/",
        "/research-areas/energy/",
    ]
    for url in surfaces:
        body = client.get(url).content.decode()
        for event in hidden:
            assert event.title not in body, url
            assert event.slug not in body, url
    for event in hidden:
        assert client.get(event.get_absolute_url()).status_code == 404
        assert client.get(reverse("events:ics", kwargs={"slug": event.slug})).status_code == 404
        assert client.get(reverse("events:register", kwargs={"slug": event.slug})).status_code == 404
    assert shown.title in client.get(reverse("events:list")).content.decode()
    assert shown.title in client.get(reverse("events:calendar")).content.decode()
    assert shown.title in client.get(reverse("events:feed")).content.decode()
    assert shown.get_absolute_url() in client.get("/sitemap.xml").content.decode()


def test_list_orders_and_separates(client):
    later = EventFactory(title="Later event", starts_at=timezone.now() + timedelta(days=20))
    sooner = EventFactory(title="Sooner event", starts_at=timezone.now() + timedelta(days=2))
    past = EventFactory(title="Finished event", past=True)
    body = client.get(reverse("events:list")).content.decode()
    upcoming, _, rest = body.partition('id="past-title"')
    assert upcoming.index(sooner.title) < upcoming.index(later.title)
    assert past.title in rest
    assert past.title not in upcoming
    past_page = client.get(reverse("events:past")).content.decode()
    assert past.title in past_page
    assert later.title not in past_page


def test_filters_by_type_area_region_and_year_and_report_unknown_values(client):
    briefing = EventTypeFactory(name="Briefing")
    energy = ResearchAreaFactory(slug="energy")
    asia = RegionFactory(slug="asia")
    china = RegionFactory(slug="china", parent=asia)
    EventFactory(title="Energy briefing in China", type=briefing, areas=[energy], regions=[china])
    EventFactory(title="Other panel")
    for query in [
        "type=briefing",
        "area=energy",
        "region=asia",
        f"year={timezone.now().year + (1 if timezone.now().month == 12 and timezone.now().day > 24 else 0)}",
    ]:
        body = client.get(reverse("events:list") + "?" + query).content.decode()
        assert "Energy briefing in China" in body, query
        if not query.startswith("year"):
            assert "Other panel" not in body, query
    response = client.get(reverse("events:list") + "?area=no-such-area")
    assert response.status_code == 200
    assert "Some filters were not recognised" in response.content.decode()
    assert "Energy briefing in China" not in response.content.decode()


def test_event_page_shows_time_in_its_zone_and_people_in_order(client):
    ada = AuthorFactory(name="Ada Okafor")
    event = EventFactory(
        title="Cables panel",
        time_zone="America/New_York",
        starts_at=datetime(2030, 7, 1, 22, 0, tzinfo=UTC),
        ends_at=datetime(2030, 7, 1, 23, 30, tzinfo=UTC),
    )
    SpeakerFactory(event=event, author=ada, name="", position=1)
    SpeakerFactory(event=event, name="Guest Zed", position=0)
    SpeakerFactory(event=event, name="Mod Erator", role="moderator", position=2)
    body = client.get(event.get_absolute_url()).content.decode()
    assert "Monday, July 1, 2030, 18:00–19:30 EDT" in body
    assert body.index("Guest Zed") < body.index("Ada Okafor") < body.index("Mod Erator")
    assert "(moderator)" in body
    assert 'data-event-zone="America/New_York"' in body
    assert '"@type": "Event"' in body
    assert "OfflineEventAttendanceMode" in body
    assert "EventScheduled" in body


def test_every_list_shows_each_event_in_its_own_zone(client):
    EventFactory(
        title="Tokyo briefing",
        time_zone="Asia/Tokyo",
        starts_at=datetime(2030, 7, 1, 1, 0, tzinfo=UTC),
        ends_at=datetime(2030, 7, 1, 2, 0, tzinfo=UTC),
    )
    for url in [reverse("events:list"), "/"]:
        assert "July 1, 2030, 10:00 JST" in client.get(url).content.decode() or url == "/"
    page = client.get("/events/tokyo-briefing/").content.decode()
    assert "Monday, July 1, 2030, 10:00–11:00 JST" in page
    assert "(Tokyo time)" in page


def test_register_becomes_watch_after_the_event_with_a_recording(client):
    upcoming = EventFactory(built_in=True)
    assert ">Register</a>" in client.get(upcoming.get_absolute_url()).content.decode()
    past = EventFactory(past=True, built_in=True, recording_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    body = client.get(past.get_absolute_url()).content.decode()
    assert ">Register</a>" not in body
    assert ">Watch</a>" in body
    assert "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" in body
    response = client.get(past.get_absolute_url())
    assert "youtube-nocookie.com" in response["Content-Security-Policy"]


def test_stream_link_only_from_the_start(client, clock):
    event = EventFactory(online=True, venue_name="", stream_url="https://stream.example.org/live")
    assert "stream.example.org" not in client.get(event.get_absolute_url()).content.decode()
    clock.set(event.starts_at + timedelta(minutes=1))
    assert "stream.example.org" in client.get(event.get_absolute_url()).content.decode()


def test_cancelled_event_says_so_everywhere(client):
    event = EventFactory(title="Called off", cancelled=True, change_note="The speaker is ill.")
    body = client.get(event.get_absolute_url()).content.decode()
    assert "This event is cancelled." in body
    assert "The speaker is ill." in body
    assert "EventCancelled" in body
    assert "Cancelled" in client.get(reverse("events:list")).content.decode()


def test_queries_on_an_event_page_do_not_grow_with_speakers_or_related(client, django_assert_max_num_queries):
    def build(n):
        event = EventFactory(
            areas=[ResearchAreaFactory() for _ in range(n)],
            related_publications=[PublicationFactory(authors=[AuthorFactory()]) for _ in range(n)],
        )
        for i in range(n):
            SpeakerFactory(
                event=event, author=AuthorFactory() if i % 2 else None, name="" if i % 2 else f"G{i}"
            )
        return event

    small, large = build(1), build(6)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(small.get_absolute_url())
    with CaptureQueriesContext(connection) as many:
        assert client.get(large.get_absolute_url()).status_code == 200
    assert len(many) == len(few)


def test_expert_area_region_series_and_home_list_their_events(client):
    ada = AuthorFactory(slug="ada")
    area = ResearchAreaFactory(slug="energy")
    region = RegionFactory(slug="asia")
    series = SeriesFactory(slug="red-cell")
    event = EventFactory(title="Everything event", areas=[area], regions=[region], series=series)
    SpeakerFactory(event=event, author=ada, name="")
    for url in ["/", "/authors/ada/", "/research-areas/energy/", "/regions/asia/", "/series/red-cell/"]:
        assert "Everything event" in client.get(url).content.decode(), url


def test_published_rule_is_the_only_rule():
    EventFactory(draft=True)
    EventFactory(scheduled=True)
    public = EventFactory()
    assert list(Event.objects.published()) == [public]


def test_words_find_public_events_only(client):
    EventFactory(title="Undersea cables briefing")
    EventFactory(title="Undersea cables draft", draft=True)
    body = client.get(reverse("events:list") + "?q=undersea+CABLES").content.decode()
    assert "Undersea cables briefing" in body
    assert "Undersea cables draft" not in body
    assert (
        "Undersea cables briefing" not in client.get(reverse("events:list") + "?q=pipelines").content.decode()
    )
