"""The home page and the pages of the publication list, kept whole as fragments under the content
version (publications/fragments.py): what they show is never staler than a page rendered afresh.
Committed content, as on a real site: a test's own transaction keeps nothing."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse

from tests.events.factories import EventFactory
from tests.factories import AuthorFactory, PublicationFactory, days_ago

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_the_kept_home_page_shows_a_new_publication_at_once(client):
    PublicationFactory(title="The Earlier Memo", published_at=days_ago(1))
    assert "The Earlier Memo" in page(client, "/")

    PublicationFactory(title="The Newest Memo", published_at=days_ago(0.1))

    assert "The Newest Memo" in page(client, "/")


def test_the_kept_home_page_shows_a_scheduled_publication_at_its_time(client, clock):
    PublicationFactory(title="Out Already", published_at=days_ago(1))
    PublicationFactory(title="Due Soon", published_at=clock.now() + timedelta(minutes=5))
    assert "Due Soon" not in page(client, "/")

    clock.advance(timedelta(minutes=4, seconds=59))
    assert "Due Soon" not in page(client, "/")
    clock.advance(timedelta(seconds=1))
    assert "Due Soon" in page(client, "/")


def test_the_kept_home_page_drops_an_event_once_it_is_over(client, clock):
    EventFactory(title="Grid Panel", starts_at=clock.now() + timedelta(hours=1))
    assert "Grid Panel" in page(client, "/")

    clock.advance(timedelta(hours=1, minutes=59))
    assert "Grid Panel" in page(client, "/")  # under way: still upcoming
    clock.advance(timedelta(minutes=2))
    assert "Grid Panel" not in page(client, "/")


def test_the_kept_home_page_names_what_it_shows(client):
    """The surrogate keys an edge cache purges by are the same from the kept fragment."""
    author = AuthorFactory()
    memo = PublicationFactory(authors=[author])
    rendered = client.get("/")
    kept = client.get("/")

    assert kept["xkey"] == rendered["xkey"]
    # Any publication may join the lists: all of them, and the experts its cards name.
    assert {"all-publication", "all-event", f"author-{author.pk}", f"publicationtype-{memo.type_id}"} <= set(
        kept["xkey"].split()
    )


def test_a_kept_page_of_the_list_shows_an_edit_at_once(client):
    older = [PublicationFactory(published_at=days_ago(30 + n)) for n in range(3)]
    PublicationFactory.create_batch(12, published_at=days_ago(1))
    second = f"{reverse('publications:list')}?page=2"
    assert older[0].title in page(client, second)

    older[0].title = "A Better Title"
    older[0].save()

    assert "A Better Title" in page(client, second)
    assert "A Better Title" not in page(client, reverse("publications:list"))
