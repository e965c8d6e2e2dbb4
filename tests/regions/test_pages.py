"""The region list (the tree of regions) and a region's page: its description, where it lies,
the regions inside it, the published work on it and on every region inside it, its experts."""

import pytest
from django.urls import reverse
from lxml import html

from regions import views
from tests.factories import PublicationFactory, RegionFactory

pytestmark = pytest.mark.django_db


def document(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    return html.fromstring(response.content)


def text(element) -> str:
    return " ".join(element.text_content().split())


def card_titles(page) -> list[str]:
    return [
        text(title)
        for title in page.xpath('//main//ul[contains(concat(" ", @class, " "), " card-list ")]//h3')
    ]


def test_the_list_nests_countries_under_their_regions(client, places):
    page = document(client, reverse("regions:list"))
    tops = page.xpath('//main//ul[contains(concat(" ", @class, " "), " region-grid ")]/li')

    assert [text(top.xpath(".//h2")[0]) for top in tops] == ["Asia", "Europe"]
    asia = tops[0]
    assert "The continent, its seas and its trade." in text(asia)
    east_asia = asia.xpath(".//ul[@aria-label='Within Asia']/li")[0]
    assert text(east_asia.xpath(".//a")[0]) == "East Asia"
    countries = east_asia.xpath(".//ul[@aria-label='Within East Asia']//a")
    assert [(text(a), a.get("href")) for a in countries] == [
        ("China", places["china"].get_absolute_url()),
        ("Korean Peninsula", places["korea"].get_absolute_url()),
    ]


def test_the_list_with_no_regions_says_so(client):
    assert "No regions yet." in text(document(client, reverse("regions:list")))


def test_the_header_menu_leads_to_the_regions(client, places):
    from tests.factories import MenuItemFactory

    MenuItemFactory(named="regions", label="Regions")
    page = document(client, reverse("home"))
    assert reverse("regions:list") in [a.get("href") for a in page.xpath("//header//a")]


def test_a_region_page_shows_its_work_and_that_of_every_region_inside_it(client, places):
    page = document(client, places["asia"].get_absolute_url())

    assert text(page.xpath("//h1")[0]) == "Asia"
    assert "The continent, its seas and its trade." in text(
        page.xpath('//header[contains(concat(" ", @class, " "), " page-header ")]')[0]
    )
    # Newest first, each once, though one is filed under three regions inside Asia.
    assert card_titles(page) == [
        "Chips from China and Korea",
        "Export controls and China",
        "Shipping lanes of Asia",
    ]


def test_a_region_page_never_shows_drafts_scheduled_work_or_other_regions(client, places):
    page = text(document(client, places["asia"].get_absolute_url()))
    for title in ["Draft on China", "Coming on China", "Gas storage in Europe"]:
        assert title not in page


def test_a_country_page_shows_only_its_own_work(client, places):
    page = document(client, places["korea"].get_absolute_url())
    assert card_titles(page) == ["Chips from China and Korea"]


def test_a_region_page_says_where_it_lies_and_what_lies_inside_it(client, places):
    page = document(client, places["east_asia"].get_absolute_url())

    trail = page.xpath('//main//h1/preceding-sibling::p[contains(@class, "type-label")]/a')
    assert [(text(a), a.get("href")) for a in trail] == [
        ("Regions", reverse("regions:list")),
        ("Asia", places["asia"].get_absolute_url()),
    ]
    inside = page.xpath("//section[@aria-labelledby='subregions-title']//a")
    assert [text(a) for a in inside] == ["China", "Korean Peninsula"]
    assert "Within East Asia" in text(page)


def test_a_region_page_lists_sub_regions_at_every_depth(client, places):
    RegionFactory(name="Shanghai", parent=places["china"])
    page = document(client, places["asia"].get_absolute_url())
    inside = page.xpath("//section[@aria-labelledby='subregions-title']")[0]
    assert [text(a) for a in inside.xpath(".//a")] == ["East Asia", "China", "Shanghai", "Korean Peninsula"]


def test_a_region_page_names_the_experts_who_write_on_it(client, places):
    page = document(client, places["asia"].get_absolute_url())
    experts = page.xpath("//section[@aria-labelledby='region-experts-title']//a")
    # Ada wrote two of its pieces, Ben one.
    assert [text(a) for a in experts] == ["Ada Okafor", "Ben Lindqvist"]
    europe = document(client, places["europe"].get_absolute_url())
    assert [text(a) for a in europe.xpath("//section[@aria-labelledby='region-experts-title']//a")] == [
        "Ben Lindqvist"
    ]


def test_a_region_without_work_says_so(client, places):
    lonely = RegionFactory(name="Antarctica")
    assert "No publications on this region yet." in text(document(client, lonely.get_absolute_url()))


def test_a_region_page_is_paginated(client, places, monkeypatch):
    PublicationFactory.create_batch(views.PAGE_SIZE, regions=[places["china"]])
    first = document(client, places["asia"].get_absolute_url())
    assert len(card_titles(first)) == views.PAGE_SIZE
    assert first.xpath("//nav[@aria-label='Pages']//a[@rel='next']")
    second = document(client, places["asia"].get_absolute_url() + "?page=2")
    assert len(card_titles(second)) == 3


def test_an_unknown_region_is_not_found(client, places):
    assert client.get(reverse("regions:detail", kwargs={"slug": "atlantis"})).status_code == 404


def test_a_region_page_advertises_its_feeds(client, places):
    page = document(client, places["asia"].get_absolute_url())
    feeds = {link.get("href") for link in page.xpath("//link[@rel='alternate']")}
    assert reverse("feeds:region", kwargs={"slug": "asia"}) in feeds
    assert reverse("feeds:region_atom", kwargs={"slug": "asia"}) in feeds


def test_a_publication_page_shows_its_regions_beside_its_research_areas(client, places):
    page = document(client, places["on_both"].get_absolute_url())
    topics = page.xpath('//section[contains(concat(" ", @class, " "), " topics ")]')[0]
    assert "Regions" in [text(h3) for h3 in topics.xpath(".//h3")]
    chips = {
        text(a): a.get("href") for a in topics.xpath('.//a[contains(concat(" ", @class, " "), " chip ")]')
    }
    assert chips["China"] == places["china"].get_absolute_url()
    assert set(chips) >= {"China", "Korean Peninsula", "East Asia"}
