"""Surrogate keys of pages and menus: what each page names, and what each edit purges at the
edge (tests/pagecache/test_surrogate_keys.py has the rest of the matrix)."""

import pytest

from core import content_version
from pagecache import tasks
from tests.factories import MenuItemFactory, PageFactory
from website.models import MenuItem, Page

pytestmark = pytest.mark.django_db


@pytest.fixture
def purged(monkeypatch):
    """The keys sent to the edge from here on, one set per purge."""
    sent = []

    class Recorder:
        def purge(self, keys):
            sent.append(set(keys))

    monkeypatch.setattr(tasks, "get_purger", Recorder)
    return sent


@pytest.fixture
def site(commit):
    with commit():
        about = PageFactory(slug="about")
        contact = PageFactory(slug="contact", parent=about)
        item = MenuItemFactory(label="Contact", page=contact)
    return {"about": about, "contact": contact, "item": item}


def keys_of(client, url: str) -> set[str]:
    response = client.get(url)
    assert response.status_code == 200, url
    return set(response["xkey"].split())


def test_every_page_names_the_menus_and_the_pages_they_lead_to(client, site):
    home = keys_of(client, "/")
    assert {"all-menuitem", f"page-{site['contact'].pk}", "site"} <= home
    assert f"page-{site['about'].pk}" not in home
    # A page lists the pages below it, which a new one may join: it names them all.
    assert {"all-page", "all-menuitem"} <= keys_of(client, "/about/")
    assert "all-page" in keys_of(client, "/sitemap.xml")


def test_saving_a_page_purges_it_the_pages_listing_pages_and_the_pages_below_it(site, purged, commit):
    with commit():
        site["about"].title = "About the institute"
        site["about"].save()
    assert purged == [{f"page-{site['about'].pk}", "all-page", f"page-{site['contact'].pk}"}]


def test_publishing_or_deleting_a_page_purges_it(site, purged, commit):
    with commit():
        draft = PageFactory(slug="soon", draft=True)
    with commit():
        draft.status = Page.Status.PUBLISHED
        draft.save()
    key = f"page-{draft.pk}"
    with commit():
        draft.delete()
    assert purged[1:] == [{key, "all-page"}] * 2


def test_any_menu_change_purges_every_page_with_menus(site, purged, commit):
    with commit():
        site["item"].label = "Write to us"
        site["item"].save()
    with commit():
        added = MenuItemFactory(named="experts")
    key = f"menuitem-{added.pk}"
    with commit():
        added.delete()
    assert purged == [
        {f"menuitem-{site['item'].pk}", "all-menuitem"},
        {key, "all-menuitem"},
        {key, "all-menuitem"},
    ]


def test_pages_and_menus_change_the_content_version(site, commit):
    before = content_version.current()
    with commit():
        MenuItem.objects.get().save()
    after_menu = content_version.current()
    with commit():
        Page.objects.get(slug="about").save()
    assert len({before, after_menu, content_version.current()}) == 3
