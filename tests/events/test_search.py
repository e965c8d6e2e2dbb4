"""Events in the site search: only published ones are found, by their own words and their
speakers', mixed with publications; the "Type" facet (Publication, Event) counts and narrows.

Run on SQLite (the text fallback) and on Postgres (the stored vector): CI runs both."""

from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from events.models import Event
from publications.search import page as search_page_module
from tests.factories import (
    AuthorFactory,
    PublicationFactory,
    PublicationTypeFactory,
    ResearchAreaFactory,
    days_ago,
)
from tests.tools import postgres_only

from .factories import EventFactory, SpeakerFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_url")]


def search(client, **params):
    response = client.get(reverse("search"), params)
    assert response.status_code == 200
    return response


def found(client, query: str, **params) -> list[str]:
    """Titles on the first page of results for ``query``, in order."""
    return [result.title for result in search(client, q=query, **params).context["search"].page.object_list]


def facet(response, name: str) -> dict[str, int]:
    facets = {f.name: f for f in response.context["search"].facets}
    return {option.label: option.count for option in facets[name].options} if name in facets else {}


# Found by their own words and their speakers' ---------------------------------------------


@pytest.mark.parametrize(
    "fields",
    [
        {"title": "Desalination diplomacy"},
        {"dek": "On desalination and water rights."},
        {"summary": "Why desalination matters."},
        {"description": "<p>Plants for <strong>desalination</strong> on the coast.</p>"},
    ],
)
def test_a_published_event_is_found_by_its_words(client, commit, fields):
    with commit():
        event = EventFactory(**fields)

    assert found(client, "desalination") == [event.title]


def test_an_event_is_found_by_its_speakers_names_guest_or_expert(client, commit):
    with commit():
        guest_panel = EventFactory(title="Water panel")
        SpeakerFactory(event=guest_panel, name="Ingrid Vassmer")
        expert_panel = EventFactory(title="Energy panel")
        SpeakerFactory(event=expert_panel, author=AuthorFactory(name="Zoë Ørsted-Núñez"), name="")

    assert found(client, "Vassmer") == ["Water panel"]
    assert found(client, "Orsted") == ["Energy panel"]


def test_drafts_scheduled_and_unpublished_events_are_never_found(client, commit):
    with commit():
        EventFactory(title="Desalination today")
        EventFactory(title="Desalination draft", draft=True)
        EventFactory(title="Desalination later", scheduled=True)
        unpublished = EventFactory(title="Desalination withdrawn", past=True)
        PublicationFactory(title="Desalination memo draft", draft=True)
    with commit():
        unpublished.status = Event.Status.DRAFT
        unpublished.save()

    response = search(client, q="desalination")

    assert [result.title for result in response.context["search"].page.object_list] == ["Desalination today"]
    assert facet(response, "kind") == {"Event": 1}
    assert b"Desalination draft" not in response.content
    # With no words, a facet alone lists what is filed under it: still only what is public.
    area = ResearchAreaFactory(slug="water")
    with commit():
        EventFactory(title="Water draft", draft=True, areas=[area])
        EventFactory(title="Water briefing", areas=[area])
    assert [r.title for r in search(client, area="water").context["search"].page.object_list] == [
        "Water briefing"
    ]


def test_an_event_result_shows_its_type_date_and_place_and_links_to_its_page(client, commit):
    with commit():
        EventFactory(
            title="Grid panel", slug="grid-panel", venue_name="Red Cell Hall", online=True, time_zone="UTC"
        )
        EventFactory(title="Grid webinar", venue_name="", venue_address="", online=True)

    response = search(client, q="grid")
    html = response.content.decode()

    assert 'href="/events/grid-panel/"' in html
    assert "Event <span" in html
    assert "Panel" in html
    assert "Red Cell Hall and online" in html
    assert '<span class="event-card__where">Online</span>' in html
    start = Event.objects.get(slug="grid-panel").local_start
    assert f"{start:%B} {start.day}, {start.year}, {start:%H:%M} UTC" in html


# Mixed with publications, one order --------------------------------------------------------


