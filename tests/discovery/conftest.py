"""Fixtures for search, feeds, sitemap, metadata and citation tests."""

import pytest
from django.db import connection

from publications.models import Publication
from publications.search import update_search_vectors

SITE = "https://think.example.org"

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Stemming, phrases and the stored search vector are Postgres full-text search; "
    "this run uses SQLite (CI runs the suite on both).",
)


@pytest.fixture(autouse=True)
def site_url(settings):
    """A public address unlike the test client's host, so tests see that feeds, sitemaps and
    metadata take their absolute links from SITE_URL and not from the request."""
    settings.SITE_URL = SITE
    return SITE


@pytest.fixture
def reindex():
    """Rebuilds every search vector. The factories attach authors with ``bulk_create``, which
    sends no signals (unlike the admin and the ORM's save), so tests that search by an author's
    name call this after building their publications."""

    def run():
        update_search_vectors(Publication.objects.all())

    return run
