"""Metadata for search engines, social cards and citation tools."""

import base64
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from lxml import html

from tests.factories import (
    AuthorFactory,
    PublicationFactory,
    PublicationTypeFactory,
    ResearchAreaFactory,
    SeriesFactory,
    days_ago,
)
from tests.tools import SITE

# Absolute links (feeds, sitemaps, metadata, citations) come from SITE_URL, never the request.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_url")]

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


def page(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    return html.fromstring(response.content)


def meta(document, key: str) -> list[str]:
    """The content of every <meta> whose name or property is ``key``, in page order."""
    return document.xpath(f'//head/meta[@name="{key}" or @property="{key}"]/@content')


def json_ld(document) -> dict:
    [script] = document.xpath('//script[@type="application/ld+json"]/text()')
    return json.loads(script)


@pytest.fixture
def shelf():
    ada = AuthorFactory(name="Ada Okafor", role="Senior Fellow")
    ben = AuthorFactory(name="Ben Haddad")
    area = ResearchAreaFactory(name="Energy")
    series = SeriesFactory(name="Grid Futures")
    report = PublicationTypeFactory(name="Report")
    publication = PublicationFactory(
        title="Keeping the Lights On",
        summary="A resilience standard for regional grids.",
        type=report,
        authors=[ben, ada],
        areas=[area],
        series=series,
        tags=["grid"],
        published_at=days_ago(10),
    )
    return {"ada": ada, "area": area, "series": series, "publication": publication}


def public_pages(shelf) -> list[str]:
    return [
        reverse("home"),
        reverse("publications:list"),
        shelf["publication"].get_absolute_url(),
        reverse("authors:list"),
        shelf["ada"].get_absolute_url(),
        reverse("research_areas:list"),
        shelf["area"].get_absolute_url(),
        shelf["series"].get_absolute_url(),
        reverse("search") + "?q=grid",
    ]


def test_every_page_has_title_description_canonical_and_cards(client, shelf):
    for url in public_pages(shelf):
        document = page(client, url)
        title = document.findtext(".//head/title").strip()
        assert title, url
        [description] = meta(document, "description")
        assert description.strip(), url
        [canonical] = document.xpath('//head/link[@rel="canonical"]/@href')
        assert canonical == SITE + url.split("?")[0], url
        assert meta(document, "og:title") == [meta(document, "twitter:title")[0]], url
        assert meta(document, "og:description") == [description], url
        assert meta(document, "og:url") == [canonical], url
        assert meta(document, "og:site_name"), url
        assert meta(document, "og:type"), url
        assert meta(document, "twitter:card") == ["summary"], url
        assert document.xpath('//head/link[@rel="alternate"][@type="application/rss+xml"]'), url


def test_pages_advertise_their_feeds(client, shelf):
    home = client.get(reverse("home")).content.decode()
    assert '<link rel="alternate" type="application/rss+xml" title="' in home
    assert f'href="{reverse("feeds:latest")}"' in home
    assert f'href="{reverse("feeds:latest_atom")}"' in home

    for name, obj in [("author", shelf["ada"]), ("area", shelf["area"]), ("series", shelf["series"])]:
        page = client.get(obj.get_absolute_url()).content.decode()
        assert f'href="{reverse(f"feeds:{name}", kwargs={"slug": obj.slug})}"' in page, name
        assert f'href="{reverse("feeds:latest")}"' in page


def test_list_canonical_keeps_the_page_number_and_drops_filters(client):
    for number in range(15):
        PublicationFactory(published_at=days_ago(number + 1))

    document = page(client, reverse("publications:list") + "?page=2&utm_source=x")

    assert document.xpath('//head/link[@rel="canonical"]/@href') == [f"{SITE}/publications/?page=2"]


def test_publication_cards_describe_the_article(client, shelf):
    publication = shelf["publication"]

    document = page(client, publication.get_absolute_url())

    assert meta(document, "og:type") == ["article"]
    assert meta(document, "og:title") == ["Keeping the Lights On"]
    assert meta(document, "description") == ["A resilience standard for regional grids."]
    assert meta(document, "og:image") == []
    assert meta(document, "article:tag") == ["grid"]


def test_hero_image_makes_a_large_card(client, shelf):
    publication = shelf["publication"]
    publication.hero_image = SimpleUploadedFile("hero.png", PNG, content_type="image/png")
    publication.hero_alt = "A substation at dusk"
    publication.save()

    document = page(client, publication.get_absolute_url())

    [image] = meta(document, "og:image")
    assert image.startswith(f"{SITE}/media/publications/heroes/")
    assert meta(document, "twitter:image") == [image]
    assert meta(document, "twitter:card") == ["summary_large_image"]
    assert meta(document, "og:image:alt") == ["A substation at dusk"]
    assert json_ld(document)["image"] == image


def test_json_ld_describes_a_report_with_its_authors_in_order(client, shelf):
    publication = shelf["publication"]

    data = json_ld(page(client, publication.get_absolute_url()))

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Report"
    assert data["headline"] == "Keeping the Lights On"
    assert [(a["@type"], a["name"]) for a in data["author"]] == [
        ("Person", "Ben Haddad"),
        ("Person", "Ada Okafor"),
    ]
    assert data["author"][1]["url"] == f"{SITE}{shelf['ada'].get_absolute_url()}"
    assert data["author"][1]["jobTitle"] == "Senior Fellow"
    assert data["publisher"] == {"@type": "Organization", "name": "Red Cell Institute", "url": f"{SITE}/"}
    assert data["datePublished"] == timezone.localtime(publication.published_at).isoformat()
    assert data["url"] == f"{SITE}{publication.get_absolute_url()}"
    assert data["isPartOf"]["name"] == "Grid Futures"
    assert data["about"] == [{"@type": "Thing", "name": "Energy"}]


def test_commentary_is_an_article(client):
    commentary = PublicationTypeFactory(name="Commentary")
    publication = PublicationFactory(type=commentary)

    assert json_ld(page(client, publication.get_absolute_url()))["@type"] == "Article"


def test_json_ld_survives_a_title_that_closes_the_script(client):
    publication = PublicationFactory(title='Beyond </script><script>alert("x")</script> the grid')

    response = client.get(publication.get_absolute_url())

    assert b'</script><script>alert("x")' not in response.content
    assert json_ld(html.fromstring(response.content))["name"] == publication.title


def test_highwire_tags_name_the_authors_in_order(client, shelf):
    publication = shelf["publication"]

    document = page(client, publication.get_absolute_url())

    assert meta(document, "citation_title") == ["Keeping the Lights On"]
    assert meta(document, "citation_author") == ["Haddad, Ben", "Okafor, Ada"]
    published = timezone.localtime(publication.published_at)
    assert meta(document, "citation_publication_date") == [published.strftime("%Y/%m/%d")]
    assert meta(document, "citation_publisher") == ["Red Cell Institute"]
    assert meta(document, "citation_pdf_url") == [f"{SITE}/publications/keeping-the-lights-on/pdf/"]


def test_highwire_pdf_url_when_there_is_a_pdf(client, shelf):
    publication = shelf["publication"]
    publication.pdf = SimpleUploadedFile("lights.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    publication.save()

    document = page(client, publication.get_absolute_url())

    [pdf] = meta(document, "citation_pdf_url")
    assert pdf.startswith(f"{SITE}/media/publications/pdf/")
    assert pdf.endswith(".pdf")
    assert json_ld(document)["encoding"]["contentUrl"] == pdf


def test_staff_preview_of_a_draft_stays_out_of_indexes(admin_client):
    draft = PublicationFactory(draft=True)

    response = admin_client.get(reverse("admin:publications_publication_preview", args=[draft.pk]))

    document = html.fromstring(response.content)
    assert meta(document, "robots") == ["noindex, nofollow"]
    assert meta(document, "citation_title") == [draft.title]


def test_not_found_page_claims_no_canonical_address(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert b'rel="canonical"' not in response.content
    assert b'property="og:title"' in response.content
