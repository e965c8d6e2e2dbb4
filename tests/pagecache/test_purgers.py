"""Edge purges without an edge: the header each purger gives pages, the requests it sends (a
real HTTP server stands in for Varnish, urllib is mocked for Cloudflare's API), and the task
that retries a purge that failed."""

import json
import logging
import os
import subprocess
import sys
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from unittest import mock
from urllib.error import HTTPError, URLError

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from django_tasks import default_task_backend
from django_tasks.base import TaskResultStatus

from pagecache import purgers
from pagecache.purgers import (
    CLOUDFLARE_TAGS_PER_CALL,
    CloudflarePurger,
    PurgeError,
    Purger,
    Purgers,
    VarnishPurger,
    get_purger,
)
from pagecache.tasks import RETRY_DELAYS, purge_keys

KEYS = ["all-publication", "author-3", "publication-12", "site"]


# Headers -------------------------------------------------------------------------------------


def test_without_an_edge_pages_still_carry_xkey(settings):
    """Harmless anywhere, and Varnish in front works (expiring pages) before purges are set up."""
    settings.EDGE_PURGER = "none"
    assert get_purger().header(["site", "author-3", "author-3"]) == {"xkey": "author-3 site"}


def test_varnish_reads_xkey_and_cloudflare_cache_tag():
    assert VarnishPurger(["http://varnish"]).header(KEYS) == {"xkey": " ".join(KEYS)}
    assert CloudflarePurger("zone", "token").header(KEYS) == {"Cache-Tag": ",".join(KEYS)}


def test_a_cdn_in_front_of_varnish_gets_both_headers(settings):
    settings.EDGE_PURGER = "varnish, cloudflare"
    settings.VARNISH_PURGE_URLS = ["http://varnish"]
    settings.CLOUDFLARE_ZONE_ID, settings.CLOUDFLARE_API_TOKEN = "zone", "token"

    purger = get_purger()

    assert isinstance(purger, Purgers)
    assert purger.header(KEYS) == {"xkey": " ".join(KEYS), "Cache-Tag": ",".join(KEYS)}


def test_no_keys_no_header():
    assert Purger().header([]) == {}
    assert CloudflarePurger("zone", "token").header([]) == {}


@pytest.mark.parametrize("key", ["Publication-1", "a b", "a,b", "x\r\nSet-Cookie: y", ""])
def test_anything_but_a_key_is_refused_rather_than_written_into_a_header(key):
    with pytest.raises(ValueError, match="Not surrogate keys"):
        Purger().header(["site", key])


# Settings ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("edge", "setting"),
    [
        ("varnish", {"VARNISH_PURGE_URLS": []}),
        ("cloudflare", {"CLOUDFLARE_ZONE_ID": "zone", "CLOUDFLARE_API_TOKEN": ""}),
        ("fastly", {}),
    ],
)
def test_an_edge_without_its_settings_is_a_clear_error(settings, edge, setting):
    settings.EDGE_PURGER = edge
    for name, value in setting.items():
        setattr(settings, name, value)
    with pytest.raises(ImproperlyConfigured, match="EDGE_PURGER"):
        get_purger().header(KEYS)


def test_a_misconfigured_edge_stops_the_site_at_start_up_not_at_the_first_page():
    env = {"EDGE_PURGER": "varnish", "VARNISH_PURGE_URLS": "", "DJANGO_SETTINGS_MODULE": "redcell.settings"}
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "set VARNISH_PURGE_URLS" in result.stderr


# Varnish -------------------------------------------------------------------------------------


class FakeVarnish:
    """An HTTP server that records PURGE requests and answers as the VCL does."""

    def __init__(self, status=200):
        self.purged: list[str] = []
        self.status = status
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_PURGE(self):
                fake.purged.append((self.path, self.headers.get("xkey-purge")))
                self.send_response(fake.status, "Invalidated 2 objects" if fake.status == 200 else None)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def keys(self) -> list[str]:
        return [key for _path, header in self.purged for key in header.split(" ")]

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def varnishes():
    servers = [FakeVarnish(), FakeVarnish()]
    yield servers
    for server in servers:
        server.close()


def test_every_varnish_gets_a_purge_of_the_keys(varnishes):
    VarnishPurger([server.url for server in varnishes]).purge(["site", "author-3", "author-3"])

    for server in varnishes:
        assert server.purged == [("/", "author-3 site")]


def test_many_keys_go_in_several_requests_of_a_safe_header_size(varnishes):
    keys = [f"publication-{number}" for number in range(1000)]

    VarnishPurger([varnishes[0].url]).purge(keys)

    assert len(varnishes[0].purged) > 1
    assert all(len(header) <= purgers.VARNISH_HEADER_BYTES for _path, header in varnishes[0].purged)
    assert sorted(varnishes[0].keys()) == sorted(keys)


def test_a_varnish_that_refuses_fails_the_purge_and_the_others_are_purged_anyway(varnishes):
    varnishes[0].status = 403
    down = "http://127.0.0.1:9"  # discard port: nothing listens

    with pytest.raises(PurgeError) as failure:
        VarnishPurger([varnishes[0].url, down, varnishes[1].url]).purge(KEYS)

    assert "403" in str(failure.value)
    assert down in str(failure.value)
    assert varnishes[1].purged == [("/", " ".join(KEYS))]


def test_purges_go_straight_to_varnish_not_through_a_proxy(varnishes, monkeypatch):
    monkeypatch.setenv("http_proxy", "http://127.0.0.1:9")
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")

    VarnishPurger([varnishes[0].url]).purge(KEYS)

    assert varnishes[0].purged


