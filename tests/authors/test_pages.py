"""The experts: a list of everyone, and one page per expert with their published work."""

import pytest
from django.urls import reverse

from tests.factories import AuthorFactory, PublicationFactory, days_ago

pytestmark = pytest.mark.django_db


def test_the_list_shows_every_expert_with_their_role(client):
    AuthorFactory(name="Ada Okafor", role="Senior Fellow")
    AuthorFactory(name="Ben Lindqvist", role="Director, Energy Program")
    page = client.get(reverse("authors:list")).content.decode()
    for text in ["Ada Okafor", "Senior Fellow", "Ben Lindqvist", "Director, Energy Program"]:
        assert text in page


def test_an_expert_page_lists_their_published_work_newest_first(client):
    ada = AuthorFactory(name="Ada Okafor", bio="Ada writes on grids and storage.")
    PublicationFactory(title="Older memo", authors=[ada], published_at=days_ago(400))
    PublicationFactory(title="Newer memo", authors=[ada], published_at=days_ago(3))
    PublicationFactory(title="Draft memo", authors=[ada], draft=True)
    PublicationFactory(title="Someone else's memo")
    page = client.get(ada.get_absolute_url()).content.decode()
    assert "Ada writes on grids and storage." in page
    assert page.index("Newer memo") < page.index("Older memo")
    assert "Draft memo" not in page
    assert "Someone else" not in page


def test_an_expert_page_is_paginated(client):
    ada = AuthorFactory()
    for n in range(13):
        PublicationFactory(title=f"Item {n:02d}", authors=[ada])
    assert client.get(ada.get_absolute_url()).status_code == 200
    second = client.get(ada.get_absolute_url() + "?page=2")
    assert second.status_code == 200
    assert client.get(ada.get_absolute_url() + "?page=3").status_code == 404
