"""Regions for search engines: their pages in the sitemap, and the places a publication covers in
its JSON-LD (``spatialCoverage``)."""

import json

import pytest
from django.urls import reverse
from django.utils import timezone
from lxml import etree, html

from tests.factories import PublicationFactory, RegionFactory
from tests.tools import SITE

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_url")]

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap(client) -> dict[str, str | None]:
    response = client.get(reverse("sitemap"))
    assert response.status_code == 200
    document = etree.fromstring(response.content)
    return {
        url.findtext("s:loc", namespaces=NS): url.findtext("s:lastmod", namespaces=NS)
        for url in document.findall("s:url", NS)
    }


def day(moment) -> str:
    return timezone.localtime(moment).date().isoformat()


def test_the_sitemap_lists_the_region_list_and_every_region(client, places):
    listed = sitemap(client)
    assert f"{SITE}{reverse('regions:list')}" in listed
    for name in ["asia", "east_asia", "china", "korea", "europe"]:
        assert f"{SITE}{places[name].get_absolute_url()}" in listed, name


def test_a_region_is_as_fresh_as_the_latest_work_on_it_or_inside_it(client, places):
    listed = sitemap(client)
    newest_in_asia = day(places["on_both"].published_at)  # filed under China, Korea, East Asia
    assert listed[f"{SITE}{places['asia'].get_absolute_url()}"] == newest_in_asia
    assert listed[f"{SITE}{places['china'].get_absolute_url()}"] == newest_in_asia
    assert listed[f"{SITE}{places['europe'].get_absolute_url()}"] == day(places["on_europe"].published_at)


def test_unpublished_work_does_not_freshen_a_region(client, places):
    lonely = RegionFactory(name="Antarctica")
    PublicationFactory(regions=[lonely], draft=True)
    PublicationFactory(regions=[lonely], scheduled=True)
    listed = sitemap(client)
    assert listed[f"{SITE}{lonely.get_absolute_url()}"] is None


def json_ld(client, publication) -> dict:
    response = client.get(publication.get_absolute_url())
    [script] = html.fromstring(response.content).xpath('//script[@type="application/ld+json"]/text()')
    return json.loads(script)


def test_json_ld_names_the_places_a_publication_covers(client, places):
    data = json_ld(client, places["on_both"])
    coverage = sorted(data["spatialCoverage"], key=lambda place: place["name"])
    assert coverage == [
        {"@type": "Place", "name": "China", "url": f"{SITE}{places['china'].get_absolute_url()}"},
        {"@type": "Place", "name": "East Asia", "url": f"{SITE}{places['east_asia'].get_absolute_url()}"},
        {
            "@type": "Place",
            "name": "Korean Peninsula",
            "url": f"{SITE}{places['korea'].get_absolute_url()}",
        },
    ]


def test_json_ld_of_a_publication_about_no_region_has_no_coverage(client):
    assert "spatialCoverage" not in json_ld(client, PublicationFactory())
