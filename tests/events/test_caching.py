"""Event pages in the page cache and at the edge: what they name, what edits purge, and that the
clock (an event starting or ending) ends a cached copy's life."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from core import content_version
from pagecache import tasks
from tests.factories import PublicationFactory, ResearchAreaFactory

from .factories import EventFactory, SpeakerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def purged(monkeypatch):
    sent = []

    class Recorder:
        def purge(self, keys):
            sent.append(set(keys))

    monkeypatch.setattr(tasks, "get_purger", Recorder)
    return sent


def keys_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return set(response["xkey"].split())


def test_pages_name_what_they_show(client, page_cache, commit):
    with commit():
        area = ResearchAreaFactory(slug="energy")
        memo = PublicationFactory()
        event = EventFactory(areas=[area], related_publications=[memo])
    detail = keys_of(client, event.get_absolute_url())
    assert {f"event-{event.pk}", f"publication-{memo.pk}", f"researcharea-{area.pk}"} <= detail
    for url in [
        reverse("events:list"),
        reverse("events:calendar"),
        reverse("events:feed"),
        "/research-areas/energy/",
        "/",
    ]:
        assert "all-event" in keys_of(client, url), url


def test_editing_a_public_event_or_its_speakers_purges_it_and_the_lists(purged, commit):
    with commit():
        event = EventFactory()
    purged.clear()
    with commit():
        event.title = "New title"
        event.save()
    assert purged == [{f"event-{event.pk}", "all-event"}]
    purged.clear()
    with commit():
        SpeakerFactory(event=event)
    assert purged == [{f"event-{event.pk}", "all-event"}]


def test_editing_a_draft_event_purges_nothing(purged, commit):
    with commit():
        event = EventFactory(draft=True)
    purged.clear()
    with commit():
        event.title = "Still a draft"
        event.save()
    assert purged == []


def test_no_cached_copy_outlives_the_start_or_end_of_an_event(db):
    soon = EventFactory(starts_at=timezone.now() + timedelta(hours=2))
    assert content_version.next_going_live("v-test-1") == soon.starts_at
    EventFactory(draft=True, starts_at=timezone.now() + timedelta(minutes=5))  # drafts change no page
    assert content_version.next_going_live("v-test-2") == soon.starts_at
