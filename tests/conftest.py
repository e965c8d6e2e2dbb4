"""Fixtures every test can use. Model factories live in ``tests/factories.py``; staff accounts
and the admin's forms in ``tests/admin_forms.py``."""

from collections.abc import Iterator
from datetime import datetime, timedelta
from functools import partial
from unittest import mock

import pytest
from django.core.cache import cache
from django.utils import timezone

from publications.fulltext import update_search_vectors
from publications.models import Publication
from staff import roles
from tests.admin_forms import staff_user
from tests.factories import AuthorFactory
from tests.tools import SITE


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Keeps uploads (photos, hero images, PDFs) made by tests out of the real media folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


class Clock:
    """A stand-in for ``django.utils.timezone.now`` that only moves when told to."""

    def __init__(self, start: datetime):
        self.current = start

    def now(self) -> datetime:
        return self.current

    def advance(self, delta: timedelta) -> datetime:
        self.current += delta
        return self.current

    def set(self, moment: datetime) -> datetime:
        self.current = moment
        return self.current


@pytest.fixture
def clock() -> Iterator[Clock]:
    """Lets a test move Django's clock (``clock.advance(timedelta(hours=2))``) so scheduled
    publications can go live without sleeping; everything calling ``timezone.now()`` sees it."""
    fake = Clock(timezone.now())
    with mock.patch("django.utils.timezone.now", side_effect=fake.now):
        yield fake


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """``with commit(): ...`` runs what the block's transaction would run on commit, as a real
    one does: search vectors are rebuilt and the content version changes only then, and a
    test's own transaction never commits."""
    return partial(django_capture_on_commit_callbacks, execute=True)


@pytest.fixture
def page_cache(settings):
    """Turns the page cache on, as in production (the test settings keep it off for other
    tests), and starts and leaves it empty: the cache outlives each test's database."""
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


# Staff in each role -----------------------------------------------------------------------


@pytest.fixture
def ada(django_user_model):
    """An Author-role staff member whose account is linked to her expert record."""
    user = staff_user(django_user_model, "ada", roles.AUTHOR)
    AuthorFactory(name="Ada Okafor", user=user)
    return user


@pytest.fixture
def ben(django_user_model):
    """Another Author-role staff member: Ada's colleague, whose work she must not touch."""
    user = staff_user(django_user_model, "ben", roles.AUTHOR)
    AuthorFactory(name="Ben Lindqvist", user=user)
    return user


@pytest.fixture
def eve(django_user_model):
    """An Editor."""
    return staff_user(django_user_model, "eve", roles.EDITOR)


@pytest.fixture
def sam(django_user_model):
    """A Subscriber manager."""
    return staff_user(django_user_model, "sam", roles.SUBSCRIBER_MANAGER)


@pytest.fixture
def login(client):
    """``login(user)`` logs the test client in as ``user`` and returns the client."""

    def log_in(user):
        client.force_login(user)
        return client

    return log_in


# Search, feeds and absolute links ---------------------------------------------------------


@pytest.fixture
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
