"""The content version, read again at most every CONTENT_VERSION_RECHECK_SECONDS."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core import content_version
from core.models import ContentVersion
from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(content_version.time, "monotonic", clock)
    monkeypatch.setattr(content_version, "_recent", {})
    return clock


def another_process_changes_the_content():
    ContentVersion.objects.filter(pk=content_version.VERSION_ROW).update(token="from-another-process")


def test_within_the_recheck_interval_a_page_from_the_cache_costs_no_query(
    client, page_cache, settings, clock
):
    settings.CONTENT_VERSION_RECHECK_SECONDS = 1
    publication = PublicationFactory(title="Keeping the Lights On")
    client.get(publication.get_absolute_url())

    with CaptureQueriesContext(connection) as queries:
        response = client.get(publication.get_absolute_url())

    assert b"Keeping the Lights On" in response.content
    assert len(queries) == 0


def test_another_process_s_change_is_seen_once_the_interval_has_passed(settings, clock):
    settings.CONTENT_VERSION_RECHECK_SECONDS = 1
    before = content_version.current()
    another_process_changes_the_content()

    clock.now += 0.5
    assert content_version.current() == before
    clock.now += 0.6
    assert content_version.current() == "from-another-process"


def test_this_process_sees_its_own_change_at_once(settings, clock, commit):
    settings.CONTENT_VERSION_RECHECK_SECONDS = 60
    before = content_version.current()

    with commit():
        PublicationFactory()

    after = content_version.current()
    assert after != before
    assert after == ContentVersion.objects.get(pk=content_version.VERSION_ROW).token


def test_with_no_interval_every_read_asks_the_database(settings, clock):
    settings.CONTENT_VERSION_RECHECK_SECONDS = 0
    content_version.current()
    another_process_changes_the_content()

    assert content_version.current() == "from-another-process"
