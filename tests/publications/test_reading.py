"""What a reader notices on a publication page and the publication list: the summary under the
dek, the byline, the series box before the text on a phone, the list's filters, tag box and
numbered pages."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

from tests.factories import AuthorFactory, PublicationFactory, SeriesFactory, days_ago

pytestmark = pytest.mark.django_db


def text_of(html: str) -> str:
    return " ".join(strip_tags(html).split())


def element(page: str, css_class: str) -> str:
    """The first element with ``css_class`` (up to the end of its opening tag's element, for
    elements that do not nest their own kind)."""
    match = re.search(rf'<(\w+) class="{css_class}"[^>]*>(.*?)</\1>', page, re.S)
    assert match, f"no .{css_class} on the page"
    return match.group(2)


# The publication page -------------------------------------------------------------------------


def test_the_summary_is_shown_below_the_dek(client):
    publication = PublicationFactory(
        dek="The likelier threat is a year in which it never quite does.",
        summary="Governments plan for chokepoints to close suddenly. This memo argues otherwise.",
    )
    page = client.get(publication.get_absolute_url()).content.decode()

    summary = element(page, "publication__summary")
    assert (
        text_of(summary) == "Governments plan for chokepoints to close suddenly. This memo argues otherwise."
    )
    assert (
        page.index("publication__dek") < page.index("publication__summary") < page.index("publication__meta")
    )


def test_no_empty_summary_paragraph(client):
    publication = PublicationFactory(summary="")
    assert "publication__summary" not in client.get(publication.get_absolute_url()).content.decode()


def test_the_byline_joins_linked_names_with_bullets(client):
    ada, zoe, olga = (
        AuthorFactory(name="Ada Ògúnmọ́dẹdé"),
        AuthorFactory(name="Zoë Ørsted-Núñez"),
        AuthorFactory(name="Ольга Петрова"),
    )
    publication = PublicationFactory(authors=[ada, zoe, olga])
    page = client.get(publication.get_absolute_url()).content.decode()

    byline = element(page, "byline")
    assert text_of(byline) == "By Ada Ògúnmọ́dẹdé • Zoë Ørsted-Núñez • Ольга Петрова"
    for author in (ada, zoe, olga):
        assert f'<a href="{author.get_absolute_url()}">{author.name}</a>' in byline
    assert " and " not in text_of(byline)


def test_one_author_has_no_separator(client):
    publication = PublicationFactory(authors=[AuthorFactory(name="Ada Okafor")])
    byline = element(client.get(publication.get_absolute_url()).content.decode(), "byline")
    assert text_of(byline) == "By Ada Okafor"


def test_cards_join_authors_with_bullets_too(client):
    """ "Recent & Related" lists type and authors as the model page does: "A • B"."""
    ada, ben = AuthorFactory(name="Ada Okafor"), AuthorFactory(name="Ben Lindqvist")
    series = SeriesFactory()
    PublicationFactory(title="The neighbour", authors=[ada, ben], series=series, published_at=days_ago(3))
    publication = PublicationFactory(series=series)
    page = client.get(publication.get_absolute_url()).content.decode()

    related = page[page.index('id="related"') :]
    assert "Ada Okafor • Ben Lindqvist" in text_of(related)


def test_the_series_box_comes_before_the_text(client):
    """On a phone the page is one column in the order of the HTML: the series box follows the
    header, before the body (site.css puts it beside the text on wider screens)."""
    publication = PublicationFactory(
        series=SeriesFactory(name="Red Cell", description="Memos against the grain.")
    )
    page = client.get(publication.get_absolute_url()).content.decode()

    assert page.index('class="publication__summary"') < page.index('class="series-box"')
    assert page.index('class="series-box"') < page.index('class="publication__body prose"')
    assert page.count('class="series-box"') == 1


def test_what_follows_the_text_is_in_one_column(client):
    """About the authors and Cite this share one container, on the text's grid."""
    publication = PublicationFactory(authors=[AuthorFactory()])
    page = client.get(publication.get_absolute_url()).content.decode()

    end = page[page.index('class="publication__end wrap"') :]
    assert end.index('id="about-authors"') < end.index('id="cite"') < end.index("</article>")


def test_the_page_has_a_print_header_with_where_it_came_from(client, site_url):
    publication = PublicationFactory(published_at=days_ago(2))
    page = client.get(publication.get_absolute_url()).content.decode()

    header = page[page.index('<div class="print-header" hidden>') :]
    header = header[: header.index("</div>")]
    assert "Red Cell Institute" in header
    assert f"{site_url}{publication.get_absolute_url()}" in header
    shown = timezone.localtime(publication.published_at)  # the site's time zone, not UTC
    assert f"Published {shown:%B} {shown.day}," in header


