"""A series page: what the series is about, and its published work, newest first."""

import pytest

from tests.factories import PublicationFactory, SeriesFactory

pytestmark = pytest.mark.django_db


def test_a_series_page_says_what_it_is_about_and_lists_its_published_work(client):
    series = SeriesFactory(name="Grid Futures", description="Memos on the grid of 2040.")
    PublicationFactory(title="Grid memo one", series=series)
    PublicationFactory(title="Grid memo draft", series=series, draft=True)
    PublicationFactory(title="Unrelated memo")
    page = client.get(series.get_absolute_url()).content.decode()
    assert "Grid Futures" in page
    assert "Memos on the grid of 2040." in page
    assert "Grid memo one" in page
    assert "Grid memo draft" not in page
    assert "Unrelated memo" not in page


def test_each_publication_of_a_series_shows_what_the_series_is_about(client):
    series = SeriesFactory(name="Grid Futures", description="Memos on the grid of 2040.")
    publication = PublicationFactory(series=series)
    page = client.get(publication.get_absolute_url()).content.decode()
    assert "Memos on the grid of 2040." in page
