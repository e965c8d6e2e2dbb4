"""Every public page runs a small, fixed number of SQL queries: the same for a site with two
publications as for one with many, each with many authors, areas, tags and related items.

The budgets are what the pages need today; a change that adds a query to a page has to raise
its budget here, in plain sight. They are counted with the page cache off (the test settings'
default), which is what a page costs when it is rendered; a page served from the cache costs
one query (the content version), checked below.

Inside a transaction (a test's own) pages keep nothing under the content version (fragments,
publications/fragments.py; menus; the sign-up form's newsletters), so the budgets are what a page
costs with nothing kept. With committed content, every page reads the content version once and
finds under it its menus, the newsletters and the next scheduled time; the home page, the
publication page and the list keep their costly parts as fragments too (``KEPT_BUDGETS``),
checked below.
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.site_content import LARGE, SMALL, build_site, public_pages

pytestmark = pytest.mark.django_db

# Every public response is public, pages included (they hold nothing per visitor), with a
# lifetime that stops short of the next scheduled publication: looking that up is one query in
# each when there is no page cache to remember it (pagecache/middleware.py). Every HTML page
# reads its header and footer menus (one query: website/menus.py) and the newsletters its
# sign-up form lists (one); the sitemap lists the editable pages.
BUDGETS = {
    "home": 7,  # featured and latest read together, then their bylines; the next events
    "list": 13,  # the filter form's options: types, areas, regions, series, experts, tags
    "list, filtered": 16,
    "list, by region": 14,  # the regions inside it, in the same statement as the page
    "publication": 10,  # "Recent & Related" ranked and read in one query, then bylines
    "citation (BibTeX)": 4,
    "citation (RIS)": 4,
    "experts": 4,
    "expert": 9,  # with their upcoming and past events (events/templatetags/events.py)
    "areas": 5,
    "area": 11,  # with its upcoming and past events
    "regions": 6,  # the top regions, those inside them and the countries inside those
    "region": 11,  # the regions above and below it in one query, as its publications are; its events
    "series list": 5,  # every series with its count, then the latest piece of each in one query
    "series": 9,  # its lead expert read with it; its upcoming and past events
    "search, empty": 3,
    # The first publications and the first events, each with every match counted; their facets;
    # the page's publications and their bylines; its events (the site's one event matches).
    "search": 9,
    "search, faceted": 11,  # the same, narrowed: no event is filed under these, so none is read
    "feed": 5,
    "feed (Atom)": 5,
    "expert feed": 6,
    "area feed": 6,
    "region feed": 6,
    "series feed": 6,
    "sitemap": 14,  # the events too (the site has one: its rows are read)
    "robots.txt": 1,
}
# With what is kept under the content version found: each HTML page reads the version in place
# of its menus, the newsletters and the next scheduled time. The home page is one fragment; a
# publication costs the version and its row; a page of the list, its filter form's options, its
# count and its cards, reads no publication (a filtered one still checks the chosen values).
# Pages listing cards (expert, area, series) read the version in place of the cards' bylines.
KEPT_BUDGETS = {
    "home": 1,
    "list": 1,
    "list, filtered": 5,
    "list, by region": 2,
    "publication": 2,
    "experts": 2,
    "expert": 6,
    "areas": 3,
    "area": 8,
    "regions": 4,
    "region": 8,
    "series list": 3,
    "series": 6,
    "search, empty": 1,
    "search": 7,
    "search, faceted": 9,
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

    # Rendering adds the content version and, once per version, the next scheduled times
    # (publications going live; events going live, starting or ending: core/content_version.py).
    assert all(first[name] <= BUDGETS[name] + 3 for name in pages), first
    assert again == dict.fromkeys(pages, 1)


@pytest.mark.django_db(transaction=True)
def test_pages_whose_fragments_are_kept_cost_less():
    """Committed content, as on a real site: the content version is current and fragments are kept."""
    cache.clear()
    pages = public_pages(build_site(LARGE))
    client = Client()

    first = queries_per_page(client, pages)
    again = queries_per_page(client, pages)

    # Keeping them costs the content version and, once per version, the next scheduled times
    # (publications and events); the menus and the newsletters, read anyway, are kept.
    assert all(first[name] <= budget + 3 for name, budget in BUDGETS.items()), first
    assert again == BUDGETS | KEPT_BUDGETS
