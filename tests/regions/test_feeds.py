"""A region's RSS and Atom feeds, read back with a real feed parser: its published work and that
of the regions inside it, nothing else."""

import feedparser
import pytest
from django.urls import reverse

from tests.tools import SITE

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_url")]


def parse(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return response, feed


@pytest.mark.parametrize("name", ["feeds:region", "feeds:region_atom"])
def test_a_region_feed_carries_its_work_and_that_of_the_regions_inside_it(client, places, name):
    response, feed = parse(client, reverse(name, kwargs={"slug": "asia"}))

    assert feed.feed.title == "Red Cell Institute: Asia"
    assert feed.feed.link == f"{SITE}{places['asia'].get_absolute_url()}"
    assert [entry.title for entry in feed.entries] == [
        "Chips from China and Korea",
        "Export controls and China",
        "Shipping lanes of Asia",
    ]
    assert feed.entries[0].link == f"{SITE}{places['on_both'].get_absolute_url()}"


def test_the_rss_feed_uses_the_description_and_the_atom_feed_is_atom(client, places):
    response, rss = parse(client, reverse("feeds:region", kwargs={"slug": "asia"}))
    assert rss.version == "rss20"
    assert rss.feed.description == "The continent, its seas and its trade."
    response, atom = parse(client, reverse("feeds:region_atom", kwargs={"slug": "asia"}))
    assert atom.version == "atom10"
    assert atom.entries[1].author == "Ada Okafor"


def test_a_country_feed_leaves_out_its_broader_region_and_unpublished_work(client, places):
    response, feed = parse(client, reverse("feeds:region", kwargs={"slug": "china"}))
    titles = [entry.title for entry in feed.entries]
    assert titles == ["Chips from China and Korea", "Export controls and China"]


def test_an_unknown_region_has_no_feed(client, places):
    assert client.get(reverse("feeds:region", kwargs={"slug": "atlantis"})).status_code == 404
