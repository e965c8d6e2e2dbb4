"""Full-text search: ranking, stemming, phrases, what is searched, facets and the search page."""

from datetime import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from publications.fulltext.fallback import parse_terms
from publications.models import Authorship, Publication
from publications.search import page as search_page_module
from publications.search.page import PAGE_SIZE
from tests.factories import (
    AuthorFactory,
    PublicationFactory,
    PublicationTypeFactory,
    ResearchAreaFactory,
    SeriesFactory,
    days_ago,
)
from tests.tools import postgres_only

# Absolute links (feeds, sitemaps, metadata, citations) come from SITE_URL, never the request.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_url")]


def found(query: str) -> list[str]:
    """Titles of published publications matching ``query``, best first."""
    return list(Publication.objects.published().search(query).values_list("title", flat=True))


def search_page(client, **params):
    response = client.get(reverse("search"), params)
    assert response.status_code == 200
    return response


def facet(response, name: str) -> dict[str, int]:
    """{label: count} of one facet on a search page."""
    facets = {f.name: f for f in response.context["search"].facets}
    return {option.label: option.count for option in facets[name].options} if name in facets else {}


def titles(response) -> list[str]:
    return [publication.title for publication in response.context["search"].page.object_list]


# Ranking and matching ----------------------------------------------------------------------


def test_title_match_ranks_above_body_only_match(commit):
    # The body-only match is newer, so only relevance can put the title match first.
    with commit():
        PublicationFactory(
            title="Payment systems today",
            body="<p>Sanctions, sanctions and more sanctions: the body mentions them often.</p>",
            published_at=days_ago(1),
        )
        PublicationFactory(
            title="Sanctions that work", body="<p>Nothing else here.</p>", published_at=days_ago(90)
        )

    assert found("sanctions") == ["Sanctions that work", "Payment systems today"]


def test_summary_match_ranks_above_body_only_match(commit):
    with commit():
        PublicationFactory(title="First", summary="Plain.", dek="", body="<p>Shipping insurance.</p>")
        PublicationFactory(
            title="Second", summary="Why shipping insurance matters.", dek="", published_at=days_ago(9)
        )

    assert found("insurance") == ["Second", "First"]


@postgres_only
def test_stemming_finds_other_forms_of_a_word(commit):
    with commit():
        PublicationFactory(title="Sanction relief", body="<p>When to lift them.</p>")
        PublicationFactory(title="Regulating markets", body="<p>Regulators disagree.</p>")

    assert found("sanctions") == ["Sanction relief"]
    assert found("sanctioned") == ["Sanction relief"]
    assert found("regulation") == ["Regulating markets"]


@postgres_only
def test_quoted_phrase_needs_the_words_together(commit):
    with commit():
        PublicationFactory(title="Adjacent", body="<p>Energy security is the theme.</p>")
        PublicationFactory(title="Apart", body="<p>Security matters; so does energy.</p>")

    assert sorted(found("energy security")) == ["Adjacent", "Apart"]
    assert found('"energy security"') == ["Adjacent"]


@postgres_only
def test_minus_excludes_and_or_widens(commit):
    with commit():
        PublicationFactory(title="Grid storage", body="<p>Batteries.</p>")
        PublicationFactory(title="Grid and oil", body="<p>Oil prices.</p>")
        PublicationFactory(title="Pipelines", body="<p>Gas.</p>")

    assert found("grid -oil") == ["Grid storage"]
    assert sorted(found("storage or pipelines")) == ["Grid storage", "Pipelines"]


def test_authors_areas_and_tags_are_searched(reindex):
    author = AuthorFactory(name="Ada Okafor")
    area = ResearchAreaFactory(name="Maritime Security")
    PublicationFactory(title="By her", authors=[author])
    PublicationFactory(title="In the area", areas=[area])
    PublicationFactory(title="Tagged", tags=["desalination"])
    PublicationFactory(title="Unrelated")
    reindex()

    assert found("okafor") == ["By her"]
    assert found("maritime") == ["In the area"]
    assert found("desalination") == ["Tagged"]


def test_expert_names_are_found_without_their_accents(reindex):
    PublicationFactory(title="Ports", authors=[AuthorFactory(name="Zoë Ørsted-Núñez")])
    PublicationFactory(title="Unrelated")
    reindex()

    assert found("orsted") == ["Ports"]
    assert found("Ørsted") == ["Ports"]
    assert found("nunez") == ["Ports"]
    assert found("—") == []


