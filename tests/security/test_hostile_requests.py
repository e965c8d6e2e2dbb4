"""Hostile requests get a 4xx, never a 5xx: addresses that are not text (NUL, overlong UTF-8,
lone surrogates, stray bytes) on every URL pattern of the site, methods a page does not serve,
and bodies larger than a public form needs.

Run on PostgreSQL too (CI does): it refuses NUL in text, so that is where a NUL reaching a
lookup shows as a server error.
"""

import io
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.test.client import BOUNDARY, encode_multipart
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone
from django.utils.regex_helper import normalize

from publications import sharing
from research_areas.models import ResearchArea
from subscriptions import tokens
from subscriptions.models import Subscriber
from tests.factories import AuthorFactory, PublicationFactory, ResearchAreaFactory, SeriesFactory
from tests.security.conftest import read
from tests.subscriptions.factories import NewsletterFactory, SubscriberFactory
from tests.subscriptions.helpers import link_to, sign_up

pytestmark = pytest.mark.django_db

# Not text: each answers 400 wherever it appears in an address, path or query.
NOT_TEXT = {
    "NUL": "\x00",
    "encoded NUL": "%00",
    "control character": "%01",
    "DEL": "%7F",
    "overlong dot": "%C0%AE",
    "overlong NUL": "%C0%80",
    "lone surrogate": "%ED%A0%80",
    "invalid bytes": "%FF%FE",
}
# Text, so it reaches the views, which must cope: a literal "%00", the admin's own escape for
# NUL in object ids ("_00"), and a replacement character.
ODD_TEXT = {"literal %00": "%2500", "admin-escaped NUL": "_00", "replacement character": "%EF%BF%BD"}
LIST_PARAMS = ["type", "area", "series", "author", "year", "tag", "page"]
SEARCH_PARAMS = ["q", "sort", "type", "area", "series", "author", "year", "page"]
UNKNOWN_PARAM = "utm_campaign"
QUERY_PARAMS = sorted({*LIST_PARAMS, *SEARCH_PARAMS, UNKNOWN_PARAM})


@dataclass(frozen=True)
class Route:
    name: str
    template: str  # the path without its leading slash, "%(slug)s" for each parameter
    params: tuple[str, ...]
    admin: bool

    def fill(self, values: dict | None = None, default: str = "1") -> str:
        values = values or {}
        return "/" + self.template % {name: values.get(name, default) for name in self.params}


def site_routes(resolver=None, prefix: str = "", namespaces: tuple = ()) -> list[Route]:
    """Every URL pattern of the site, namespaced includes and the admin's own included."""
    resolver = resolver or get_resolver()
    found = []
    for entry in resolver.url_patterns:
        regex = prefix + entry.pattern.regex.pattern.removeprefix("^")
        if isinstance(entry, URLResolver):
            found += site_routes(entry, regex, namespaces + ((entry.namespace,) if entry.namespace else ()))
            continue
        template, params = normalize(regex)[0]
        name = ":".join([*namespaces, entry.name or entry.lookup_str])
        found.append(Route(name, template, tuple(params), "admin" in namespaces))
    return found


def hostile_addresses(route: Route, value: str, query: bool = True) -> list[str]:
    """``value`` in each parameter, appended to the path, and in every query parameter."""
    path = route.fill()
    addresses = [path + value, f"{path}{value}/"]
    if route.params:
        addresses.append(route.fill(default=value))
    if query:
        parameters = "&".join(f"{name}={value}" for name in QUERY_PARAMS)
        addresses.append(f"{path}?{parameters}&{value}=1")
    return addresses


def fetch(client, url: str, method: str = "GET", **extra):
    """The response, read to the end; a view's exception fails the test naming the address."""
    try:
        response = client.generic(method, url, **extra)
        read(response)
    except Exception as error:
        raise AssertionError(f"{method} {url!r} raised {error!r}") from error
    assert response.status_code < 500, f"{method} {url!r}: {response.status_code}"
    return response


