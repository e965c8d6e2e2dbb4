"""Research areas: the list (with sub-areas under their parents) and one page per area with its
published work and the experts who write on it most."""

import pytest
from django.urls import reverse

from tests.factories import AuthorFactory, PublicationFactory, ResearchAreaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def shelf():
    area = ResearchAreaFactory(name="Energy Security")
    author = AuthorFactory(name="Ada Okafor")
    PublicationFactory(title="Visible memo on grids", authors=[author], areas=[area])
    return {"area": area, "author": author}


def test_area_page_lists_its_experts(client, shelf):
    page = client.get(shelf["area"].get_absolute_url()).content.decode()
    assert "Ada Okafor" in page


def test_the_list_shows_top_areas_with_their_sub_areas(client):
    energy = ResearchAreaFactory(name="Energy Security")
    ResearchAreaFactory(name="Grids", parent=energy)
    page = client.get(reverse("research_areas:list")).content.decode()
    assert "Energy Security" in page
    assert "Grids" in page
    assert page.index("Energy Security") < page.index("Grids")


def test_an_area_page_shows_only_its_published_work(client, shelf):
    PublicationFactory(title="Draft on grids", areas=[shelf["area"]], draft=True)
    PublicationFactory(title="Memo on ports")
    page = client.get(shelf["area"].get_absolute_url()).content.decode()
    assert "Visible memo on grids" in page
    assert "Draft on grids" not in page
    assert "Memo on ports" not in page


def test_an_expert_with_only_unpublished_work_in_the_area_is_not_listed(client, shelf):
    PublicationFactory(authors=[AuthorFactory(name="Ben Lindqvist")], areas=[shelf["area"]], draft=True)
    assert "Ben Lindqvist" not in client.get(shelf["area"].get_absolute_url()).content.decode()