# Cloudflare ----------------------------------------------------------------------------------


def cloudflare_answer(success=True):
    answer = mock.MagicMock()
    answer.__enter__.return_value = answer
    answer.read.return_value = json.dumps({"success": success, "errors": [] if success else [{"code": 1}]})
    return answer


@pytest.fixture
def cloudflare_api():
    with mock.patch("pagecache.purgers.urllib.request.urlopen", return_value=cloudflare_answer()) as urlopen:
        yield urlopen


def test_cloudflare_purges_tags_in_batches_of_the_apis_limit(cloudflare_api):
    keys = [f"publication-{number:03}" for number in range(250)]

    CloudflarePurger("zone-1", "secret-token").purge(keys)

    requests = [call.args[0] for call in cloudflare_api.call_args_list]
    assert [len(json.loads(request.data)["tags"]) for request in requests] == [100, 100, 50]
    assert CLOUDFLARE_TAGS_PER_CALL == 100
    assert sorted(tag for request in requests for tag in json.loads(request.data)["tags"]) == keys
    first = requests[0]
    assert first.full_url == "https://api.cloudflare.com/client/v4/zones/zone-1/purge_cache"
    assert first.get_method() == "POST"
    assert first.get_header("Authorization") == "Bearer secret-token"
    assert first.get_header("Content-type") == "application/json"
    assert all(call.kwargs["timeout"] == purgers.TIMEOUT for call in cloudflare_api.call_args_list)


def test_cloudflare_saying_no_is_a_failed_purge(cloudflare_api):
    cloudflare_api.return_value = cloudflare_answer(success=False)
    with pytest.raises(PurgeError, match="refused"):
        CloudflarePurger("zone", "token").purge(KEYS)


@pytest.mark.parametrize(
    "error",
    [
        HTTPError("https://api.cloudflare.com", 429, "Too Many Requests", {}, None),
        URLError("unreachable"),
        TimeoutError("timed out"),
    ],
)
def test_cloudflare_unreachable_or_rate_limited_is_a_failed_purge(cloudflare_api, error):
    cloudflare_api.side_effect = error
    with pytest.raises(PurgeError):
        CloudflarePurger("zone", "token").purge(KEYS)


# The task ------------------------------------------------------------------------------------


class FlakyPurger(Purger):
    """Fails its first ``failures`` purges, as an edge that is down for a while."""

    def __init__(self, failures=1):
        self.failures = failures
        self.purged: list[list[str]] = []

    def purge(self, keys):
        if self.failures:
            self.failures -= 1
            raise PurgeError("Varnish did not purge: http://varnish/: connection refused")
        self.purged.append(list(keys))


@pytest.fixture
def flaky(monkeypatch):
    purger = FlakyPurger()
    monkeypatch.setattr("pagecache.tasks.get_purger", lambda: purger)
    return purger


@pytest.fixture
def queue(settings):
    """A queue that holds tasks, and can hold them for later, as the database queue does."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    default_task_backend.clear()
    yield default_task_backend
    default_task_backend.clear()


def run(result):
    return result.task.call(*result.args, **result.kwargs)


def test_a_failed_purge_is_queued_again_later_and_then_gets_through(flaky, queue, caplog):
    first = purge_keys.enqueue(KEYS)

    with pytest.raises(PurgeError):
        run(first)

    retry = queue.results[-1]
    assert retry is not first
    assert retry.args == [KEYS, 2]
    assert abs(retry.task.run_after - (timezone.now() + RETRY_DELAYS[0])) < timedelta(seconds=5)
    assert "retrying in" in caplog.text
    assert flaky.purged == []

    assert run(retry) == len(KEYS)
    assert flaky.purged == [KEYS]


def test_each_retry_waits_longer_and_the_last_is_logged_as_an_error(flaky, queue, caplog):
    flaky.failures = len(RETRY_DELAYS) + 1
    result = purge_keys.enqueue(KEYS)
    delays = []
    for _attempt in range(len(RETRY_DELAYS)):
        with pytest.raises(PurgeError):
            run(result)
        result = queue.results[-1]
        delays.append(result.task.run_after - timezone.now())
    assert delays == sorted(delays)

    queued = len(queue.results)
    with caplog.at_level(logging.ERROR, logger="pagecache.tasks"), pytest.raises(PurgeError):
        run(result)

    assert len(queue.results) == queued
    assert "not retrying" in caplog.records[-1].getMessage()


def test_a_failed_purge_never_reaches_the_code_that_queued_it(flaky):
    """With the immediate queue (tests, development) the purge runs inside the request that
    saved: its failure is the task's, logged, never the save's."""
    result = purge_keys.enqueue(KEYS)

    assert result.status == TaskResultStatus.FAILED
    assert flaky.purged == []


def test_a_purge_of_nothing_does_nothing(monkeypatch):
    purger = mock.Mock()
    monkeypatch.setattr("pagecache.tasks.get_purger", lambda: purger)

    assert purge_keys.call([]) == 0

    purger.purge.assert_not_called()


def test_the_task_purges_through_the_configured_edge(settings, varnishes):
    settings.EDGE_PURGER = "varnish"
    settings.VARNISH_PURGE_URLS = [server.url for server in varnishes]

    purge_keys.enqueue(KEYS)

    assert [server.purged for server in varnishes] == [[("/", " ".join(KEYS))]] * 2