def test_results_mix_both_kinds_best_match_first(client, commit):
    with commit():
        PublicationFactory(
            title="Payment systems", body="<p>Sanctions, and more on sanctions.</p>", published_at=days_ago(1)
        )
        EventFactory(title="Sanctions that work: a panel", dek="", summary="")
        PublicationFactory(title="Sanctions in practice", published_at=days_ago(30))

    titles = found(client, "sanctions")

    assert set(titles) == {"Payment systems", "Sanctions that work: a panel", "Sanctions in practice"}
    assert titles[-1] == "Payment systems"  # only its body matches


def test_newest_first_orders_events_by_their_date_among_publications(client, commit):
    with commit():
        PublicationFactory(title="Grid memo old", published_at=days_ago(20))
        EventFactory(title="Grid event last week", past=True)  # started 7 days ago
        PublicationFactory(title="Grid memo new", published_at=days_ago(1))

    assert found(client, "grid", sort="newest") == ["Grid memo new", "Grid event last week", "Grid memo old"]
    # With no words, the page lists by date too.
    area = ResearchAreaFactory(slug="grids")
    with commit():
        EventFactory(title="Upcoming grid panel", areas=[area])
        PublicationFactory(title="Grid memo filed", areas=[area], published_at=days_ago(2))
    listed = search(client, area="grids").context["search"].page.object_list
    assert [result.title for result in listed] == ["Upcoming grid panel", "Grid memo filed"]


# The type facet ----------------------------------------------------------------------------


@pytest.fixture
def mixed(commit):
    """Two publications and three events about grids, one of each in "Energy"."""
    energy = ResearchAreaFactory(name="Energy", slug="energy")
    with commit():
        memo, report = PublicationTypeFactory(name="Policy Memo"), PublicationTypeFactory(name="Report")
        PublicationFactory(title="Grid memo", areas=[energy], type=memo, published_at=days_ago(1))
        PublicationFactory(title="Grid report", type=report, published_at=days_ago(2))
        EventFactory(title="Grid panel", areas=[energy])
        EventFactory(title="Grid launch")
        EventFactory(title="Grid roundtable", past=True)


def test_the_type_facet_counts_publications_and_events(client, mixed):
    response = search(client, q="grid")

    assert facet(response, "kind") == {"Publication": 2, "Event": 3}
    assert response.context["search"].page.paginator.count == 5
    # Labelled apart from the publications' own types.
    labels = {f.name: f.label for f in response.context["search"].facets}
    assert labels["kind"] == "Type"
    assert labels["type"] == "Publication type"


def test_choosing_a_type_narrows_and_keeps_the_other_to_switch_to(client, mixed):
    response = search(client, q="grid", kind="event")

    assert sorted(result.title for result in response.context["search"].page.object_list) == [
        "Grid launch",
        "Grid panel",
        "Grid roundtable",
    ]
    assert facet(response, "kind") == {"Publication": 2, "Event": 3}
    assert facet(response, "type") == {}  # publication types do not apply to events
    assert facet(response, "area") == {"Energy": 1}
    assert "Type: Event" in response.content.decode()
    assert "kind=event" in response.content.decode()  # kept in the links

    publications = search(client, q="grid", kind="publication").context["search"].page.object_list
    assert sorted(result.title for result in publications) == ["Grid memo", "Grid report"]


def test_other_facets_narrow_events_too_and_a_publication_type_leaves_them_out(client, mixed):
    by_area = search(client, q="grid", area="energy")
    assert sorted(r.title for r in by_area.context["search"].page.object_list) == ["Grid memo", "Grid panel"]
    assert facet(by_area, "kind") == {"Publication": 1, "Event": 1}

    by_type = search(client, q="grid", type="policy-memo")
    assert [r.title for r in by_type.context["search"].page.object_list] == ["Grid memo"]
    assert facet(by_type, "kind") == {"Publication": 1}


def test_an_expert_facet_finds_the_events_they_speak_at_once_each(client, commit):
    ada = AuthorFactory(name="Ada Okafor", slug="ada-okafor")
    with commit():
        panel = EventFactory(title="Grid panel")
        SpeakerFactory(event=panel, author=ada, name="")
        SpeakerFactory(event=panel, author=ada, name="", role="moderator")
        EventFactory(title="Grid launch")
        PublicationFactory(title="Grid memo", authors=[ada])

    response = search(client, q="grid", author="ada-okafor")

    assert sorted(r.title for r in response.context["search"].page.object_list) == ["Grid memo", "Grid panel"]
    assert facet(response, "kind") == {"Publication": 1, "Event": 1}
    assert facet(response, "author") == {"Ada Okafor": 2}


