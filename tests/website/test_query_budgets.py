"""Every public page runs a small, fixed number of SQL queries: the same for a site with two
publications as for one with many, each with many authors, areas, tags and related items.

The budgets are what the pages need today; a change that adds a query to a page has to raise
its budget here, in plain sight. They are counted with the page cache off (the test settings'
default), which is what a page costs when it is rendered; a page served from the cache costs
one query (the content version), checked below.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.site_content import LARGE, SMALL, build_site, public_pages

pytestmark = pytest.mark.django_db

BUDGETS = {
    "home": 6,
    "list": 9,
    "list, filtered": 12,
    "publication": 8,  # with "Recent & Related": ranked in one query, then read with their bylines
    "citation (BibTeX)": 5,
    "citation (RIS)": 5,
    "experts": 2,
    "expert": 5,
    "areas": 3,
    "area": 7,
    "series": 5,
    "search, empty": 1,
    "search": 6,
    "search, faceted": 9,
    # Responses with no per-visitor value (feeds, sitemap, citations, robots.txt) are public,
    # with a max-age that stops short of the next scheduled publication: one query each when
    # there is no page cache to remember it.
    "feed": 5,
    "feed (Atom)": 5,
    "expert feed": 6,
    "area feed": 6,
    "series feed": 6,
    "sitemap": 10,
    "robots.txt": 1,
}


def queries_per_page(client, pages: dict[str, str]) -> dict[str, int]:
    counts = {}
    for name, url in pages.items():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, (name, url)
        counts[name] = len(queries)
    return counts


@pytest.fixture
def small_site(db, commit):
    """Committed, as a real site's content is: search vectors are built only then."""
    with commit():
        return build_site(SMALL)


@pytest.fixture
def large_site(db, commit):
    with commit():
        return build_site(LARGE)


def test_small_site_pages_keep_to_their_budgets(client, small_site):
    assert queries_per_page(client, public_pages(small_site)) == BUDGETS


def test_large_site_pages_cost_the_same_as_small_ones(client, small_site, large_site):
    small = queries_per_page(client, public_pages(small_site))
    large = queries_per_page(client, public_pages(large_site))

    assert large == small == BUDGETS


def test_a_page_from_the_cache_costs_one_query(client, large_site, page_cache):
    pages = public_pages(large_site)
    first = queries_per_page(client, pages)
    again = queries_per_page(client, pages)

    # Rendering adds the content version and, once per version, the next scheduled time.
    assert all(first[name] <= BUDGETS[name] + 2 for name in pages), first
    assert again == dict.fromkeys(pages, 1)
