"""The Region model: readable slugs, the tree it forms, and the cycles it refuses."""

import pytest
from django.core.exceptions import ValidationError

from publications.models import Publication
from regions.models import Region
from tests.factories import RegionFactory

pytestmark = pytest.mark.django_db


def test_a_slug_is_made_from_any_script():
    assert RegionFactory(name="Côte d’Ivoire").slug == "cote-divoire"
    assert RegionFactory(name="Україна").slug == "ukraina"
    assert RegionFactory(name="中国").slug == "zhong-guo"


def test_two_regions_never_share_a_slug():
    first = RegionFactory(name="Georgia")
    second = RegionFactory(name="Georgia!")
    assert (first.slug, second.slug) == ("georgia", "georgia-2")


def test_within_takes_in_every_depth_and_nothing_beside(places):
    within = set(Region.objects.within(places["asia"]).values_list("name", flat=True))
    assert within == {"Asia", "East Asia", "China", "Korean Peninsula"}
    assert set(Region.objects.within(places["china"]).values_list("name", flat=True)) == {"China"}


def test_lineage_is_the_regions_above_and_below(places):
    lineage = set(Region.objects.lineage(places["east_asia"]).values_list("name", flat=True))
    assert lineage == {"Asia", "East Asia", "China", "Korean Peninsula"}
    assert set(Region.objects.lineage(places["china"]).values_list("name", flat=True)) == {
        "Asia",
        "East Asia",
        "China",
    }


def test_publications_in_a_region_count_once_however_many_of_its_places_they_name(places):
    found = Publication.objects.published().in_regions(Region.objects.within(places["asia"]))
    assert sorted(found.values_list("title", flat=True)) == [
        "Chips from China and Korea",
        "Export controls and China",
        "Shipping lanes of Asia",
    ]


def test_a_region_cannot_lie_inside_itself(places):
    china = places["china"]
    china.parent = china
    with pytest.raises(ValidationError) as raised:
        china.full_clean()
    assert raised.value.message_dict["parent"] == [
        "“China” cannot lie inside itself. Choose a broader region."
    ]


def test_a_region_cannot_lie_inside_its_own_sub_region(places):
    asia = places["asia"]
    asia.parent = places["china"]
    with pytest.raises(ValidationError) as raised:
        asia.full_clean()
    assert "“Asia” cannot lie inside “China”, which lies inside it" in raised.value.message_dict["parent"][0]


def test_moving_a_region_elsewhere_is_fine(places):
    korea = places["korea"]
    korea.parent = places["asia"]
    korea.full_clean()
