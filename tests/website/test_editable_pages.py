"""Editable pages (About, Contact, Privacy): served at their paths by the catch-all, which
shadows no other route; shown only while ``Page.objects.published()`` says so; previewed by staff."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import URLResolver, get_resolver, resolve, reverse
from lxml import html

from tests.admin_forms import staff_user
from tests.factories import PageFactory, days_ago
from tests.tools import SITE
from website.models import Page

pytestmark = pytest.mark.django_db


@pytest.fixture
def about():
    """/about/ with /about/contact/ below it."""
    about = PageFactory(
        title="About us",
        slug="about",
        description="Who we are.",
        body="<h2>Mission</h2><p>Research.</p><blockquote class='pull-quote'><p>Think like the problem.</p>"
        "</blockquote><p>See the note.<sup>1</sup></p><h2>Notes</h2><ol><li><p>A note.</p></li></ol>",
    )
    contact = PageFactory(title="Contact", slug="contact", parent=about, body="<p>Write to us.</p>")
    return {"about": about, "contact": contact}


def test_pages_are_served_at_their_paths(client, about):
    response = client.get("/about/")
    assert response.status_code == 200
    document = html.fromstring(response.content)
    assert document.findtext(".//h1") == "About us"
    assert document.xpath("//meta[@name='description']/@content") == ["Who we are."]
    body = response.content.decode()
    assert '<h2 id="mission">Mission</h2>' in body
    assert '<blockquote class="pull-quote">' in body
    assert 'href="#note-1"' in body  # footnotes linked both ways, as in publications
    assert document.xpath("//aside//a/@href") == ["/about/contact/"]  # the pages below it

    nested = client.get("/about/contact/")
    assert nested.status_code == 200
    crumbs = html.fromstring(nested.content).xpath("//nav[@aria-label='Breadcrumb']//a")
    assert [(a.get("href"), a.text) for a in crumbs] == [("/about/", "About us")]
    assert about["contact"].get_absolute_url() == "/about/contact/"


def test_the_body_is_sanitised_on_every_save():
    page = PageFactory(body='<p onclick="x()">Hi<script>alert(1)</script></p><a href="javascript:x()">a</a>')
    assert "script" not in page.body
    assert "onclick" not in page.body
    assert "javascript" not in page.body_html


@pytest.mark.parametrize("state", [{"draft": True}, {"scheduled": True}])
def test_unpublished_pages_answer_the_designed_404(client, state):
    page = PageFactory(slug="launch", **state)
    response = client.get(page.get_absolute_url())
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert page.title not in response.content.decode()


def test_a_page_below_an_unpublished_page_is_hidden_too(client, about):
    about["about"].status = Page.Status.DRAFT
    about["about"].save()
    assert client.get("/about/contact/").status_code == 404
    assert not Page.objects.published().exists()


def test_a_scheduled_page_appears_at_its_time(client, clock):
    page = PageFactory(slug="annual-report", published_at=clock.now() + timedelta(hours=1))
    assert client.get("/annual-report/").status_code == 404
    clock.advance(timedelta(hours=1, seconds=1))
    assert client.get(page.get_absolute_url()).status_code == 200


def test_unknown_addresses_answer_the_designed_404(client):
    for url in ["/no-such-page/", "/a/b/c/", "/publications/missing/"]:
        response = client.get(url)
        assert response.status_code == 404, url
        assert "Page not found" in response.content.decode()
        assert b'rel="canonical"' not in response.content


def test_moving_a_page_moves_the_pages_below_it(client, about):
    about["about"].slug = "who-we-are"
    about["about"].save()
    about["contact"].refresh_from_db()
    assert about["contact"].path == "who-we-are/contact"
    assert client.get("/who-we-are/contact/").status_code == 200
    assert client.get("/about/contact/").status_code == 404


def test_a_page_cannot_take_an_address_the_site_already_answers(about):
    for slug in ["publications", "search", "admin", "feed", "authors"]:
        with pytest.raises(ValidationError) as error:
            Page(title="Taken", slug=slug).full_clean()
        assert "another part of the site" in str(error.value), slug
    with pytest.raises(ValidationError, match="Another page is already at /about/contact/"):
        Page(title="Again", slug="contact", parent=about["about"]).full_clean()
    Page(title="Elsewhere", slug="contact").full_clean()  # the same slug at the top is fine


def test_a_page_cannot_sit_below_itself(about):
    about["about"].parent = about["contact"]
    with pytest.raises(ValidationError, match="cannot sit under itself"):
        about["about"].full_clean()


def _routes(resolver=None, namespaces=()):
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            yield from _routes(entry, namespaces + ((entry.namespace,) if entry.namespace else ()))
        elif entry.name:
            yield ":".join([*namespaces, entry.name]), entry


def test_the_catch_all_shadows_no_other_route():
    """Every named route of the site, filled with sample values, still reaches its own view."""
    samples = ["x", "1", "website", "2026"]
    checked = 0
    for name, entry in _routes():
        if name == "page":
            continue
        params = list(entry.pattern.regex.groupindex)
        for sample in samples:
            try:
                url = reverse(name, kwargs=dict.fromkeys(params, sample))
            except Exception:  # NoReverseMatch: the sample does not fit this parameter
                continue
            assert resolve(url).view_name == name, (name, url)
            checked += 1
            break
    assert checked > 100  # the admin's routes included
    assert resolve("/about/team/").view_name == "page"


def test_pages_are_in_the_sitemap_and_unpublished_ones_are_not(client, about, site_url):
    draft = PageFactory(slug="secret", draft=True)
    hidden_below = PageFactory(slug="below", parent=draft)
    sitemap = client.get(reverse("sitemap")).content.decode()
    assert f"<loc>{SITE}/about/</loc>" in sitemap
    assert f"<loc>{SITE}/about/contact/</loc>" in sitemap
    assert draft.get_absolute_url() not in sitemap
    assert hidden_below.get_absolute_url() not in sitemap


# Staff preview ---------------------------------------------------------------------------


def preview_url(page) -> str:
    return reverse("admin:website_page_preview", args=[page.pk])


def test_editors_preview_a_draft_as_readers_will_see_it(login, eve):
    draft = PageFactory(title="Coming soon", slug="soon", draft=True)
    response = login(eve).get(preview_url(draft))
    assert response.status_code == 200
    assert "Coming soon" in response.content.decode()
    assert "Readers cannot see this page" in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]
    assert b'<meta name="robots" content="noindex, nofollow">' in response.content


def test_only_staff_who_may_see_pages_get_the_preview(client, login, django_user_model, sam):
    draft = PageFactory(slug="soon", draft=True)
    anonymous = client.get(preview_url(draft))
    assert anonymous.status_code == 302
    assert "/admin/login/" in anonymous["Location"]
    assert login(sam).get(preview_url(draft)).status_code == 403  # a subscriber manager
    nobody = staff_user(django_user_model, "nobody", None)
    assert login(nobody).get(preview_url(draft)).status_code == 403


def test_the_admin_lists_pages_in_address_order_under_their_parents(login, eve, about):
    PageFactory(title="Privacy", slug="privacy")
    response = login(eve).get(reverse("admin:website_page_changelist"))
    assert response.status_code == 200
    cells = html.fromstring(response.content.decode()).xpath("//th[contains(@class, 'field-indented_title')]")
    titles = [cell.text_content() for cell in cells]
    assert titles == ["About us", "— Contact", "Privacy"]


def test_editors_write_pages_in_the_admin(login, eve, about):
    client = login(eve)
    assert client.get(reverse("admin:website_page_add")).status_code == 200
    change = client.get(reverse("admin:website_page_change", args=[about["contact"].pk]))
    assert preview_url(about["contact"]).encode() in change.content
    response = client.post(
        reverse("admin:website_page_add"),
        {
            "title": "Our board",
            "slug": "board",
            "parent": about["about"].pk,
            "description": "The board.",
            "body": "<p>Members<script>x</script></p>",
            "status": "published",
            "published_at_0": "",
            "published_at_1": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = Page.objects.get(slug="board")
    assert page.path == "about/board"
    assert page.published_at <= days_ago(0)
    assert "script" not in page.body
    taken = client.post(
        reverse("admin:website_page_add"), {"title": "Search", "slug": "search", "status": "draft"}
    )
    assert "another part of the site" in taken.content.decode()
