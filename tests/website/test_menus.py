"""The header and footer menus: in the editors' order, each kind of target, only what is public,
the site's lists on a fresh install, the same bytes for every reader, and one query at most."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from lxml import html

from core import content_version
from tests.factories import MenuItemFactory, PageFactory
from website import menus
from website.models import MenuItem

pytestmark = pytest.mark.django_db


def links(client, menu: str, url: str = "/") -> list[tuple[str, str]]:
    """(label, href) of each link in the header's main navigation or the footer's."""
    document = html.fromstring(client.get(url).content.decode())
    label = "Main" if menu == "header" else "Footer"
    return [(a.text_content(), a.get("href")) for a in document.xpath(f"//nav[@aria-label='{label}']//a")]


def test_a_fresh_site_shows_its_main_lists(client):
    assert links(client, "header") == [
        ("Publications", "/publications/"),
        ("Research Areas", "/research-areas/"),
        ("Experts", "/authors/"),
        ("Subscribe", "/subscribe/"),
    ]
    document = html.fromstring(client.get(reverse("publications:list")).content)
    current = document.xpath("//nav[@aria-label='Main']//a[@aria-current='page']/@href")
    assert current == ["/publications/"]


def test_menus_show_their_items_in_order_with_each_kind_of_target(client):
    about = PageFactory(title="About us", slug="about")
    MenuItemFactory(label="About", page=about, position=3)
    MenuItemFactory(label="Annual report", url="https://example.org/report.pdf", position=2)
    MenuItemFactory(label="Our work", named="publications", position=1)
    MenuItemFactory(label="Places", named="regions", position=4)  # a list the site may not have yet
    MenuItemFactory(menu=MenuItem.Menu.FOOTER, label="Contact", url="/about/#contact", position=0)

    header = links(client, "header")
    regions = [("Places", "/regions/")] if ("Places", "/regions/") in header else []
    assert header == [
        ("Our work", "/publications/"),
        ("Annual report", "https://example.org/report.pdf"),
        ("About", "/about/"),
        *regions,
    ]
    assert links(client, "footer") == [("Contact", "/about/#contact"), ("RSS feed", "/feed/")]
    current = html.fromstring(client.get("/about/").content).xpath("//a[@aria-current='page']/@href")
    assert "/about/" in current


@pytest.mark.parametrize("state", [{"draft": True}, {"scheduled": True}])
def test_an_item_leading_to_an_unpublished_page_is_left_out(client, state):
    hidden = PageFactory(title="Launch", slug="launch", **state)
    MenuItemFactory(label="Launch", page=hidden)
    MenuItemFactory(label="Publications", named="publications")

    assert links(client, "header") == [("Publications", "/publications/")]
    assert "/launch/" not in client.get("/").content.decode()


def test_the_footer_has_the_feed_and_the_copyright(client, settings):
    settings.SITE_NAME = "Think Institute"
    footer = html.fromstring(client.get("/").content).xpath("//footer")[0]
    assert footer.xpath(".//a[@href='/feed/']")
    assert f"© {timezone.localtime().year} Think Institute" in footer.text_content()


def test_menu_items_need_exactly_one_target():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="one thing"):
        MenuItem(menu="header", label="Two", named="publications", url="/x/").full_clean()
    with pytest.raises(ValidationError, match="one thing"):
        MenuItem(menu="header", label="None").full_clean()
    with pytest.raises(ValidationError):
        MenuItem(menu="header", label="Script", url="javascript:alert(1)").full_clean()
    MenuItem(menu="header", label="Fine", url="/about/").full_clean()


def test_pages_with_menus_are_the_same_bytes_for_every_reader(page_cache):
    about = PageFactory(slug="about")
    MenuItemFactory(label="About", page=about)
    MenuItemFactory(label="Work", named="publications")
    for url in ["/", "/about/", reverse("publications:list")]:
        first, second = Client().get(url), Client().get(url)
        assert first.status_code == second.status_code == 200
        assert first.content == second.content, url
        assert "public" in first["Cache-Control"]
        keys = set(first["xkey"].split())
        # The page it leads to, by its key, or with every page (the pages' own pages list theirs).
        assert "all-menuitem" in keys
        assert f"page-{about.pk}" in keys or "all-page" in keys


def queries_for(url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert Client().get(url).status_code == 200
    return len(queries)


def test_menus_cost_one_query_however_many_items():
    before = queries_for("/")
    pages = [PageFactory(slug=f"page-{n}") for n in range(5)]
    for page in pages:
        MenuItemFactory(page=page)
        MenuItemFactory(menu=MenuItem.Menu.FOOTER, page=page)
    MenuItemFactory(named="experts")
    assert queries_for("/") == before


@pytest.mark.django_db(transaction=True)
def test_menus_kept_under_the_content_version_cost_no_query(rf, settings):
    """Menus kept under the content version are as fresh as the page: a change to a menu gives
    a new version, hence new menus. Once kept, a page's menus cost no query (the version itself
    is read again at most once a second)."""
    settings.CONTENT_VERSION_RECHECK_SECONDS = 60
    cache.clear()
    MenuItemFactory(label="Old", named="publications")
    content_version.current()

    def menus_now():
        with CaptureQueriesContext(connection) as queries:
            found = menus.menus_for(rf.get("/"))
        return found["header"], len(queries)

    assert menus_now() == ([{"label": "Old", "url": "/publications/"}], 1)
    assert menus_now() == ([{"label": "Old", "url": "/publications/"}], 0)

    MenuItem.objects.update(label="New")  # skips the signals: the kept menus stay
    assert menus_now()[0][0]["label"] == "Old"
    MenuItem.objects.get().save()  # a save gives a new version
    assert menus_now()[0][0]["label"] == "New"


@pytest.mark.django_db(transaction=True)
def test_menus_leading_to_a_scheduled_page_are_kept_only_until_its_time(rf, clock):
    cache.clear()
    soon = PageFactory(slug="soon", published_at=clock.now() + timedelta(minutes=5))
    MenuItemFactory(label="Soon", page=soon)
    version = content_version.current()

    def header():
        request = rf.get("/")
        request.content_version = version
        return menus.menus_for(request)["header"]

    assert header() == []
    clock.advance(timedelta(minutes=6))
    assert header() == [{"label": "Soon", "url": "/soon/"}]


def test_editors_arrange_menus_in_the_admin(login, eve):
    about = PageFactory(slug="about")
    first = MenuItemFactory(label="First", named="publications", position=0)
    second = MenuItemFactory(label="Second", page=about, position=1)
    client = login(eve)
    changelist = reverse("admin:website_menuitem_changelist")
    assert client.get(changelist).status_code == 200
    response = client.post(
        changelist,
        {
            "form-TOTAL_FORMS": "2",
            "form-INITIAL_FORMS": "2",
            "form-0-id": str(first.pk),
            "form-0-position": "5",
            "form-1-id": str(second.pk),
            "form-1-position": "1",
            "_save": "Save",
        },
    )
    assert response.status_code == 302
    assert [item.label for item in MenuItem.objects.all()] == ["Second", "First"]
    assert links(Client(), "header")[0] == ("Second", "/about/")


def test_the_admin_refuses_an_item_leading_to_two_things(login, eve):
    client = login(eve)
    add = reverse("admin:website_menuitem_add")
    assert client.get(add).status_code == 200
    data = {"menu": "header", "position": "0", "label": "Both", "named": "experts", "url": "/x/"}
    assert "Choose one thing" in client.post(add, data).content.decode()
    page = PageFactory(slug="about")
    response = client.post(add, {"menu": "footer", "position": "1", "label": "About", "page": page.pk})
    assert response.status_code == 302
    assert links(Client(), "footer")[0] == ("About", "/about/")
