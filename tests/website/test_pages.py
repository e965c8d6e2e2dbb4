"""The site around the content: navigation, the health check, and the pages for errors."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_unknown_slugs_answer_404_with_the_site_page(client):
    for url in ["/publications/no-such-thing/", "/authors/nobody/", "/research-areas/none/", "/series/none/"]:
        response = client.get(url)
        assert response.status_code == 404, url
        assert "Page not found" in response.content.decode()


def test_navigation_reaches_every_section(client):
    page = client.get(reverse("home")).content.decode()
    for url in [reverse("publications:list"), reverse("research_areas:list"), reverse("authors:list")]:
        assert f'href="{url}"' in page


def test_healthz_answers_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    report = response.json()
    assert report["status"] == "ok"
    assert report["database"]["status"] == "ok"
    assert report["cache"] == {"status": "local"}
    assert report["tasks"]["status"] == "immediate"


def test_server_errors_get_a_friendly_page_without_a_traceback(client, settings):
    settings.ROOT_URLCONF = "tests.broken_urls"
    client.raise_request_exception = False
    response = client.get("/broken/")
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
    assert "boom" not in response.content.decode()
