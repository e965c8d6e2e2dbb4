"""With DEBUG on, as in ``make demo``, readers still get the designed 404 and 500 pages, never
Django's debug pages listing every URL pattern or a traceback; ``DEBUG_ERROR_PAGES`` asks for those."""

import logging

import pytest

from tests.factories import PageFactory
from website import page_views

pytestmark = pytest.mark.django_db

DEBUG_404 = b"Using the URLconf"
DESIGNED_404 = b"We could not find that page"


@pytest.fixture
def debug(settings, client):
    settings.DEBUG = True
    client.raise_request_exception = False
    return settings


@pytest.mark.parametrize(
    "url",
    [
        "/no-such-page/",  # taken by the catch-all, which finds no page
        "/wp-login.php",  # matched by no route at all
        "/publications/no-such-memo/",  # a view's own 404
        "/media/nothing.pdf",
    ],
)
def test_a_404_is_the_designed_page_with_debug_on(client, debug, url):
    response = client.get(url)
    assert response.status_code == 404
    assert DESIGNED_404 in response.content
    assert DEBUG_404 not in response.content


def test_a_draft_page_is_the_designed_404_with_debug_on(client, debug):
    draft = PageFactory(slug="soon", draft=True)
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 404
    assert DESIGNED_404 in response.content


@pytest.fixture
def broken_page(monkeypatch):
    """A published page whose view fails."""

    def fail(page):
        raise RuntimeError("boom")

    monkeypatch.setattr(page_views, "_context", fail)
    return PageFactory(slug="broken").get_absolute_url()


def test_a_server_error_is_the_designed_page_and_its_traceback_goes_to_the_log(
    client, debug, broken_page, caplog
):
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = client.get(broken_page)
    assert response.status_code == 500
    assert b"Something went wrong" in response.content
    assert b"boom" not in response.content
    assert any(record.exc_info and "boom" in str(record.exc_info[1]) for record in caplog.records)


def test_debug_pages_on_request(client, debug, broken_page):
    debug.DEBUG_ERROR_PAGES = True
    assert DEBUG_404 in client.get("/wp-login.php").content
    assert DESIGNED_404 not in client.get("/no-such-page/").content
    assert b"RuntimeError" in client.get(broken_page).content


def test_without_debug_django_uses_the_designed_pages_itself(client):
    response = client.get("/wp-login.php")
    assert response.status_code == 404
    assert DESIGNED_404 in response.content