def test_nothing_to_search_for_finds_nothing(commit):
    with commit():
        PublicationFactory(title="The things")

    assert found("") == []
    assert found("   ") == []
    assert found("the") == []  # a stop word alone


def test_web_search_syntax_is_read_the_same_way_for_the_fallback():
    terms = parse_terms('"energy security" grid or pipeline -oil the')

    assert terms.groups == [["energy security"], ["grid", "pipeline"]]
    assert terms.excluded == ["oil"]


# Keeping the vector current ------------------------------------------------------------------


@postgres_only
def test_vector_follows_edits_to_the_publication_and_what_it_is_searched_by(commit):
    # Each block is one committed transaction: the vector is rebuilt when it commits.
    with commit():
        publication = PublicationFactory(title="Original title", dek="", summary="A summary.")
    assert found("original") == ["Original title"]

    with commit():
        publication.title = "Renamed paper"
        publication.save()
    assert found("original") == []
    assert found("renamed") == ["Renamed paper"]

    with commit():
        author = AuthorFactory(name="Ben Haddad")
        Authorship.objects.create(publication=publication, author=author, position=1)
    assert found("haddad") == ["Renamed paper"]
    with commit():
        author.name = "Ben Haddad-Ruiz"
        author.save()
    assert found("ruiz") == ["Renamed paper"]
    with commit():
        Authorship.objects.filter(publication=publication).delete()
    assert found("haddad") == []

    with commit():
        publication.tags.add("desalination")
    assert found("desalination") == ["Renamed paper"]
    with commit():
        publication.tags.clear()
    assert found("desalination") == []

    with commit():
        area = ResearchAreaFactory(name="Arctic Affairs")
        area.publications.add(publication)
    assert found("arctic") == ["Renamed paper"]
    with commit():
        area.name = "Polar Affairs"
        area.save()
    assert found("polar") == ["Renamed paper"]
    with commit():
        area.delete()
    assert found("polar") == []


# The page -------------------------------------------------------------------------------------


@pytest.mark.parametrize("state", ["draft", "in_review", "scheduled"])
def test_unpublished_work_is_never_found(client, state, commit):
    with commit():
        PublicationFactory(title="Visible grid memo")
        PublicationFactory(title="Secret grid memo", **{state: True})

    response = search_page(client, q="grid")

    assert titles(response) == ["Visible grid memo"]
    assert b"Secret grid memo" not in response.content
    assert facet(response, "type")
    assert sum(facet(response, "type").values()) == 1


def moment(year: int):
    return timezone.make_aware(datetime(year, 6, 15, 12, 0))


@pytest.fixture
def shelf(commit):
    """Three publications matching "grid" spread over two types, two areas, two experts and
    two years, and one that does not match, so facet counts show the query applied."""
    with commit():
        memo = PublicationTypeFactory(name="Policy Memo")
        report = PublicationTypeFactory(name="Report")
        energy = ResearchAreaFactory(name="Energy")
        trade = ResearchAreaFactory(name="Trade")
        ada, ben = AuthorFactory(name="Ada Okafor"), AuthorFactory(name="Ben Haddad")
        series = SeriesFactory(name="Grid Futures")
        PublicationFactory(
            title="Grid one", type=memo, areas=[energy], authors=[ada], published_at=moment(2024)
        )
        PublicationFactory(
            title="Grid two",
            type=memo,
            areas=[trade],
            authors=[ben],
            series=series,
            published_at=moment(2023),
        )
        PublicationFactory(
            title="Grid three", type=report, areas=[energy], authors=[ada, ben], published_at=moment(2024)
        )
        PublicationFactory(
            title="Elsewhere", type=memo, areas=[energy], authors=[ada], published_at=moment(2024)
        )
    return {"memo": memo, "report": report, "energy": energy, "trade": trade, "ada": ada, "series": series}


def test_facets_count_the_matches(client, shelf):
    response = search_page(client, q="grid")

    assert sorted(titles(response)) == ["Grid one", "Grid three", "Grid two"]
    assert response.context["search"].page.paginator.count == 3
    assert facet(response, "type") == {"Policy Memo": 2, "Report": 1}
    assert facet(response, "area") == {"Energy": 2, "Trade": 1}
    assert facet(response, "author") == {"Ada Okafor": 2, "Ben Haddad": 2}
    assert facet(response, "series") == {"Grid Futures": 1}
    assert facet(response, "year") == {"2024": 2, "2023": 1}


