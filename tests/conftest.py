"""Fixtures every test can use. Model factories live in ``tests/factories.py``."""

from collections.abc import Iterator
from datetime import datetime, timedelta
from functools import partial
from unittest import mock

import pytest
from django.utils import timezone


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
