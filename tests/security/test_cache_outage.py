"""When Redis goes away the site slows down, never fails: pages, sign-ups and the sign-up limits
carry on in each process's own memory, the log says so once, and /healthz tells monitoring
(tests/security/test_faults.py does the same for the database and the mail server).

The suite runs on production's cache configuration (``core.caches.cache_settings``) with
the page cache on, once with Redis gone and once with Redis up."""

import os
import socket
from datetime import timedelta
from unittest import mock

import pytest
import redis
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core import cache_backend
from core.caches import cache_settings
from publications.models import Publication
from subscriptions.models import Subscriber
from tests.factories import AuthorFactory, PublicationFactory, ResearchAreaFactory, SeriesFactory
from tests.security.conftest import read
from tests.security.test_faults import database_down
from tests.subscriptions.factories import NewsletterFactory
from tests.subscriptions.helpers import sign_up

pytestmark = pytest.mark.django_db

NOWHERE = "redis://127.0.0.1:1/0"  # nothing listens on port 1
SCRATCH_REDIS = "redis://127.0.0.1:6379/15"


def redis_at(url: str) -> redis.Redis:
    """A client of our own at ``url``; fails the test in CI when Redis does not answer (CI has
    one), skips it elsewhere."""
    client = redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1)
    try:
        client.ping()
    except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError) as error:
        client.close()
        message = f"no Redis answers at {url} ({error})"
        if os.environ.get("CI"):
            pytest.fail(f"{message}; CI runs Redis at 127.0.0.1:6379")
        pytest.skip(message)
    return client


@pytest.fixture(params=["redis down", "redis up"])
def redis_state(request, settings):
    """Production's cache settings pointed at nothing, or at a scratch Redis database that
    starts and ends empty; the page cache on. Returns "down" or "up"."""
    state = request.param.removeprefix("redis ")
    url = NOWHERE if state == "down" else SCRATCH_REDIS
    scratch = redis_at(url) if state == "up" else None
    if scratch:
        scratch.flushdb()
    settings.CACHES = cache_settings(url)
    settings.PAGE_CACHE_SECONDS = 600
    yield state
    if scratch:
        scratch.flushdb()
        scratch.close()


@pytest.fixture
def site():
    author = AuthorFactory(name="Ada Okafor")
    area = ResearchAreaFactory(name="Energy Security")
    series = SeriesFactory(name="Grid Notes")
    publication = PublicationFactory(
        title="Keeping the Lights On", authors=[author], areas=[area], series=series, tags=["grid"]
    )
    NewsletterFactory(name="Weekly Update")
    return {"author": author, "area": area, "series": series, "publication": publication}


def public_pages(site) -> list[str]:
    return [
        "/",
        "/publications/",
        site["publication"].get_absolute_url(),
        "/authors/",
        site["author"].get_absolute_url(),
        "/research-areas/",
        site["area"].get_absolute_url(),
        site["series"].get_absolute_url(),
        "/search/?q=lights",
        "/feed/",
        "/sitemap.xml",
        "/robots.txt",
        "/subscribe/",
    ]


def healthz(client) -> tuple[int, dict]:
    response = client.get("/healthz")
    return response.status_code, response.json()


# Readers and subscribers -------------------------------------------------------------------


def test_every_public_page_answers(client, redis_state, site):
    for path in public_pages(site):
        for visit in ("first", "second"):
            response = client.get(path)
            assert response.status_code == 200, f"{path} ({visit} visit, Redis {redis_state})"
            body = read(response).decode()
            assert "Traceback" not in body, path
        if path == site["publication"].get_absolute_url():
            assert "Keeping the Lights On" in body


def test_pages_are_still_kept_in_the_cache(client, redis_state, site):
    """Down: each process keeps its own copy, as on a site without Redis."""
    page = site["publication"].get_absolute_url()
    assert client.get(page).status_code == 200
    # update() sends no signal: a page served from the cache still shows the old title.
    Publication.objects.filter(pk=site["publication"].pk).update(title="Changed Behind the Cache")
    with CaptureQueriesContext(connection) as queries:
        again = client.get(page)
    assert again.status_code == 200
    assert "Keeping the Lights On" in again.content.decode()
    assert len(queries) == 1, "only the content version is read"


def test_a_sign_up_is_stored_and_its_confirmation_mailed(client, redis_state, site, mailoutbox):
    response = sign_up(client, "ada@example.org")

    assert response.status_code == 302
    assert Subscriber.objects.filter(email="ada@example.org").exists()
    [message] = mailoutbox
    assert message.to == ["ada@example.org"]


def test_the_limit_per_e_mail_address_still_holds(client, redis_state, site, settings, mailoutbox):
    settings.SUBSCRIBE_RATE_LIMIT_PER_ADDRESS = (2, 3600)
    statuses = [
        sign_up(client, "victim@example.org", REMOTE_ADDR=f"192.0.2.{n}").status_code for n in range(3)
    ]

    assert statuses == [302, 302, 429]
    assert len(mailoutbox) == 2


def test_the_limit_per_visitor_still_holds(client, redis_state, site, settings):
    settings.SUBSCRIBE_RATE_LIMIT_PER_IP = (3, 3600)
    statuses = [
        sign_up(client, f"reader{n}@example.org", REMOTE_ADDR="192.0.2.1").status_code for n in range(5)
    ]

    assert statuses == [302, 302, 302, 429, 429]
    assert not Subscriber.objects.filter(email="reader3@example.org").exists()
    assert sign_up(client, "someone@example.org", REMOTE_ADDR="192.0.2.2").status_code == 302


