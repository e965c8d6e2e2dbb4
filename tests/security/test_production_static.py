"""Every public URL renders as in production: DEBUG off and static files collected with hashed
names (whitenoise's manifest storage), so a template naming a static file that is not in the
manifest, or any other production-only failure, shows up here rather than as a 500 on the site."""

import pytest
from django.core.management import call_command
from django.template import Context, Template
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from events import tokens as event_tokens
from subscriptions import tokens
from tests.events.factories import EventFactory, RegistrationFactory
from tests.factories import (
    AuthorFactory,
    PageFactory,
    PublicationFactory,
    RegionFactory,
    ResearchAreaFactory,
    SeriesFactory,
)
from tests.security.conftest import read
from tests.subscriptions.factories import NewsletterFactory, SubscriberFactory

MANIFEST_STORAGE = {"BACKEND": "core.static.ForgivingManifestStaticFilesStorage"}
# Compressing every file is what makes collectstatic slow; hashing is what is under test.
NO_COMPRESSION = [
    "css",
    "js",
    "mjs",
    "map",
    "svg",
    "json",
    "txt",
    "html",
    "xml",
    "md",
    "woff",
    "woff2",
    "ttf",
    "eot",
    "otf",
    "ico",
    "png",
    "gif",
    "jpg",
    "webp",
    "LICENSE",
]


@pytest.fixture(scope="module")
def collected(tmp_path_factory, django_db_blocker):
    root = tmp_path_factory.mktemp("static")
    with override_settings(
        STATIC_ROOT=root,
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": MANIFEST_STORAGE,
        },
        WHITENOISE_SKIP_COMPRESS_EXTENSIONS=NO_COMPRESSION,
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
    return root


@pytest.fixture
def production(settings, collected):
    settings.DEBUG = False
    settings.STATIC_ROOT = collected
    settings.STORAGES = {**settings.STORAGES, "staticfiles": MANIFEST_STORAGE}
    settings.WHITENOISE_USE_FINDERS = False
    settings.WHITENOISE_AUTOREFRESH = False
    return settings


def named_routes(resolver=None, namespace="") -> set[str]:
    names = set()
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= named_routes(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}{pattern.name}")
    return names


@pytest.fixture
def every_url(db):
    author, area, series = AuthorFactory(), ResearchAreaFactory(), SeriesFactory()
    region = RegionFactory(parent=RegionFactory())
    publication = PublicationFactory(
        authors=[author], areas=[area], regions=[region], series=series, tags=["grid"]
    )
    NewsletterFactory()
    subscriber = SubscriberFactory(confirmed=True)
    slug = {"slug": publication.slug}
    urls = {
        "home": reverse("home"),
        "healthz": reverse("healthz"),
        "robots": reverse("robots"),
        "sitemap": reverse("sitemap"),
        "search": reverse("search") + "?q=grid",
        "publications:list": reverse("publications:list"),
        "publications:detail": reverse("publications:detail", kwargs=slug),
        "publications:cite_bibtex": reverse("publications:cite_bibtex", kwargs=slug),
        "publications:cite_ris": reverse("publications:cite_ris", kwargs=slug),
        "publications:pdf": reverse("publications:pdf", kwargs=slug),
        "page": PageFactory(title="About").get_absolute_url(),
        "publications:shared_preview": reverse(
            "publications:shared_preview", kwargs={"token": "expired-or-bad"}
        ),
        "publications:shared_file": reverse(
            "publications:shared_file", kwargs={"token": "expired-or-bad", "name": "report.pdf"}
        ),
        "authors:list": reverse("authors:list"),
        "authors:detail": author.get_absolute_url(),
        "research_areas:list": reverse("research_areas:list"),
        "research_areas:detail": area.get_absolute_url(),
        "regions:list": reverse("regions:list"),
        "regions:detail": region.parent.get_absolute_url(),
        "series:list": reverse("series:list"),
        "series:detail": series.get_absolute_url(),
        "series:banner_css": reverse("series:banner_css", kwargs={"colour": "1f2a44"}),
        "subscriptions:subscribe": reverse("subscriptions:subscribe"),
        "subscriptions:thanks": reverse("subscriptions:thanks"),
        "subscriptions:confirm": reverse("subscriptions:confirm", kwargs={"token": "bad-token"}),
        "subscriptions:manage": reverse(
            "subscriptions:manage", kwargs={"token": tokens.manage_token(subscriber.token)}
        ),
        "subscriptions:unsubscribe": reverse("subscriptions:unsubscribe", kwargs={"token": subscriber.token}),
        "media": "/media/nothing-here.pdf",
    }
    for kind, obj in [("author", author), ("area", area), ("region", region), ("series", series)]:
        urls[f"feeds:{kind}"] = reverse(f"feeds:{kind}", kwargs={"slug": obj.slug})
        urls[f"feeds:{kind}_atom"] = reverse(f"feeds:{kind}_atom", kwargs={"slug": obj.slug})
    urls["feeds:latest"] = reverse("feeds:latest")
    urls["feeds:latest_atom"] = reverse("feeds:latest_atom")
    urls |= event_urls(area)
    return urls


