"""Varnish in front of the site, for real: ``varnishd`` with the VCL the stack ships
(deploy/varnish/default.vcl), its backend pointed at the test's live server, the page cache and
purges set up as in production.

A second anonymous request is a hit with the same bytes; publishing or editing purges exactly the
pages that show what changed; staff always pass through; and with the site failing, readers
still get the page Varnish holds. Skipped without Varnish (``apt-get install varnish
varnish-modules``), except in CI.
"""

import re
import shutil
import socket
import subprocess
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.error import HTTPError

import pytest
import yaml

from authors.models import Author
from pagecache.purgers import VarnishPurger
from publications import workflow
from publications.models import Publication
from tests.admin_forms import ready
from tests.factories import AuthorFactory, PublicationFactory, ResearchAreaFactory
from tests.tools import ROOT, VARNISH_HINT, VARNISHD, require, varnish_missing

pytestmark = pytest.mark.django_db(transaction=True)

VCL = ROOT / "deploy" / "varnish" / "default.vcl"
# The parameters the stack gives varnishd.
PARAMETERS = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]["varnish"]["command"]
DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Varnish:
    """``varnishd`` in the foreground, in a work directory of its own, in front of one backend."""

    def __init__(self, folder: Path, backend_host: str, backend_port: int):
        require(varnish_missing(), hint=VARNISH_HINT)
        vcl = VCL.read_text()
        vcl, hosts = re.subn(r'\.host = "[^"]*";', f'.host = "{backend_host}";', vcl)
        vcl, ports = re.subn(r'\.port = "[^"]*";', f'.port = "{backend_port}";', vcl)
        assert hosts == ports == 1, "the VCL names one backend by .host and .port"
        (folder / "default.vcl").write_text(vcl)
        self.folder = folder
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        binary = str(VARNISHD) if VARNISHD.exists() else shutil.which("varnishd")
        self.log = folder / "varnishd.log"
        with self.log.open("w") as log:
            # -j none: run as whoever runs the tests, who can read the test's own files.
            self.process = subprocess.Popen(
                [
                    binary,
                    "-F",
                    "-j",
                    "none",
                    "-a",
                    f"127.0.0.1:{self.port}",
                    "-f",
                    str(folder / "default.vcl"),
                ]
                + ["-n", str(folder / "work"), "-s", "malloc,64m", *PARAMETERS],
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"varnishd did not start:\n{self.log.read_text()}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.1)
        self.stop()
        pytest.fail(f"varnishd did not answer within 20 seconds:\n{self.log.read_text()}")

    def get(self, path: str, method: str = "GET", **headers) -> tuple[int, dict, bytes]:
        request = urllib.request.Request(self.url + path, method=method, headers=headers)
        try:
            with DIRECT.open(request, timeout=30) as response:
                return response.status, response.headers, response.read()
        except HTTPError as error:
            with error:
                return error.code, error.headers, error.read()

    def forget_everything(self) -> None:
        subprocess.run(
            ["varnishadm", "-n", str(self.folder / "work"), "ban", "req.url", "~", "."],
            check=True,
            capture_output=True,
        )

    def counter(self, name: str) -> int:
        result = subprocess.run(
            ["varnishstat", "-n", str(self.folder / "work"), "-1", "-f", name],
            check=True,
            capture_output=True,
            text=True,
        )
        return int(result.stdout.split()[1])

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture(scope="module")
def varnish(live_server, tmp_path_factory):
    host, port = live_server.thread.host, live_server.thread.port
    server = Varnish(tmp_path_factory.mktemp("varnish"), "127.0.0.1" if host == "localhost" else host, port)
    yield server
    server.stop()


@pytest.fixture
def edge(varnish, settings, page_cache):
    """Production's settings: pages kept by the page cache and, for a day, by Varnish, which
    every edit purges (the purge task runs at once, after the commit, with immediate tasks)."""
    settings.EDGE_PURGER = "varnish"
    settings.VARNISH_PURGE_URLS = [varnish.url]
    settings.EDGE_CACHE_SECONDS = 86400
    varnish.forget_everything()
    return varnish


def cache_status(response) -> str:
    return response[1]["X-Cache"]


def warm(edge, *paths) -> dict[str, bytes]:
    """Each page fetched twice: stored by the first request, a hit with the same bytes after."""
    bodies = {}
    for path in paths:
        first = edge.get(path)
        assert first[0] == 200, path
        assert cache_status(first) == "MISS", path
        second = edge.get(path)
        assert cache_status(second) == "HIT", path
        assert second[2] == first[2], path
        bodies[path] = second[2]
    return bodies


@pytest.fixture
def site(transactional_db):
    """Two experts in two areas, one publication each, and a draft by the first."""
    ada, ben = AuthorFactory(name="Ada Okafor"), AuthorFactory(name="Ben Lindqvist")
    energy, trade = ResearchAreaFactory(name="Energy"), ResearchAreaFactory(name="Trade")
    PublicationFactory(title="Keeping the Lights On", authors=[ada], areas=[energy])
    PublicationFactory(title="Tariffs Without Tears", authors=[ben], areas=[trade])
    draft = ready(title="The Grid After Coal", authors=[ada], areas=[energy])
    return {"ada": ada, "ben": ben, "energy": energy, "trade": trade, "draft": draft}


def test_a_second_anonymous_request_is_a_hit_with_the_same_bytes(edge, site):
    pages = ["/", "/publications/", site["ada"].get_absolute_url(), site["energy"].get_absolute_url()]
    warm(edge, *pages)

    status, headers, _body = edge.get("/")
    assert "xkey" not in {name.lower() for name in headers}
    assert "Set-Cookie" not in headers
    # A reader's own cookies (a CSRF token from a form page, analytics) do not split the cache.
    assert cache_status(edge.get("/", Cookie="csrftoken=abc123; _ga=GA1.2.3")) == "HIT"
    # Nor do campaign tags on a shared link.
    assert cache_status(edge.get("/?utm_source=newsletter&utm_medium=email")) == "HIT"


def test_publishing_purges_the_pages_that_list_it_and_only_those(edge, site, eve):
    listing = ["/", "/publications/", site["ada"].get_absolute_url(), site["energy"].get_absolute_url()]
    elsewhere = [site["ben"].get_absolute_url(), site["trade"].get_absolute_url()]
    warm(edge, *listing, *elsewhere)

    workflow.publish(site["draft"], by=eve)

    for path in listing:
        status, headers, body = edge.get(path)
        assert status == 200
        assert headers["X-Cache"] == "MISS", path
        assert b"The Grid After Coal" in body, path
    for path in elsewhere:
        status, headers, body = edge.get(path)
        assert headers["X-Cache"] == "HIT", path
        assert b"The Grid After Coal" not in body, path
    page = edge.get(site["draft"].get_absolute_url())
    assert page[0] == 200
    assert b"The Grid After Coal" in page[2]


def test_editing_an_expert_purges_the_pages_showing_them_and_not_the_others(edge, site):
    ada_pages = [site["ada"].get_absolute_url(), site["energy"].get_absolute_url()]
    ada_pages.append(Publication.objects.get(title="Keeping the Lights On").get_absolute_url())
    # Not Ben's publication page: its "Recent & Related" shows Ada's piece, byline and all.
    others = [site["ben"].get_absolute_url(), site["trade"].get_absolute_url()]
    warm(edge, *ada_pages, *others)

    ada = Author.objects.get(pk=site["ada"].pk)
    ada.name = "Ada Okafor-Mensah"
    ada.save()

    for path in ada_pages:
        status, headers, body = edge.get(path)
        assert headers["X-Cache"] == "MISS", path
        assert b"Okafor-Mensah" in body, path
    for path in others:
        assert cache_status(edge.get(path)) == "HIT", path


def test_staff_always_pass_through_and_see_the_page_as_it_is(edge, site, eve, client, settings):
    client.force_login(eve)
    session = f"messages=x; sessionid={client.cookies['sessionid'].value}"
    path = site["ada"].get_absolute_url()
    warm(edge, path)

    # An edit whose purge does not reach the edge: readers keep the stored page for now...
    settings.EDGE_PURGER = "none"
    ada = Author.objects.get(pk=site["ada"].pk)
    ada.role = "Director of Studies"
    ada.save()
    anonymous = edge.get(path)
    assert cache_status(anonymous) == "HIT"
    assert b"Director of Studies" not in anonymous[2]

    # ...staff never get it: every request of theirs goes to the site, and nothing is kept.
    for _ in range(2):
        status, headers, body = edge.get(path, Cookie=session)
        assert status == 200
        assert headers["X-Cache"] == "PASS"
        assert "no-store" in headers["Cache-Control"]
        assert "private" in headers["Cache-Control"]
        assert b"Director of Studies" in body
    assert cache_status(edge.get(path)) == "HIT"


def test_the_admin_and_forms_pass_through(edge, site):
    assert cache_status(edge.get("/admin/login/")) == "PASS"
    assert cache_status(edge.get("/admin/login/")) == "PASS"
    assert cache_status(edge.get("/healthz")) == "PASS"
    status, headers, _body = edge.get("/subscribe/", method="POST", Cookie="csrftoken=abc")
    assert headers["X-Cache"] == "PASS"


def test_only_the_sites_own_processes_may_purge(edge, site):
    warm(edge, "/")
    relayed = urllib.request.Request(
        edge.url + "/", method="PURGE", headers={"xkey-purge": "site", "X-Forwarded-For": "203.0.113.9"}
    )
    with pytest.raises(HTTPError) as refused:
        DIRECT.open(relayed, timeout=10)
    refused.value.close()
    assert refused.value.code == 403
    assert cache_status(edge.get("/")) == "HIT"


# With the site failing -----------------------------------------------------------------------


class FlakySite:
    """A backend whose pages live one second at the edge (and one more while revalidated), and
    which can be made to answer errors, or to stop answering."""

    def __init__(self):
        self.failing = False
        self.served = 0
        self.keys = "page site"
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"  # one request per connection: stopping stops it

            def do_GET(self):
                site.served += 1
                if site.failing:
                    self.answer(503, b"Back soon", {"Cache-Control": "no-store", "Retry-After": "30"})
                    return
                self.answer(
                    200,
                    f"{self.path} rendered #{site.served}".encode(),
                    {
                        "Cache-Control": (
                            "public, max-age=1, s-maxage=1, stale-while-revalidate=1, stale-if-error=60"
                        ),
                        "ETag": f'"{site.served}"',
                        "xkey": site.keys,
                    },
                )

            def answer(self, status, body, headers):
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def flaky(tmp_path):
    site = FlakySite()
    varnish = Varnish(tmp_path, "127.0.0.1", site.port)
    yield site, varnish
    varnish.stop()
    site.stop()


@pytest.mark.django_db(transaction=False)
def test_a_failing_or_dead_site_still_serves_the_pages_varnish_holds(flaky):
    site, varnish = flaky
    first = varnish.get("/page")
    assert (first[0], cache_status(first)) == (200, "MISS")
    time.sleep(2.5)  # past s-maxage and stale-while-revalidate

    site.failing = True
    stale = varnish.get("/page")
    assert (stale[0], cache_status(stale), stale[2]) == (200, "HIT", first[2])
    assert varnish.get("/never-seen")[0] == 503

    site.stop()
    dead = varnish.get("/page")
    assert (dead[0], dead[2]) == (200, first[2])
    unknown = varnish.get("/other")
    assert unknown[0] == 503
    assert b"Back soon" in unknown[2]
    assert unknown[1]["Retry-After"]


@pytest.mark.django_db(transaction=False)
def test_a_stale_page_is_served_at_once_while_varnish_fetches_a_fresh_one(flaky):
    site, varnish = flaky
    first = varnish.get("/page")
    time.sleep(1.3)  # past s-maxage, within stale-while-revalidate

    served = site.served
    stale = varnish.get("/page")
    assert (cache_status(stale), stale[2]) == ("HIT", first[2])
    deadline = time.monotonic() + 2
    while site.served == served and time.monotonic() < deadline:
        time.sleep(0.05)  # the refresh in the background
    time.sleep(0.1)
    fresh = varnish.get("/page")
    assert cache_status(fresh) == "HIT"
    assert fresh[2] != first[2]

    time.sleep(2.5)  # past both: the reader waits for a fresh copy rather than get an old one
    assert cache_status(varnish.get("/page")) == "MISS"


@pytest.mark.django_db(transaction=False)
def test_a_page_showing_a_great_many_things_is_kept_and_purged_by_any_of_them(flaky):
    site, varnish = flaky
    site.keys = " ".join(f"publication-{number}" for number in range(1200))  # about 20 KB

    first = varnish.get("/long")
    assert (first[0], cache_status(first)) == (200, "MISS")
    assert cache_status(varnish.get("/long")) == "HIT"

    VarnishPurger([varnish.url]).purge(["publication-1199"])
    assert cache_status(varnish.get("/long")) == "MISS"


def test_a_page_the_site_confirms_unchanged_keeps_its_keys(edge, site, settings):
    """Past its lifetime Varnish asks the site with the page's ETag; a 304 carries no xkey, and
    the page must still be purged by its keys after that."""
    settings.EDGE_CACHE_SECONDS, settings.EDGE_STALE_WHILE_REVALIDATE = 1, 0
    path = site["ben"].get_absolute_url()
    first = warm(edge, path)[path]
    time.sleep(1.5)

    again = edge.get(path)
    assert (cache_status(again), again[2]) == ("MISS", first)
    assert edge.counter("MAIN.fetch_304") >= 1
    assert cache_status(edge.get(path)) == "HIT"

    ben = Author.objects.get(pk=site["ben"].pk)
    ben.role = "Visiting Fellow"
    ben.save()
    assert b"Visiting Fellow" in edge.get(path)[2]