# Operators ---------------------------------------------------------------------------------


def test_an_outage_is_logged_once_not_for_every_request(client, redis_state, site, security_log):
    for path in public_pages(site):
        read(client.get(path))
    sign_up(client, "ada@example.org")

    expected = 1 if redis_state == "down" else 0
    assert len(security_log.events("cache_unavailable")) == expected, security_log.text
    assert "Traceback" not in security_log.text


def test_healthz_says_whether_the_cache_answers(client, redis_state):
    status, report = healthz(client)

    assert status == 200, "readers are still served: keep the instance in the load balancer"
    if redis_state == "down":
        assert report["status"] == "degraded"
        assert report["cache"] == {"status": "down"}
    else:
        assert report["status"] == "ok"
        assert report["cache"] == {"status": "ok"}
    assert report["database"]["status"] == "ok"


def test_healthz_says_503_only_when_the_database_is_down(client, redis_state):
    with database_down():
        status, report = healthz(client)

    assert status == 503, "take this instance out of the load balancer"
    assert report["status"] == "down"
    assert report["database"]["status"] == "down"
    assert report["cache"] == {"status": "down" if redis_state == "down" else "ok"}


def test_healthz_without_redis_configured_reports_local_memory(client, settings):
    settings.CACHES = cache_settings(None)
    status, report = healthz(client)

    assert status == 200
    assert report["status"] == "ok"
    assert report["cache"] == {"status": "local"}
    assert report["tasks"]["status"] == "immediate"


def test_healthz_reports_a_lagging_e_mail_queue_but_keeps_the_instance_in(client, settings, clock):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    NewsletterFactory()
    assert sign_up(client, "ada@example.org").status_code == 302  # its confirmation is queued

    status, report = healthz(client)
    assert status == 200
    assert report["status"] == "ok"
    assert report["tasks"] == {
        "status": "ok",
        "backend": "django_tasks_db.backend.DatabaseBackend",
        "ready": 1,
        "lag_seconds": 0,
    }

    clock.advance(timedelta(minutes=10))  # and no worker has taken it
    status, report = healthz(client)
    assert status == 200
    assert report["status"] == "degraded"
    assert report["tasks"]["status"] == "lagging"
    assert report["tasks"]["ready"] == 1
    assert report["tasks"]["lag_seconds"] == 600


# The backend itself ------------------------------------------------------------------------


class Monotonic:
    """A stand-in for the backend's ``time.monotonic`` that moves only when told to."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def monotonic():
    fake = Monotonic()
    with mock.patch("core.cache_backend.monotonic", fake):
        yield fake


@pytest.fixture
def silent_server():
    """A Redis address that accepts connections and never answers: a host gone quiet."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield f"redis://127.0.0.1:{listener.getsockname()[1]}/0"


def connection_attempts(refused: bool = False):
    """Counts the connections the Redis client opens or tries to; ``refused``: all of them fail,
    as when Redis is gone."""
    outcome = redis.exceptions.ConnectionError("Connection refused") if refused else None
    return mock.patch.object(
        redis.connection.Connection,
        "connect",
        autospec=True,
        side_effect=outcome or redis.connection.Connection.connect,
    )


@pytest.mark.parametrize("gone", ["refused", "silent"])
def test_after_a_failure_redis_is_left_alone_for_the_retry_interval(
    gone, settings, monotonic, security_log, request
):
    url = NOWHERE if gone == "refused" else request.getfixturevalue("silent_server")
    settings.CACHES = cache_settings(url)
    retry = cache.retry_seconds

    with connection_attempts() as attempts:
        cache.set("memo", "kept")
        assert attempts.call_count == 1
        assert cache.get("memo") == "kept"
        assert cache.add("count", 1)
        assert cache.incr("count") == 2
        assert cache.decr("count") == 1
        assert cache.get_or_set("other", "made") == "made"
        assert cache.get_many(["memo", "other"]) == {"memo": "kept", "other": "made"}
        assert cache.has_key("memo")
        assert cache.touch("memo", 60)
        cache.set_many({"a": 1, "b": 2})
        cache.delete_many(["a", "b"])
        assert cache.delete("other")
        assert attempts.call_count == 1, "nothing asked Redis within the retry interval"

        monotonic.now += retry + 0.1
        assert cache.get("memo") == "kept"
        assert attempts.call_count == 2, "asked again once the interval passed"
    assert len(security_log.events("cache_unavailable")) == 1

    monotonic.now += cache_backend.LOG_INTERVAL_SECONDS
    cache.get("memo")
    assert len(security_log.events("cache_unavailable")) == 2, "the outage is still news every minute"


def test_once_redis_answers_again_the_cache_uses_it(settings, monotonic, security_log):
    scratch = redis_at(SCRATCH_REDIS)
    scratch.flushdb()
    settings.CACHES = cache_settings(SCRATCH_REDIS)
    try:
        with connection_attempts(refused=True):
            cache.set("memo", "kept while Redis was away")
        assert security_log.events("cache_unavailable")

        with connection_attempts() as attempts:  # Redis is back
            assert cache.get("memo") == "kept while Redis was away"
            assert attempts.call_count == 0, "still within the retry interval"

            monotonic.now += cache.retry_seconds + 0.1
            assert cache.get("memo") is None, "Redis never held it"
            assert attempts.call_count == 1
            cache.set("memo", "shared")
        assert scratch.exists(cache.make_key("memo"))
        assert cache.get("memo") == "shared"
        assert security_log.events("cache_available")
        assert cache.ping()
    finally:
        scratch.flushdb()
        scratch.close()
