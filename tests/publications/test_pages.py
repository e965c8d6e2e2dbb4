"""Every public page shows published work and nothing else."""

import pytest
from django.urls import reverse

from tests.factories import (
    AuthorFactory,
    PublicationFactory,
    PublicationTypeFactory,
    ResearchAreaFactory,
    SeriesFactory,
)

pytestmark = pytest.mark.django_db

HIDDEN_STATES = {"draft": {"draft": True}, "in review": {"in_review": True}, "scheduled": {"scheduled": True}}


@pytest.fixture
def shelf():
    """An author, area, series, type and tag shared by a visible publication and a hidden one,
    so every page that lists the visible one is a page where the hidden one could leak."""
    author = AuthorFactory(name="Ada Okafor")
    area = ResearchAreaFactory(name="Energy Security")
    series = SeriesFactory(name="Grid Futures")
    memo = PublicationTypeFactory(name="Policy Memo")
    visible = PublicationFactory(
        title="Visible memo on grids",
        type=memo,
        authors=[author],
        areas=[area],
        series=series,
        tags=["grid"],
    )
    return {"author": author, "area": area, "series": series, "type": memo, "visible": visible}


def public_urls(shelf, year):
    return [
        reverse("home"),
        reverse("publications:list"),
        reverse("publications:list") + f"?type={shelf['type'].slug}",
        reverse("publications:list") + f"?area={shelf['area'].slug}",
        reverse("publications:list") + f"?series={shelf['series'].slug}",
        reverse("publications:list") + f"?author={shelf['author'].slug}",
        reverse("publications:list") + f"?year={year}",
        reverse("publications:list") + "?tag=grid",
        shelf["author"].get_absolute_url(),
        reverse("authors:list"),
        shelf["area"].get_absolute_url(),
        reverse("research_areas:list"),
        shelf["series"].get_absolute_url(),
        shelf["visible"].get_absolute_url(),  # its "Recent & Related" block
    ]


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_hidden_publication_appears_on_no_public_page(client, shelf, state):
    hidden = PublicationFactory(
        title=f"Secret {state} memo",
        type=shelf["type"],
        authors=[shelf["author"]],
        areas=[shelf["area"]],
        series=shelf["series"],
        tags=["grid"],
        featured=True,
        **HIDDEN_STATES[state],
    )
    hidden.related.add(shelf["visible"])
    shelf["visible"].related.add(hidden)
    year = shelf["visible"].published_at.year

    for url in public_urls(shelf, year):
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        assert "Secret" not in page, url
        assert hidden.slug not in page, url

    assert client.get(hidden.get_absolute_url()).status_code == 404


def test_published_publication_appears_on_every_page_that_lists_it(client, shelf):
    other = PublicationFactory(title="Another memo", authors=[shelf["author"]], areas=[shelf["area"]])
    year = shelf["visible"].published_at.year
    for url in public_urls(shelf, year)[:-1]:
        if url in {reverse("authors:list"), reverse("research_areas:list")}:
            continue
        assert "Visible memo on grids" in client.get(url).content.decode(), url
    # And in the related block of a neighbour's page.
    assert "Visible memo on grids" in client.get(other.get_absolute_url()).content.decode()


def test_publication_page_shows_what_a_reader_expects(client, shelf):
    second = AuthorFactory(name="Ben Lindqvist", bio="Ben studies power markets.")
    publication = PublicationFactory(
        title="Keeping the Lights On",
        dek="How to harden the grid before the next storm season",
        type=shelf["type"],
        authors=[second, shelf["author"]],
        areas=[shelf["area"]],
        series=shelf["series"],
        tags=["resilience"],
        body=(
            "<h2>Why now</h2><p>Storms are worse<sup>1</sup>.</p>"
            '<blockquote class="pull-quote"><p>Resilience is cheaper than recovery.</p></blockquote>'
            "<h2>What to do</h2><ul><li>Bury lines</li></ul><h2>Costs</h2><p>Some.</p>"
            "<h2>Notes</h2><ol><li>Weather service data.</li></ol>"
        ),
    )
    page = client.get(publication.get_absolute_url()).content.decode()

    assert page.count("<h1") == 1
    assert "Policy Memo" in page
    assert "Keeping the Lights On" in page
    assert "How to harden the grid before the next storm season" in page
    assert page.index("Ben Lindqvist") < page.index("Ada Okafor"), "authors in byline order"
    assert f'href="{second.get_absolute_url()}"' in page
    assert "About this series" in page
    assert "Grid Futures" in page
    assert f'href="{shelf["area"].get_absolute_url()}"' in page
    assert "resilience" in page
    assert "About the authors" in page
    assert "Ben studies power markets." in page
    assert "min read" in page
    assert 'class="toc"' in page
    assert 'href="#why-now"' in page
    assert 'href="#note-1"' in page
    assert 'href="#note-ref-1"' in page
    assert 'class="pull-quote"' in page
    assert "Recent &amp; Related" in page
    assert "Subscription Options" in page
    assert "indicates required" in page
    assert 'action="/subscribe/"' in page


def test_short_piece_has_no_table_of_contents(client):
    publication = PublicationFactory(body="<h2>Only section</h2><p>Short.</p>")
    assert 'class="toc"' not in client.get(publication.get_absolute_url()).content.decode()


def test_pdf_link_shown_when_there_is_one(client):
    publication = PublicationFactory(pdf="publications/pdf/2026/memo.pdf")
    assert (
        "/media/publications/pdf/2026/memo.pdf" in client.get(publication.get_absolute_url()).content.decode()
    )


def test_list_filters_narrow_results(client):
    memo, report = PublicationTypeFactory(name="Policy Memo"), PublicationTypeFactory(name="Report")
    PublicationFactory(title="A memo", type=memo)
    PublicationFactory(title="A report", type=report)
    page = client.get(reverse("publications:list") + f"?type={report.slug}").content.decode()
    assert "A report" in page
    assert "A memo" not in page
    assert "1 publication" in page


@pytest.mark.parametrize(
    "query", ["?type=nope", "?year=abc", "?year=1850", "?author=%2500", "?area=" + "x" * 500, "?tag=¿"]
)
def test_bad_filter_values_get_a_message_not_an_error(client, query):
    PublicationFactory(title="Something published")
    response = client.get(reverse("publications:list") + query)
    assert response.status_code == 200
    assert "not recognised" in response.content.decode()


def test_a_filter_value_that_is_not_text_is_a_bad_request(client):
    """A NUL is no character of any name; tests/security/test_hostile_requests.py has the rest."""
    response = client.get(reverse("publications:list") + "?author=%00")
    assert response.status_code == 400
    assert "Bad request" in response.content.decode()


def test_list_paginates_and_out_of_range_pages_are_404(client):
    memo = PublicationTypeFactory()
    for n in range(13):
        PublicationFactory(title=f"Item {n:02d}", type=memo)
    first = client.get(reverse("publications:list")).content.decode()
    second = client.get(reverse("publications:list") + "?page=2").content.decode()
    assert '<a class="pagination__number" href="/publications/" aria-current="page">' in first
    assert 'href="/publications/?page=2"' in first
    assert "Item 12" in first
    assert "Item 00" not in first
    assert "Item 00" in second
    assert client.get(reverse("publications:list") + "?page=9").status_code == 404
    assert client.get(reverse("publications:list") + "?page=abc").status_code == 404
