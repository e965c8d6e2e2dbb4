"""What the series pages name for the edge cache, so the edits that change them purge them."""

import pytest
from django.urls import reverse

from pagecache import tasks
from tests.factories import AuthorFactory, PublicationFactory, SeriesFactory

pytestmark = pytest.mark.django_db


def keys_of(client, url: str) -> set[str]:
    response = client.get(url)
    assert response.status_code == 200, url
    return set(response["xkey"].split())


@pytest.fixture
def purged(monkeypatch):
    """The keys sent to the edge, one set per purge."""
    sent = []

    class Recorder:
        def purge(self, keys):
            sent.append(set(keys))

    monkeypatch.setattr(tasks, "get_purger", Recorder)
    return sent


def test_the_list_depends_on_every_series_and_publication(client):
    PublicationFactory(series=SeriesFactory(name="Grid Futures"))
    keys = keys_of(client, reverse("series:list"))
    assert {"all-series", "all-publication", "site"} <= keys


def test_a_series_page_is_purged_when_its_lead_expert_or_a_piece_in_it_changes(client, commit, purged):
    with commit():
        lead = AuthorFactory(name="Ada Okafor")
        series = SeriesFactory(name="Grid Futures", lead_expert=lead)
        memo = PublicationFactory(series=series)
    keys = keys_of(client, series.get_absolute_url())
    assert {f"series-{series.pk}", f"author-{lead.pk}", f"publication-{memo.pk}"} <= keys

    purged.clear()
    with commit():
        lead.name = "Ada Okafor-Lindqvist"
        lead.save()
    assert keys & purged[0] == {f"author-{lead.pk}"}

    purged.clear()
    with commit():
        PublicationFactory(series=series)  # a new piece: the series' own key is purged with it
    assert f"series-{series.pk}" in purged[0]