@pytest.fixture
def site(client, mailoutbox):
    """Some of everything, so addresses lead to real pages; the examples fill each public route."""
    author, area, series = AuthorFactory(), ResearchAreaFactory(), SeriesFactory()
    publication = PublicationFactory(
        authors=[author], areas=[area], series=series, tags=["grid"], pdf="publications/pdf/memo.pdf"
    )
    publication.pdf.storage.save(publication.pdf.name, ContentFile(b"%PDF-1.4 test"))
    draft = PublicationFactory(draft=True, pdf="publications/pdf/draft.pdf")
    draft.pdf.storage.save(draft.pdf.name, ContentFile(b"%PDF-1.4 draft"))
    share = sharing.make_token(draft, timezone.now() + timedelta(days=1))
    NewsletterFactory(slug="weekly")
    reader = SubscriberFactory(confirmed=True)
    sign_up(client, "ada@example.org")
    confirm = link_to(mailoutbox[0], "subscriptions:confirm").rstrip("/").rsplit("/", 1)[1]
    client.cookies.clear()
    examples = {
        "publications:detail": {"slug": publication.slug},
        "publications:cite_bibtex": {"slug": publication.slug},
        "publications:cite_ris": {"slug": publication.slug},
        "publications:shared_preview": {"token": share},
        "publications:shared_file": {"token": share, "name": draft.pdf.name},
        "authors:detail": {"slug": author.slug},
        "research_areas:detail": {"slug": area.slug},
        "series:detail": {"slug": series.slug},
        "series:banner_css": {"colour": "1f2a44"},
        "feeds:author": {"slug": author.slug},
        "feeds:author_atom": {"slug": author.slug},
        "feeds:area": {"slug": area.slug},
        "feeds:area_atom": {"slug": area.slug},
        "feeds:series": {"slug": series.slug},
        "feeds:series_atom": {"slug": series.slug},
        "subscriptions:confirm": {"token": confirm},
        "subscriptions:manage": {"token": tokens.manage_token(reader.token)},
        "subscriptions:unsubscribe": {"token": reader.token},
        "media": {"path": publication.pdf.name},
    }
    return examples


def public_pages(examples: dict) -> list[tuple[Route, str, bool]]:
    """Each public route with an address: a real page where the examples know one."""
    return [
        (route, route.fill(examples.get(route.name), default="x"), route.name in examples or not route.params)
        for route in site_routes()
        if not route.admin
    ]


def test_the_walk_covers_the_whole_site():
    names = {route.name for route in site_routes()}
    assert {"home", "media", "sitemap", "feeds:latest", "publications:shared_file"} <= names
    assert {"subscriptions:unsubscribe", "admin:index", "admin:publications_publication_change"} <= names
    assert any(name.startswith("admin:") and name.endswith("_preview") for name in names)


@pytest.fixture(params=["anonymous", "superuser"])
def visitor(request, site):
    client = Client()
    if request.param == "superuser":
        client.force_login(get_user_model().objects.create_superuser("root", "root@example.org", "pw-1-long"))
    return client


@pytest.mark.parametrize("value", NOT_TEXT.values(), ids=NOT_TEXT.keys())
def test_an_address_that_is_not_text_is_a_bad_request_on_every_route(visitor, value):
    answers = {}
    for route in site_routes():
        for url in hostile_addresses(route, value):
            response = fetch(visitor, url)
            answers[url] = response.status_code, b"Bad request" in response.content
    assert {url: answer for url, answer in answers.items() if answer != (400, True)} == {}


@pytest.mark.parametrize("value", ODD_TEXT.values(), ids=ODD_TEXT.keys())
def test_odd_text_on_every_route_is_never_a_server_error(visitor, value):
    """The admin's add forms take their initial values from the query, and fail on any that is
    not an id (below), so the admin gets odd text in its paths only."""
    for route in site_routes():
        for url in hostile_addresses(route, value, query=not route.admin):
            fetch(visitor, url)


@pytest.mark.parametrize("value", [*NOT_TEXT.values(), *ODD_TEXT.values()], ids=[*NOT_TEXT, *ODD_TEXT])
def test_each_list_and_search_parameter_alone(client, site, value):
    for page, params in (("/publications/", LIST_PARAMS), ("/search/", SEARCH_PARAMS)):
        for name in [*params, UNKNOWN_PARAM]:
            response = fetch(client, f"{page}?{name}={value}")
            if value in NOT_TEXT.values():
                assert response.status_code == 400, (page, name)


@pytest.mark.parametrize(
    "url", ["/media/%00", "/media/publications/pdf/2026/x.pdf%00.png", "/media/%C0%AE", "/search/?q=%C0%AE"]
)
def test_addresses_found_from_outside_get_the_bad_request_page_with_the_security_headers(client, url):
    response = fetch(client, url)
    assert response.status_code == 400
    assert "Bad request" in response.content.decode()
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response["Permissions-Policy"]