@pytest.mark.parametrize("kind", ["podcast", "", "EVENT", "x" * 500, "event%00", "<script>"])
def test_a_bad_type_is_reported_and_left_out(client, mixed, kind):
    response = search(client, q="grid", kind=kind)

    assert response.context["search"].page.paginator.count == 5
    if kind:
        html = response.content.decode()
        assert "could not be used" in html
        assert "is not a type of result; choose Publication or Event." in html
        assert f"kind={kind}" not in html
        assert urlencode({"kind": kind}) not in html


def test_a_capped_search_pages_past_its_sample_through_both_kinds(client, mixed, monkeypatch):
    monkeypatch.setattr(search_page_module, "FACET_SAMPLE", 2)
    monkeypatch.setattr(search_page_module, "PAGE_SIZE", 2)

    everything = search(client, q="grid", sort="newest")
    search_ = everything.context["search"]
    assert search_.facets_capped
    assert search_.page.paginator.count == 5
    pages = [
        [r.title for r in search(client, q="grid", sort="newest", page=n).context["search"].page.object_list]
        for n in (1, 2, 3)
    ]
    # The two upcoming events start at the same time: the later made comes first, as in the database.
    assert pages == [["Grid launch", "Grid panel"], ["Grid memo", "Grid report"], ["Grid roundtable"]]
    narrowed = search(client, q="grid", kind="event", sort="newest", page=2).context["search"]
    assert narrowed.page.paginator.count == 3
    assert [r.title for r in narrowed.page.object_list] == ["Grid roundtable"]


# Kept current on Postgres ------------------------------------------------------------------


@postgres_only
def test_an_edited_title_is_found_afterwards_and_the_old_one_is_not(client, commit):
    with commit():
        event = EventFactory(title="Water security briefing")
    assert found(client, "water") == ["Water security briefing"]

    with commit():
        event.title = "Desalination briefing"
        event.save()

    assert found(client, "water") == []
    assert found(client, "desalinations") == ["Desalination briefing"]  # stemmed


@postgres_only
def test_speakers_and_expert_renames_are_reindexed(client, commit):
    with commit():
        expert = AuthorFactory(name="Ada Okafor")
        event = EventFactory(title="Grid panel")
        SpeakerFactory(event=event, author=expert, name="")
    assert found(client, "Okafor") == ["Grid panel"]

    with commit():
        expert.name = "Ada Mensah"
        expert.save()
        SpeakerFactory(event=event, name="Ingrid Vassmer")

    # (The old name's slug, "ada-okafor", is kept and still indexed, as for publications.)
    assert found(client, "Mensah") == found(client, "Vassmer") == ["Grid panel"]


@postgres_only
def test_an_unpublished_event_leaves_the_search_at_once(client, commit):
    with commit():
        event = EventFactory(title="Grid panel")
    assert found(client, "grid") == ["Grid panel"]

    with commit():
        event.status = Event.Status.DRAFT
        event.save()

    assert found(client, "grid") == []


# Cost and caching --------------------------------------------------------------------------


def count_queries(client, **params) -> int:
    with CaptureQueriesContext(connection) as queries:
        search(client, **params)
    return len(queries)


def test_query_count_does_not_grow_with_events_or_their_speakers(client, commit):
    areas = ResearchAreaFactory.create_batch(3)
    with commit():
        EventFactory(title="Grid alone", areas=areas[:1])
    few = count_queries(client, q="grid")
    with commit():
        for _ in range(search_page_module.PAGE_SIZE + 2):
            event = EventFactory(title="Grid many", areas=areas, series=None)
            SpeakerFactory.create_batch(3, event=event, author=AuthorFactory(), name="")
    many = count_queries(client, q="grid")

    assert many == few


def test_editing_an_event_purges_search_pages(client, page_cache, commit):
    with commit():
        EventFactory(title="Grid panel", starts_at=timezone.now() + timedelta(days=3))
    response = client.get(reverse("search"), {"q": "grid"})

    assert "all-event" in response["xkey"].split()
