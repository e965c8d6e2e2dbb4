"""RSS and Atom feeds, read back with a real feed parser."""

import feedparser
import pytest
from django.urls import reverse

from tests.factories import AuthorFactory, PublicationFactory, ResearchAreaFactory, SeriesFactory, days_ago
from tests.tools import SITE

# Absolute links (feeds, sitemaps, metadata, citations) come from SITE_URL, never the request.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_url")]

HIDDEN_STATES = ["draft", "in_review", "scheduled"]


def parse(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return response, feed


@pytest.fixture
def shelf():
    """One expert, area and series, each with published work, and one publication outside them."""
    ada, ben = AuthorFactory(name="Ada Okafor"), AuthorFactory(name="Ben Haddad")
    area = ResearchAreaFactory(name="Energy & Climate")
    series = SeriesFactory(name="Grid Futures")
    inside = PublicationFactory(
        title="Storage & the grid",
        summary="Why batteries matter < more than you think.",
        authors=[ben, ada],
        areas=[area],
        series=series,
        tags=["batteries", "grid"],
        published_at=days_ago(2),
    )
    outside = PublicationFactory(title="Port security", authors=[ben], published_at=days_ago(1))
    return {"ada": ada, "area": area, "series": series, "inside": inside, "outside": outside}


FEEDS = ["feeds:latest", "feeds:latest_atom"]


@pytest.mark.parametrize("name", FEEDS)
def test_latest_feed_parses_and_carries_the_latest_publications(client, shelf, name):
    response, feed = parse(client, reverse(name))

    assert [entry.title for entry in feed.entries] == ["Port security", "Storage & the grid"]
    entry = feed.entries[1]
    assert entry.link == f"{SITE}{shelf['inside'].get_absolute_url()}"
    assert entry.summary == "Why batteries matter < more than you think."
    assert [author.name for author in entry.authors] == ["Ben Haddad", "Ada Okafor"]
    categories = {tag.term for tag in entry.tags}
    assert {"Energy & Climate", "batteries", "grid", shelf["inside"].type.name} <= categories
    assert entry.published_parsed is not None or entry.updated_parsed is not None
    assert feed.feed.link.rstrip("/") == SITE


def test_rss_and_atom_are_what_they_say(client, shelf):
    _, rss = parse(client, reverse("feeds:latest"))
    _, atom = parse(client, reverse("feeds:latest_atom"))

    assert rss.version == "rss20"
    assert atom.version == "atom10"
    assert client.get(reverse("feeds:latest"))["Content-Type"].startswith("application/rss+xml")
    assert client.get(reverse("feeds:latest_atom"))["Content-Type"].startswith("application/atom+xml")


@pytest.mark.parametrize("atom", [False, True])
def test_expert_area_and_series_feeds_carry_only_their_work(client, shelf, atom):
    suffix = "_atom" if atom else ""
    for name, obj in [("author", shelf["ada"]), ("area", shelf["area"]), ("series", shelf["series"])]:
        url = reverse(f"feeds:{name}{suffix}", kwargs={"slug": obj.slug})
        _, feed = parse(client, url)
        assert [entry.title for entry in feed.entries] == ["Storage & the grid"], url
        assert obj.name in feed.feed.title


def test_feeds_live_below_the_pages_they_follow(shelf):
    assert reverse("feeds:latest") == "/feed/"
    assert (
        reverse("feeds:author", kwargs={"slug": shelf["ada"].slug})
        == f"{shelf['ada'].get_absolute_url()}feed/"
    )
    assert (
        reverse("feeds:area", kwargs={"slug": shelf["area"].slug})
        == f"{shelf['area'].get_absolute_url()}feed/"
    )
    assert (
        reverse("feeds:series", kwargs={"slug": shelf["series"].slug})
        == f"{shelf['series'].get_absolute_url()}feed/"
    )


@pytest.mark.parametrize("name", ["feeds:author", "feeds:area", "feeds:series"])
def test_unknown_slug_is_not_found(client, name):
    assert client.get(reverse(name, kwargs={"slug": "nobody"})).status_code == 404


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_unpublished_work_is_in_no_feed(client, shelf, state):
    PublicationFactory(
        title="Secret memo",
        authors=[shelf["ada"]],
        areas=[shelf["area"]],
        series=shelf["series"],
        **{state: True},
    )
    urls = [reverse("feeds:latest"), reverse("feeds:latest_atom")] + [
        reverse(f"feeds:{name}", kwargs={"slug": shelf[key].slug})
        for name, key in [("author", "ada"), ("area", "area"), ("series", "series")]
    ]
    for url in urls:
        _, feed = parse(client, url)
        assert "Secret memo" not in [entry.title for entry in feed.entries], url


def test_feed_is_limited_to_the_latest_twenty(client):
    for number in range(25):
        PublicationFactory(title=f"Paper {number}", published_at=days_ago(number + 1))

    _, feed = parse(client, reverse("feeds:latest"))

    assert len(feed.entries) == 20
    assert feed.entries[0].title == "Paper 0"