def test_whitespace_in_a_query_value_is_text_but_not_in_a_name_or_the_path(client, site):
    assert fetch(client, "/search/?q=grid%09storage%0D%0Anext").status_code == 200
    assert fetch(client, "/search/?q%0A=grid").status_code == 400
    assert fetch(client, "/authors/%0A/").status_code == 400


def test_a_header_with_nul_is_a_bad_request(client, site):
    assert fetch(client, "/", HTTP_USER_AGENT="Mozilla\x00").status_code == 400


def test_a_cookie_that_decodes_to_nul_is_ignored(client, site):
    """``\\000`` in a quoted cookie is NUL once unquoted; as a session id it reached the database."""
    response = fetch(client, "/", HTTP_COOKIE='sessionid="\\000aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"')
    assert response.status_code == 200
    assert "Subscription Options" in response.content.decode()


# Methods --------------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["TRACE", "OPTIONS", "PUT", "DELETE", "PATCH", "PROPFIND"])
def test_methods_a_page_does_not_serve_get_405_on_every_public_route(client, site, method):
    for _route, url, _real in public_pages(site):
        response = fetch(client, url, method)
        assert response.status_code == 405, (method, url)
        allowed = set(response["Allow"].split(", "))
        assert {"GET", "HEAD"} <= allowed, url
        assert method not in allowed, url
        assert response.content == b"", url


def test_pages_that_take_forms_say_so(client, site):
    for route, url, _ in public_pages(site):
        response = fetch(client, url, "TRACE")
        posts = route.name in {
            "subscriptions:subscribe",
            "subscriptions:confirm",
            "subscriptions:manage",
            "subscriptions:unsubscribe",
            "events:register",
            "events:cancel",
        }
        assert response["Allow"] == ("GET, HEAD, POST" if posts else "GET, HEAD"), url


def test_get_and_head_still_answer_on_every_public_route(client, site):
    for _, url, real in public_pages(site):
        got = fetch(client, url)
        head = fetch(client, url, "HEAD")
        assert head.status_code == got.status_code, url
        assert read(head) == b"", url
        if real:
            assert got.status_code == 200, url