def test_a_chosen_facet_narrows_results_and_the_other_facets(client, shelf):
    response = search_page(client, q="grid", type=shelf["memo"].slug)

    assert sorted(titles(response)) == ["Grid one", "Grid two"]
    # The chosen facet still offers the others, counted as switching to them would give.
    assert facet(response, "type") == {"Policy Memo": 2, "Report": 1}
    assert facet(response, "area") == {"Energy": 1, "Trade": 1}
    assert facet(response, "year") == {"2024": 1, "2023": 1}
    options = {f.name: f for f in response.context["search"].facets}["type"].options
    assert [option.label for option in options if option.selected] == ["Policy Memo"]


def test_facets_combine(client, shelf):
    response = search_page(client, q="grid", type=shelf["memo"].slug, area=shelf["energy"].slug)

    assert titles(response) == ["Grid one"]
    assert facet(response, "type") == {"Policy Memo": 1, "Report": 1}  # within Energy
    assert facet(response, "area") == {"Energy": 1, "Trade": 1}  # within memos
    assert facet(response, "author") == {"Ada Okafor": 1}
    active = [f.label for f in response.context["search"].active]
    assert active == ["Policy Memo", "Energy"]


def test_author_and_year_facets_narrow(client, shelf):
    response = search_page(client, q="grid", author=shelf["ada"].slug, year=2024)

    assert sorted(titles(response)) == ["Grid one", "Grid three"]


def test_facets_without_a_query_browse_published_work(client, shelf):
    response = search_page(client, area=shelf["energy"].slug)

    # Newest first; all three share a date, so the latest added comes first.
    assert titles(response) == ["Elsewhere", "Grid three", "Grid one"]
    assert facet(response, "area") == {"Energy": 3, "Trade": 1}


def test_facet_links_keep_the_query_and_drop_the_page(client, shelf):
    response = search_page(client, q="grid", page=1)
    option = {f.name: f for f in response.context["search"].facets}["type"].options[0]

    assert option.query == f"q=grid&type={shelf['memo'].slug}"


# Broad searches: facets counted among the first results ------------------------------------


@pytest.fixture
def small_sample(monkeypatch):
    """Facets counted over the first two results only, as over the first 200 of a large site."""
    monkeypatch.setattr(search_page_module, "FACET_SAMPLE", 2)


def test_a_search_matching_more_than_the_sample_counts_its_first_results(client, shelf, small_sample):
    response = search_page(client, q="grid")
    search = response.context["search"]

    # Every match is found and counted, but the facets count the first two (the newest here,
    # as all match alike), and say so.
    assert sorted(titles(response)) == ["Grid one", "Grid three", "Grid two"]
    assert search.page.paginator.count == 3
    assert (search.facets_capped, search.counted, search.matched) == (True, 2, 3)
    assert facet(response, "type") == {"Policy Memo": 1, "Report": 1}
    assert facet(response, "year") == {"2024": 2}
    page = response.content.decode()
    assert "Counted among the first 2 of 3 results." in page
    assert '1<span aria-hidden="true">+</span><span class="visually-hidden"> or more</span>' in page


def test_a_capped_search_narrowed_by_a_facet_counts_and_pages_every_match(client, shelf, small_sample):
    response = search_page(client, q="grid", author=shelf["ada"].slug)

    assert sorted(titles(response)) == ["Grid one", "Grid three"]
    assert response.context["search"].page.paginator.count == 2


def test_capped_results_page_past_the_sample_in_order(client, commit, small_sample):
    with commit():
        for number in range(PAGE_SIZE + 3):
            PublicationFactory(title=f"Grid paper {number}", published_at=days_ago(number + 1))

    first = search_page(client, q="grid", sort="newest")
    second = search_page(client, q="grid", sort="newest", page=2)

    assert titles(first) + titles(second) == [f"Grid paper {number}" for number in range(PAGE_SIZE + 3)]
    assert first.context["search"].page.paginator.count == PAGE_SIZE + 3


def test_a_search_within_the_sample_has_exact_counts_and_no_note(client, shelf):
    response = search_page(client, q="grid")

    assert response.context["search"].facets_capped is False
    assert "Counted among" not in response.content.decode()
    assert 'aria-hidden="true">+</span>' not in response.content.decode()


