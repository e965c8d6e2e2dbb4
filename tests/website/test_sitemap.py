"""/sitemap.xml against the sitemaps.org schema, and /robots.txt pointing to it."""

from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from lxml import etree

from tests.factories import AuthorFactory, PublicationFactory, ResearchAreaFactory, SeriesFactory, days_ago
from tests.tools import SITE

# Absolute links (feeds, sitemaps, metadata, citations) come from SITE_URL, never the request.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_url")]

SCHEMA = etree.XMLSchema(etree.parse(str(Path(__file__).with_name("sitemap.xsd"))))
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap(client) -> etree._Element:
    response = client.get(reverse("sitemap"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    document = etree.fromstring(response.content)
    SCHEMA.assertValid(document)
    return document


def day(moment) -> str:
    """A datetime as the sitemap writes it: the date in the site's time zone."""
    return timezone.localtime(moment).date().isoformat()


def entries(document) -> dict[str, str | None]:
    """{loc: lastmod} for every URL listed."""
    return {
        url.findtext("s:loc", namespaces=NS): url.findtext("s:lastmod", namespaces=NS)
        for url in document.findall("s:url", NS)
    }


@pytest.fixture
def shelf():
    author = AuthorFactory()
    area = ResearchAreaFactory()
    series = SeriesFactory()
    publication = PublicationFactory(authors=[author], areas=[area], series=series, published_at=days_ago(3))
    return {"author": author, "area": area, "series": series, "publication": publication}


def test_sitemap_is_valid_and_lists_everything_public(client, shelf):
    listed = entries(sitemap(client))

    for path in [
        reverse("home"),
        reverse("publications:list"),
        reverse("authors:list"),
        reverse("research_areas:list"),
        shelf["publication"].get_absolute_url(),
        shelf["author"].get_absolute_url(),
        shelf["area"].get_absolute_url(),
        shelf["series"].get_absolute_url(),
    ]:
        assert f"{SITE}{path}" in listed, path


def test_publications_and_their_pages_carry_lastmod(client, shelf):
    listed = entries(sitemap(client))
    updated = day(shelf["publication"].updated_at)

    assert listed[f"{SITE}{shelf['publication'].get_absolute_url()}"] == updated
    published = day(shelf["publication"].published_at)
    for key in ["author", "area", "series"]:
        assert listed[f"{SITE}{shelf[key].get_absolute_url()}"] == published, key


def test_empty_site_sitemap_is_still_valid(client):
    listed = entries(sitemap(client))

    assert f"{SITE}/" in listed


@pytest.mark.parametrize("state", ["draft", "in_review", "scheduled"])
def test_unpublished_work_is_not_listed(client, shelf, state):
    hidden = PublicationFactory(authors=[shelf["author"]], areas=[shelf["area"]], **{state: True})

    listed = entries(sitemap(client))

    assert f"{SITE}{hidden.get_absolute_url()}" not in listed
    # Nor does it move its expert's or area's lastmod.
    published = day(shelf["publication"].published_at)
    assert listed[f"{SITE}{shelf['author'].get_absolute_url()}"] == published


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert f"Sitemap: {SITE}{reverse('sitemap')}" in lines
    assert "Disallow: /admin/" in lines
    assert "User-agent: *" in lines


def test_the_schema_rejects_what_the_protocol_forbids():
    # A check on the check: the stored schema does catch an invalid sitemap.
    bad = (
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>short</loc>'
        b"<changefreq>sometimes</changefreq></url></urlset>"
    )

    assert not SCHEMA.validate(etree.fromstring(bad))