def test_a_post_with_a_valid_csrf_token_to_a_page_gets_405(site):
    browser = Client(enforce_csrf_checks=True)
    # The admin's login form sets a CSRF cookie (public pages set none).
    assert browser.get("/admin/login/").status_code == 200
    token = browser.cookies["csrftoken"].value
    for route, url, _ in public_pages(site):
        if route.name.startswith("subscriptions:") and route.name != "subscriptions:thanks":
            continue
        if route.name in {"events:register", "events:cancel"}:  # forms, with their own CSRF tokens
            continue
        response = fetch(
            browser,
            url,
            "POST",
            data=f"csrfmiddlewaretoken={token}".encode(),
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code == 405, url
        assert response.content == b"", url
    # Where the sign-up form posts to, a reader is signed up (no token needed there).
    response = browser.post("/subscribe/", {"email": "new@example.org"})
    assert response.status_code == 302
    assert Subscriber.objects.filter(email="new@example.org").exists()


def test_the_admin_keeps_its_own_methods(admin_client):
    assert admin_client.get("/admin/").status_code == 200
    assert admin_client.post("/admin/logout/").status_code == 200


def test_an_admin_id_that_matches_nothing_is_not_found(admin_client):
    """django-otp's device pages look the device up with ``.get()``."""
    assert fetch(admin_client, "/admin/otp_totp/totpdevice/999999/config/").status_code == 404
    assert fetch(admin_client, "/admin/otp_totp/totpdevice/999999/qrcode/").status_code == 404


def test_every_admin_add_form_prefilled_with_values_that_are_not_ids(admin_client):
    """The admin fills an add form from the query (``add/?series=3``); a value that is not an id
    of the related model opens the empty form, on every model's add page."""
    checked = 0
    for model in apps.get_models():
        if not admin.site.is_registered(model):
            continue
        relations = [f.name for f in model._meta.get_fields() if f.is_relation and f.concrete]
        if not relations:
            continue
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")
        for name in relations:
            for value in ("x", "1,x", "%2500", "99999999999999999999999"):
                response = admin_client.get(f"{url}?{name}={value}")
                assert response.status_code < 500, (url, name, value)
                read(response)
                checked += 1
    assert checked > 40


# Bodies ---------------------------------------------------------------------------------------


class WatchedInput(io.BytesIO):
    """``wsgi.input`` that counts what is read of the body."""

    bytes_read = 0

    def read(self, size=-1):
        chunk = super().read(size)
        self.bytes_read += len(chunk)
        return chunk

    def readline(self, size=-1):
        line = super().readline(size)
        self.bytes_read += len(line)
        return line


def post_watched(client, url: str, body: bytes, content_type: str):
    stream = WatchedInput(body)
    response = client.generic("POST", url, body, content_type=content_type, **{"wsgi.input": stream})
    return response, stream


def test_a_5_mb_multipart_sign_up_is_refused_unread(client, site, mailoutbox):
    mailoutbox.clear()
    body = encode_multipart(
        BOUNDARY,
        {
            "email": "bulk@example.org",
            "source": "/",
            "attachment": SimpleUploadedFile("big.bin", b"x" * (5 * 1024 * 1024)),
        },
    )
    response, stream = post_watched(client, "/subscribe/", body, f"multipart/form-data; boundary={BOUNDARY}")

    assert response.status_code == 413
    assert "Too much to send" in response.content.decode()
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert stream.bytes_read == 0
    assert not Subscriber.objects.filter(email="bulk@example.org").exists()
    assert mailoutbox == []


def test_a_form_body_over_the_public_limit_is_refused_unread(client, site, settings):
    settings.PUBLIC_POST_MAX_BYTES = 1000
    body = b"email=big%40example.org&source=%2F&first_name=" + b"a" * 1000
    response, stream = post_watched(client, "/subscribe/", body, "application/x-www-form-urlencoded")
    assert response.status_code == 413
    assert stream.bytes_read == 0
    assert not Subscriber.objects.filter(email="big@example.org").exists()


def test_public_bodies_may_be_up_to_64_kib(client, site):
    form = b"email=long%40example.org&source=%2F&first_name="
    over, stream = post_watched(
        client, "/subscribe/", form + b"a" * (64 * 1024 - len(form) + 1), "application/x-www-form-urlencoded"
    )
    assert over.status_code == 413
    assert stream.bytes_read == 0
    # At the limit the form itself answers: the name is too long.
    at, stream = post_watched(
        client, "/subscribe/", form + b"a" * (64 * 1024 - len(form)), "application/x-www-form-urlencoded"
    )
    assert at.status_code == 200
    assert stream.bytes_read == 64 * 1024
    assert not Subscriber.objects.filter(email="long@example.org").exists()


def test_a_normal_sign_up_still_works(site, mailoutbox):
    mailoutbox.clear()
    browser = Client(enforce_csrf_checks=True)
    browser.get("/subscribe/")
    response = browser.post("/subscribe/", {"email": "ben@example.org", "source": "/"})
    assert response.status_code == 302
    assert Subscriber.objects.filter(email="ben@example.org").exists()
    assert [message.to for message in mailoutbox] == [["ben@example.org"]]


def test_a_file_sent_with_a_public_form_is_never_written_to_disk(client, site, settings, tmp_path):
    """With uploads spooled to a folder that does not exist, writing the file would fail the
    sign-up; skipping it lets the sign-up through."""
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 0
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path / "no-such-folder")
    body = encode_multipart(
        BOUNDARY,
        {"email": "file@example.org", "source": "/", "attachment": SimpleUploadedFile("a.txt", b"x" * 1000)},
    )
    response = fetch(
        client, "/subscribe/", "POST", data=body, content_type=f"multipart/form-data; boundary={BOUNDARY}"
    )
    assert response.status_code == 302
    assert Subscriber.objects.filter(email="file@example.org").exists()


def test_the_admin_takes_bodies_over_the_public_limit(admin_client):
    description = "A long description." * 5000  # 95 kB
    response = admin_client.post(
        "/admin/research_areas/researcharea/add/",
        {"name": "Energy", "slug": "energy", "description": description},
    )
    assert response.status_code == 302
    assert ResearchArea.objects.get(slug="energy").description == description


def test_the_admin_refuses_form_bodies_over_2_5_mb(admin_client):
    response = fetch(
        admin_client,
        "/admin/research_areas/researcharea/add/",
        "POST",
        data=b"name=Energy&slug=energy&description=" + b"a" * 2_621_440,
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
    assert not ResearchArea.objects.filter(slug="energy").exists()
