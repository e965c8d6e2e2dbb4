import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Registrations count against the sign-up limits, kept in the cache, which outlives a test."""
    cache.clear()
    yield
    cache.clear()
