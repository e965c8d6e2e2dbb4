import pytest
from django.core.cache import cache

from .factories import NewsletterFactory


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Rate-limit counters live in the cache, which outlives a test; each test starts at zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def weekly(db):
    """An active newsletter that follows everything: the form shows no box when it is the only one."""
    return NewsletterFactory(name="Weekly Update", slug="weekly")


@pytest.fixture
def energy_news(db):
    return NewsletterFactory(name="Energy Brief", slug="energy-brief")
