"""Every response carries the security headers, and no page needs inline script or style, so
the Content-Security-Policy can forbid both."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.urls import reverse
from lxml import html

from tests.factories import AuthorFactory, PublicationFactory, ResearchAreaFactory, SeriesFactory
from tests.security.conftest import read

pytestmark = pytest.mark.django_db

# Script types that only carry data; browsers never run them, so CSP does not apply.
DATA_SCRIPT_TYPES = {"application/ld+json", "application/json"}


@pytest.fixture
def content():
    author, area, series = AuthorFactory(), ResearchAreaFactory(), SeriesFactory()
    publication = PublicationFactory(
        authors=[author], areas=[area], series=series, tags=["grid"], pdf="publications/pdf/memo.pdf"
    )
    publication.pdf.storage.save(publication.pdf.name, ContentFile(b"%PDF-1.4 test"))
    return {"author": author, "area": area, "series": series, "publication": publication}


def public_urls(content):
    publication = content["publication"]
    return [
        "/",
        reverse("publications:list"),
        publication.get_absolute_url(),
        reverse("publications:cite_bibtex", kwargs={"slug": publication.slug}),
        content["author"].get_absolute_url(),
        content["area"].get_absolute_url(),
        content["series"].get_absolute_url(),
        reverse("authors:list"),
        reverse("research_areas:list"),
        "/search/?q=grid",
        "/feed/",
        "/sitemap.xml",
        "/robots.txt",
        "/healthz",
        "/subscribe/",
        "/no-such-page/",
        "/static/css/site.css",
        publication.pdf.url,
        "/admin/login/",
    ]


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    parsed = {}
    for part in policy.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


def test_every_response_carries_the_security_headers(client, content):
    for url in public_urls(content):
        response = client.get(url)
        read(response)
        assert response.status_code in {200, 404}, url
        policy = directives(response)
        assert policy["script-src"] == ["'self'"], url
        # The admin's rich-text editor sets inline styles; only there are they allowed.
        styles = ["'self'", "'unsafe-inline'"] if url.startswith("/admin/") else ["'self'"]
        assert policy["style-src"] == styles, url
        assert policy["object-src"] == ["'none'"], url
        assert policy["frame-ancestors"] == ["'none'"], url
        assert policy["base-uri"] == ["'none'"], url
        assert response["X-Content-Type-Options"] == "nosniff", url
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin", url
        assert response["Cross-Origin-Opener-Policy"] == "same-origin", url
        assert "camera=()" in response["Permissions-Policy"], url
        if response.get("Content-Type", "").startswith("text/html"):
            assert response["X-Frame-Options"] == "DENY", url


def test_https_responses_carry_hsts(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


def test_production_redirects_plain_http_but_not_the_health_check(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/").status_code == 301
    assert client.get("/healthz").status_code == 200


def test_session_and_csrf_cookies_are_http_only_and_same_site(client, settings):
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    get_user_model().objects.create_superuser("root", "root@example.org", "pw-long-enough-1")
    response = client.post(reverse("admin:login"), {"username": "root", "password": "pw-long-enough-1"})
    assert response.status_code == 302
    for name in ("sessionid", "csrftoken"):
        cookie = response.cookies[name]
        assert cookie["httponly"], name
        assert cookie["secure"], name
        assert cookie["samesite"] == "Lax", name


def assert_no_inline_code(page: str, url: str, allow_import_map: bool = False) -> None:
    tree = html.fromstring(page)
    for script in tree.iter("script"):
        if script.get("type") in DATA_SCRIPT_TYPES:
            continue
        if script.get("type") == "importmap" and allow_import_map:
            continue
        assert script.get("src"), f"{url}: inline <script>"
    assert not tree.xpath("//style"), f"{url}: <style> element"
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        inline = [name for name in element.attrib if name.startswith("on") or name == "style"]
        assert not inline, f"{url}: <{element.tag} {inline}>"
        for name in ("href", "src", "action", "formaction"):
            assert not element.get(name, "").strip().lower().startswith("javascript:"), url


def test_public_pages_have_no_inline_script_style_or_handlers(client, content):
    for url in public_urls(content):
        response = client.get(url)
        read(response)
        assert "importmap" not in response.get("Content-Type", "")
        if response.get("Content-Type", "").startswith("text/html"):
            assert_no_inline_code(response.content.decode(), url)


def test_admin_pages_have_no_inline_script_or_handlers(client, content):
    user = get_user_model().objects.create_superuser("root", "root@example.org", "pw-long-enough-1")
    client.force_login(user)
    publication = content["publication"]
    for url in [
        reverse("admin:index"),
        reverse("admin:publications_publication_changelist"),
        reverse("admin:publications_publication_add"),
        reverse("admin:publications_publication_change", args=[publication.pk]),
        reverse("admin:authors_author_change", args=[content["author"].pk]),
        reverse("admin:otp_totp_totpdevice_add"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        # The rich-text editor's import map is the one inline script, allowed by its hash.
        page = response.content.decode()
        assert_no_inline_code(page, url, allow_import_map=True)
        script_src = directives(response)["script-src"]
        assert "'unsafe-inline'" not in script_src, url
        assert len(script_src) == 1 + page.count('<script type="importmap"'), url