def test_results_are_paginated(client, commit):
    with commit():
        for number in range(PAGE_SIZE + 3):
            PublicationFactory(title=f"Grid paper {number}", published_at=days_ago(number + 1))

    first = search_page(client, q="grid")
    second = search_page(client, q="grid", page=2)

    assert len(titles(first)) == PAGE_SIZE
    assert len(titles(second)) == 3
    assert set(titles(first)).isdisjoint(titles(second))
    assert b'rel="next"' in first.content
    assert b'rel="prev"' in second.content


def test_newest_first_on_request(client, commit):
    with commit():
        PublicationFactory(title="Older grid", published_at=days_ago(30))
        PublicationFactory(title="Newer note", body="<p>On the grid.</p>", published_at=days_ago(1))

    assert titles(search_page(client, q="grid")) == ["Older grid", "Newer note"]
    assert titles(search_page(client, q="grid", sort="newest")) == ["Newer note", "Older grid"]


def test_matches_are_highlighted_and_escaped(client, commit):
    with commit():
        PublicationFactory(
            title="Grid <script>alert(1)</script> plans",
            summary="Why the grid needs storage.",
            body="<p>More on storage.</p>",
        )

    response = search_page(client, q="grid")

    assert b"<script>alert(1)" not in response.content
    assert b"&lt;script&gt;" in response.content
    assert b"<mark>Grid</mark>" in response.content
    assert b"<mark>grid</mark> needs storage" in response.content


def test_empty_state(client, commit):
    with commit():
        PublicationFactory(title="Grid plans")

    response = search_page(client, q="desalination")

    assert titles(response) == []
    assert b"No results found" in response.content
    assert "browse all publications" in response.content.decode()


def test_no_query_shows_the_form_and_no_results(client):
    PublicationFactory(title="Grid plans")

    response = search_page(client)

    assert response.context["search"].page is None
    assert b'name="q"' in response.content


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 1000},
        {"q": "grid%00"},
        {"q": "(((&|!:*<>'\\"},
        {"q": '"unclosed phrase'},
        {"q": "-"},
        {"q": "or or or"},
        {"q": "grid", "page": "abc"},
        {"q": "grid", "page": "99999"},
        {"q": "grid", "page": "-1"},
        {"q": "grid", "type": "no-such-type"},
        {"q": "grid", "area": "../../etc"},
        {"q": "grid", "year": "99999999999999999999"},
        {"q": "grid", "year": "twenty"},
        {"q": "grid", "author": "x" * 500},
        {"q": "grid", "sort": "sideways"},
    ],
)
def test_bad_input_is_never_a_server_error(client, params, commit):
    with commit():
        PublicationFactory(title="Grid plans")

    response = client.get(reverse("search"), params)

    assert response.status_code == 200


def test_unusable_filters_are_reported_and_left_out(client, commit):
    with commit():
        PublicationFactory(title="Grid plans")

    response = search_page(client, q="grid", type="no-such-type")

    assert titles(response) == ["Grid plans"]
    assert b"could not be used" in response.content
    assert b"type=no-such-type" not in response.content  # not carried into any link


def test_search_pages_are_kept_out_of_search_engines(client):
    response = search_page(client, q="grid")

    assert response["X-Robots-Tag"] == "noindex, follow"
    assert b'<meta name="robots" content="noindex, follow">' in response.content


def test_header_has_a_search_box_on_every_page(client):
    response = client.get(reverse("home"))

    assert f'action="{reverse("search")}"'.encode() in response.content


def count_queries(client, **params) -> int:
    with CaptureQueriesContext(connection) as queries:
        search_page(client, **params)
    return len(queries)


def test_query_count_does_not_grow_with_results(client, commit):
    authors = AuthorFactory.create_batch(3)
    areas = ResearchAreaFactory.create_batch(3)
    with commit():
        PublicationFactory(title="Grid alone", authors=authors[:1], areas=areas[:1])
    few = count_queries(client, q="grid")
    with commit():
        for _ in range(PAGE_SIZE + 2):
            PublicationFactory(
                title="Grid many", authors=authors, areas=areas, tags=["a", "b"], series=SeriesFactory()
            )
    many = count_queries(client, q="grid")

    assert many == few
