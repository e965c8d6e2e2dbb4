"""Caching headers: what browsers and a CDN are told about each kind of response, conditional
requests answered with 304, and static files served hashed, compressed and cached for good."""

import pytest
from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse

from tests.factories import AuthorFactory, PublicationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["cache on", "cache off"])
def either_way(request, settings):
    """Runs a test with the page cache on and off: the headers must not depend on it."""
    if request.param == "cache on":
        request.getfixturevalue("page_cache")
    else:
        settings.PAGE_CACHE_SECONDS = 0
    return request.param


@pytest.fixture
def publication(commit):
    with commit():
        return PublicationFactory(title="Keeping the Lights On", authors=[AuthorFactory()])


# Anonymous public responses: the same for everyone, for browsers and shared caches -------------

PUBLIC = ["home", "publications:list", "feeds:latest", "feeds:latest_atom", "sitemap", "robots"]
PUBLIC += ["publications:cite_bibtex", "publication page"]


def address(name: str, publication) -> str:
    if name == "publication page":
        return publication.get_absolute_url()
    return reverse(name, kwargs={"slug": publication.slug} if name.startswith("publications:cite") else {})


@pytest.mark.parametrize("name", PUBLIC)
def test_anonymous_public_responses_are_public_for_browsers_and_shared_caches(
    client, publication, either_way, settings, name
):
    settings.PUBLIC_CACHE_MAX_AGE, settings.EDGE_CACHE_SECONDS = 60, 86400
    settings.EDGE_STALE_WHILE_REVALIDATE, settings.EDGE_STALE_IF_ERROR = 30, 3600
    url = address(name, publication)
    response = client.get(url)

    assert response["Cache-Control"] == (
        "public, max-age=60, s-maxage=86400, stale-while-revalidate=30, stale-if-error=3600"
    )
    assert response["ETag"].startswith('"')
    assert "Cookie" not in response.get("Vary", "")
    assert not response.cookies
    assert "site" in response["xkey"].split()
    assert client.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    # Feeds carry their own date (and the sitemap, when everything in it has one); the page
    # cache adds when it stored the rest.
    if either_way == "cache on" or "feed" in url:
        assert client.get(url, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"]).status_code == 304


def test_head_is_answered_like_get(client, publication, either_way):
    url = publication.get_absolute_url()
    first = client.get(url)

    head = client.head(url)
    assert head.status_code == 200
    assert head["ETag"] == first["ETag"]
    assert client.head(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_a_changed_page_is_sent_again(client, publication, commit, either_way):
    url = publication.get_absolute_url()
    etag = client.get(url)["ETag"]
    with commit():
        publication.title = "Keeping the Lights On, Revised"
        publication.save()

    response = client.get(url, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 200
    assert response["ETag"] != etag
    assert "Lights On, Revised" in response.content.decode()


def test_a_change_elsewhere_still_gets_304(client, publication, commit, page_cache):
    url = publication.get_absolute_url()
    etag = client.get(url)["ETag"]
    with commit():
        PublicationFactory(title="Something Else", draft=True)

    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304


# Everything else ----------------------------------------------------------------------------------


def test_staff_get_public_pages_never_stored(client, publication, django_user_model, either_way):
    client.force_login(django_user_model.objects.create_user("eve", password="pw", is_staff=True))

    response = client.get(publication.get_absolute_url())

    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert "ETag" not in response


def test_not_found_pages_get_no_caching_headers(client, either_way):
    response = client.get("/publications/no-such-thing/")

    assert response.status_code == 404
    assert "ETag" not in response
    assert "public" not in response.get("Cache-Control", "")


def test_drafts_and_subscription_pages_are_never_stored(client, commit, either_way):
    with commit():
        draft = PublicationFactory(draft=True)

    assert client.get(draft.get_absolute_url()).status_code == 404
    response = client.get(reverse("subscriptions:subscribe"))
    assert "no-store" in response["Cache-Control"]
    assert "ETag" not in response


# Static files ----------------------------------------------------------------------------------


def production_storages():
    return settings.STORAGES | {
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
    }


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """``collectstatic`` as production runs it, once for the session (compressing takes a while)."""
    root = tmp_path_factory.mktemp("static")
    with override_settings(STATIC_ROOT=root, STORAGES=production_storages()):
        call_command("collectstatic", interactive=False, verbosity=0)
    return root


@pytest.fixture
def production_static(settings, collected_static):
    """Static files as production has them: hashed names and compressed copies, served by
    whitenoise from STATIC_ROOT."""
    settings.STATIC_ROOT = collected_static
    settings.STORAGES = production_storages()
    settings.WHITENOISE_USE_FINDERS = False
    settings.WHITENOISE_AUTOREFRESH = False
    return collected_static


def test_static_files_are_hashed_compressed_and_cached_for_good(production_static):
    url = staticfiles_storage.url("css/site.css")
    name = url.removeprefix("/static/")
    assert name != "css/site.css"  # a content hash in the name
    assert (production_static / f"{name}.gz").exists()
    assert (production_static / f"{name}.br").exists()

    client = Client()
    plain = client.get(url)
    brotli = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    gzip = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    for response in (plain, brotli, gzip):
        response.close()

    assert plain.status_code == 200
    assert "immutable" in plain["Cache-Control"]
    assert "max-age=315360000" in plain["Cache-Control"]
    assert brotli["Content-Encoding"] == "br"
    assert gzip["Content-Encoding"] == "gzip"


def test_pages_link_to_the_hashed_static_files(client, production_static, publication):
    page = client.get(publication.get_absolute_url()).content.decode()

    assert staticfiles_storage.url("css/site.css") in page
    assert 'href="/static/css/site.css"' not in page
