"""Old WordPress addresses answer 301 to the new pages, safely and cacheably; and the imported
site, crawled, never answers 5xx."""

from types import SimpleNamespace

import pytest
from django.test import RequestFactory

from authors.models import Author
from importers.middleware import moved
from publications.models import Publication
from research_areas.models import ResearchArea
from website.models import Page

from . import wxr

pytestmark = pytest.mark.django_db


def richer_export() -> str:
    return wxr.export(
        wxr.category("trade", "Trade"),
        wxr.category("europe", "Europe", parent="trade"),
        wxr.guest_author(90, "zoe", "Zoë Ørsted", bio="Fellow."),
        wxr.item(1, "Tariffs &amp; trade 🚢", "<p>Text[footnote]Note.[/footnote].</p>", slug="tariffs",
                 categories=("europe",), tags=("Trade",), coauthors=("zoe", "ada"), sticky=True),
        wxr.item(2, "", "Classic\n\ntext [gallery]", slug=""),
        wxr.item(3, "Later", status="future", date="2099-01-01 09:00:00", slug="later"),
        wxr.item(4, "Unfinished", status="draft", slug="unfinished", link=f"{wxr.SITE}/?p=4"),
        wxr.item(5, "Locked", password="x", slug="locked"),
        wxr.item(6, "Ünïcode slug", slug="%c3%bcn%c3%afcode", link=f"{wxr.SITE}/2024/03/%c3%bcn%c3%afcode/"),
        wxr.item(20, "About", "<p>Us.</p>", post_type="page", slug="about", link=f"{wxr.SITE}/about-us/"),
        wxr.item(21, "Team", "<p>All of us.</p>", post_type="page", slug="team", parent=20),
    )  # fmt: skip


@pytest.fixture
def site(run_import):
    result = run_import(richer_export())
    assert result.ok, result.error
    return result


def test_the_old_permalink_redirects_permanently_to_the_new_page(site, client):
    response = client.get("/2024/03/tariffs/")

    assert response.status_code == 301
    assert response["Location"] == "/publications/tariffs/"
    assert response["Cache-Control"].startswith("public, ")
    assert client.get(response["Location"]).status_code == 200


def test_the_old_permalink_without_its_trailing_slash_gets_there_too(site, client):
    response = client.get("/2024/03/tariffs", follow=True)

    assert response.redirect_chain[-1] == ("/publications/tariffs/", 301)
    assert response.status_code == 200


def test_a_percent_encoded_permalink_redirects(site, client):
    response = client.get("/2024/03/%C3%BCn%C3%AFcode/")

    assert response.status_code == 301
    assert response["Location"] == "/publications/unicode/"


@pytest.mark.parametrize(
    ("address", "location"),
    [
        ("/?p=1", "/publications/tariffs/"),
        ("/index.php?p=1", "/publications/tariffs/"),
        ("/?page_id=20", "/about/"),
    ],
)
def test_wordpress_ids_redirect(site, client, address, location):
    response = client.get(address)

    assert response.status_code == 301
    assert response["Location"] == location


def test_the_id_redirect_is_not_hidden_by_the_cached_home_page(site, client, page_cache):
    assert client.get("/").status_code == 200

    assert client.get("/?p=1").status_code == 301


def test_a_page_moved_under_a_new_address_redirects(site, client):
    response = client.get("/about-us/")

    assert response.status_code == 301
    assert response["Location"] == "/about/"


@pytest.mark.parametrize("address", ["/?p=3", "/?p=4", "/?p=5", "/2024/03/later/", "/2024/03/locked/"])
def test_unpublished_work_is_not_revealed_by_its_old_address(site, client, address):
    """Scheduled, draft and password-protected posts: the home page for ?p=, 404 for a path."""
    response = client.get(address)

    assert response.status_code != 301
    assert "later" not in response.get("Location", "")


def test_a_redirect_never_leaves_the_site(rf: RequestFactory):
    request = rf.get("/old/")
    for location in ("//evil.example/x", "https://evil.example/", "/\\evil.example", "/old/"):
        target = SimpleNamespace(get_absolute_url=lambda location=location: location, _meta=Page._meta, pk=1)
        assert moved(request, target) is None


def test_unknown_old_addresses_still_answer_404(site, client):
    assert client.get("/2024/03/never-existed/").status_code == 404
    assert client.get("/?p=999").status_code == 200  # the home page, as before


def test_crawling_the_imported_site_finds_no_server_error(site, client):
    addresses = [
        "/",
        "/publications/",
        "/authors/",
        "/research-areas/",
        "/feed/",
        "/sitemap.xml",
        "/search/?q=trade",
    ]
    addresses += [publication.get_absolute_url() for publication in Publication.objects.all()]
    addresses += [author.get_absolute_url() for author in Author.objects.all()]
    addresses += [area.get_absolute_url() for area in ResearchArea.objects.all()]
    addresses += [page.get_absolute_url() for page in Page.objects.all()]
    addresses += [f"/?p={number}" for number in range(1, 7)] + ["/?page_id=20", "/?page_id=21"]
    addresses += ["/2024/03/tariffs/", "/about-us/", "/2024/03/team/"]

    statuses = {address: client.get(address, follow=True).status_code for address in addresses}

    assert {address: status for address, status in statuses.items() if status >= 500} == {}
    published = Publication.objects.published()
    assert published.count() == 3  # tariffs, the untitled one, the unicode one
    for publication in published:
        assert statuses[publication.get_absolute_url()] == 200
