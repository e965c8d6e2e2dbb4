"""Fixtures for the page cache, HTTP caching and query budget tests."""

import pytest
from django.core.cache import cache


@pytest.fixture
def page_cache(settings):
    """Turns the page cache on, as in production (the test settings keep it off for other
    tests), and starts and leaves it empty: the cache outlives each test's database."""
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()