# The publication list -------------------------------------------------------------------------


def test_the_filters_apply_by_script_and_still_have_a_button(client):
    PublicationFactory()
    page = client.get(reverse("publications:list")).content.decode()

    form = page[page.index('<form class="filters"') :]
    form = form[: form.index("</form>")]
    assert '<button type="submit"' in form, "the form works without JavaScript"
    assert "data-filters" in form
    assert re.search(r'<script src="/static/js/filters\.js" defer></script>', page)


def test_the_tag_box_lists_only_tags_of_published_work(client):
    PublicationFactory(tags=["shipping", "Grid Resilience"])
    PublicationFactory(tags=["secret-draft-tag"], draft=True)
    PublicationFactory(tags=["not-yet"], scheduled=True)
    page = client.get(reverse("publications:list")).content.decode()

    select = re.search(r'<select name="tag"[^>]*>(.*?)</select>', page, re.S)
    assert select, "a visible tag control"
    options = re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select.group(1))
    assert options == [("", "All tags"), ("grid-resilience", "Grid Resilience"), ("shipping", "shipping")]
    assert '<label for="id_tag">Tag</label>' in page


def test_choosing_a_tag_narrows_the_list_and_keeps_it_chosen(client):
    PublicationFactory(title="On ships", tags=["shipping"])
    PublicationFactory(title="On grids", tags=["grids"])
    page = client.get(reverse("publications:list") + "?tag=shipping").content.decode()

    assert "On ships" in page
    assert "On grids" not in page
    assert '<option value="shipping" selected>shipping</option>' in page


def test_a_tag_only_unpublished_work_carries_is_reported(client):
    PublicationFactory(title="Published")
    PublicationFactory(tags=["secret-draft-tag"], draft=True)
    page = client.get(reverse("publications:list") + "?tag=secret-draft-tag").content.decode()

    assert "Some filters were not recognised" in page
    assert "0 publications" in page
    assert "secret-draft-tag" not in page.split("</form>")[0].split("<form")[-1]


def page_numbers(page: str) -> list[str]:
    """The page links' numbers and gaps, in order: ["1", "2", "…", "9"]."""
    nav = page[page.index('<nav class="pagination"') :]
    nav = nav[: nav.index("</nav>")]
    items = re.findall(r'<li(?: class="pagination__gap" aria-hidden="true">(…)|>.*?Page </span>(\d+))', nav)
    return [gap or number for gap, number in items]


@pytest.fixture
def many_pages():
    """Ten pages of twelve publications."""
    for number in range(12 * 10):
        PublicationFactory(title=f"Item {number:03d}", published_at=days_ago(number + 1))


def test_pages_are_numbered_with_the_current_one_marked(client, many_pages):
    first = client.get(reverse("publications:list")).content.decode()
    middle = client.get(reverse("publications:list") + "?page=5").content.decode()
    last = client.get(reverse("publications:list") + "?page=10").content.decode()

    assert page_numbers(first) == ["1", "2", "3", "…", "10"]
    assert page_numbers(middle) == ["1", "2", "3", "4", "5", "6", "7", "…", "10"]
    assert page_numbers(last) == ["1", "…", "8", "9", "10"]
    assert (
        'href="/publications/?page=5" aria-current="page"><span class="visually-hidden">Page </span>5</a>'
        in middle
    )
    assert middle.count('aria-current="page"><span class="visually-hidden">Page') == 1
    assert 'rel="prev" href="/publications/?page=4"' in middle
    assert 'rel="next" href="/publications/?page=6"' in middle
    assert 'rel="prev"' not in first
    assert 'rel="next"' not in last
    # The first page's address is the list's own, not ?page=1.
    assert (
        'rel="prev" href="/publications/"'
        in client.get(reverse("publications:list") + "?page=2").content.decode()
    )


def test_page_links_keep_the_filters(client, many_pages):
    PublicationFactory(tags=["shipping"])  # so the tag is a published one
    page = client.get(reverse("publications:list") + "?year=&tag=&page=2").content.decode()

    assert 'href="/publications/?year=&amp;tag=&amp;page=3"' in page
    assert 'href="/publications/?year=&amp;tag="' in page  # page 1


def test_other_paginated_pages_use_the_same_numbers(client):
    author = AuthorFactory()
    for number in range(15):
        PublicationFactory(authors=[author], published_at=days_ago(number + 1))
    page = client.get(author.get_absolute_url()).content.decode()

    assert page_numbers(page) == ["1", "2"]
    assert f'href="{author.get_absolute_url()}?page=2"' in page