def event_urls(area) -> dict[str, str]:
    event = EventFactory(built_in=True, areas=[area])
    registration = RegistrationFactory(event=event)
    slug = {"slug": event.slug}
    urls = {name: reverse(f"events:{name}") for name in ("list", "past", "calendar", "feed", "feed_atom")}
    urls |= {
        name: reverse(f"events:{name}", kwargs=slug)
        for name in ("detail", "ics", "register", "registered", "preview")
    }
    urls["area_calendar"] = reverse("events:area_calendar", kwargs={"area": area.slug})
    urls["cancel"] = reverse("events:cancel", kwargs={"token": event_tokens.cancel_token(registration)})
    return {f"events:{name}": url for name, url in urls.items()}


EXPECTED_STATUS = {
    "events:preview": {404},  # staff only
    "publications:shared_preview": {400, 404, 410},
    "publications:shared_file": {404},
    "subscriptions:confirm": {400},
    "media": {404},
}


@pytest.mark.django_db
def test_every_public_url_renders_with_debug_off_and_hashed_static_files(client, production, every_url):
    missing = named_routes() - set(every_url)
    assert not missing, f"routes this test does not visit yet: {missing}"
    for name, url in every_url.items():
        response = client.get(url)
        body = read(response)
        assert response.status_code in EXPECTED_STATUS.get(name, {200}), (
            f"{name} {url}: {response.status_code}"
        )
        if response.get("Content-Type", "").startswith("text/html"):
            assert b'/static/css/site.css"' not in body, f"{name}: unhashed stylesheet"
            assert b"/static/css/site." in body, name


@pytest.mark.django_db
def test_staff_pages_render_with_debug_off_and_hashed_static_files(admin_client, production, every_url):
    publication = PublicationFactory(draft=True)
    for url in [
        reverse("admin:index"),
        reverse("admin:publications_publication_change", args=[publication.pk]),
        reverse("admin:publications_publication_preview", args=[publication.pk]),
    ]:
        response = admin_client.get(url)
        assert response.status_code == 200, url


@pytest.mark.django_db
def test_a_static_file_missing_from_the_manifest_is_not_a_server_error(client, production, caplog):
    rendered = Template("{% load static %}{% static 'css/not-collected.css' %}").render(Context())
    assert rendered == "/static/css/not-collected.css"
    assert "not in the manifest" in caplog.text
    assert client.get("/").status_code == 200


@pytest.mark.django_db
def test_error_pages_render_with_debug_off(client, production, settings):
    assert b"/static/css/site." in client.get("/no-such-page/").content
    settings.ROOT_URLCONF = "tests.broken_urls"
    client.raise_request_exception = False
    response = client.get("/broken/")
    assert response.status_code == 500
    assert b"/static/css/site." in response.content


@pytest.mark.django_db
def test_starting_the_server_logs_no_missing_static_files(client, production, caplog):
    response = client.get("/")  # a new handler: whitenoise indexes the collected files
    assert response.status_code == 200
    assert "not in the manifest" not in caplog.text
    # Hashed names are still told apart and cached for ever.
    css = next(line for line in read(response).decode().split('"') if "/static/css/site." in line)
    static = client.get(css)
    static.close()
    assert "immutable" in static["Cache-Control"]
