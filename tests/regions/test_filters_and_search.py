"""Finding work by region: the ``region`` filter on /publications/ and the region facet of the
search page. Choosing a region takes in the regions inside it, and the counts say so."""

import pytest
from django.urls import reverse
from lxml import html

pytestmark = pytest.mark.django_db


def listed(client, **params) -> tuple[list[str], str]:
    response = client.get(reverse("publications:list"), params)
    assert response.status_code == 200
    page = html.fromstring(response.content)
    titles = [" ".join(h3.text_content().split()) for h3 in page.xpath("//main//h3")]
    return titles, " ".join(page.text_content().split())


def test_the_list_filtered_by_a_region_includes_its_sub_regions(client, places):
    titles, page = listed(client, region="asia")
    assert titles == ["Chips from China and Korea", "Export controls and China", "Shipping lanes of Asia"]
    assert "3 publications: Asia" in page


def test_a_country_filter_leaves_out_its_broader_region(client, places):
    titles, _ = listed(client, region="korean-peninsula")
    assert titles == ["Chips from China and Korea"]


def test_the_region_filter_never_shows_unpublished_work(client, places):
    titles, _ = listed(client, region="china")
    assert "Draft on China" not in titles
    assert "Coming on China" not in titles


def test_the_region_filter_combines_with_the_others(client, places):
    titles, _ = listed(client, region="asia", author=places["ben"].slug)
    assert titles == ["Chips from China and Korea"]


def test_an_unknown_region_is_reported_and_matches_nothing(client, places):
    titles, page = listed(client, region="atlantis")
    assert titles == []
    assert "Some filters were not recognised" in page
    assert "Region: Select a valid choice" in page
    assert "0 publications" in page


def test_the_filter_form_offers_every_region(client, places):
    response = client.get(reverse("publications:list"))
    page = html.fromstring(response.content)
    options = page.xpath("//select[@name='region']/option/text()")
    assert options == ["All regions", "Asia", "China", "East Asia", "Europe", "Korean Peninsula"]


def facet(response, name: str) -> dict[str, int]:
    facets = {f.name: f for f in response.context["search"].facets}
    return {option.label: option.count for option in facets[name].options} if name in facets else {}


def test_the_search_facet_counts_work_towards_every_region_it_lies_in(client, places):
    response = client.get(reverse("search"), {"region": "europe"})
    # Europe chosen: the other regions still show, counted as choosing them would find.
    assert facet(response, "region") == {
        "Asia": 3,
        "East Asia": 2,
        "China": 2,
        "Europe": 1,
        "Korean Peninsula": 1,
    }


def test_choosing_a_region_in_search_finds_the_work_of_its_sub_regions(client, places):
    response = client.get(reverse("search"), {"region": "east-asia"})
    titles = [publication.title for publication in response.context["search"].page.object_list]
    assert titles == ["Chips from China and Korea", "Export controls and China"]
    page = response.content.decode()
    assert "Region: East Asia" in page


def test_the_region_facet_counts_each_publication_once_with_words_searched(client, places, reindex):
    reindex()
    response = client.get(reverse("search"), {"q": "China"})
    # "Chips from China and Korea" names China, Korea and East Asia: it counts once towards each.
    assert facet(response, "region") == {"Asia": 2, "China": 2, "East Asia": 2, "Korean Peninsula": 1}


def test_a_capped_search_narrowed_by_region_finds_every_match(client, places, monkeypatch):
    from publications.search import page as search_page_module

    monkeypatch.setattr(search_page_module, "FACET_SAMPLE", 1)
    response = client.get(reverse("search"), {"region": "asia", "sort": "newest"})
    search = response.context["search"]
    assert search.facets_capped
    assert search.page.paginator.count == 3
    assert [p.title for p in search.page.object_list] == [
        "Chips from China and Korea",
        "Export controls and China",
        "Shipping lanes of Asia",
    ]


def test_an_unknown_region_in_search_is_reported_and_left_out(client, places):
    response = client.get(reverse("search"), {"region": "atlantis"})
    assert response.status_code == 200
    assert "could not be used" in response.content.decode()
