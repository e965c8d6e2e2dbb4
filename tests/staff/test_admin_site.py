"""The admin as each role sees it: the institute's name, only the apps the role works with,
dates in the user's own time zone, and autocompletes that match names first."""

from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from staff.models import StaffProfile
from tests.factories import (
    AuthorFactory,
    PublicationFactory,
    RegionFactory,
    ResearchAreaFactory,
    SeriesFactory,
)

pytestmark = pytest.mark.django_db

TECHNICAL = ["axes", "otp_totp", "otp_static", "django_tasks_database", "auth"]


def sidebar_apps(response) -> set[str]:
    return {app["app_label"] for app in response.context["available_apps"]}


def sidebar_models(response) -> set[str]:
    return {
        f"{app['app_label']}.{model['object_name'].lower()}"
        for app in response.context["available_apps"]
        for model in app["models"]
    }


def test_the_header_and_title_are_the_sites_name(login, eve, settings):
    settings.SITE_NAME = "Harbour Institute"
    html = login(eve).get(reverse("admin:index")).content.decode()
    assert '<a href="/admin/">Harbour Institute</a>' in html
    assert "<title>Newsroom | Harbour Institute admin</title>" in html
    assert "Django administration" not in html
    assert "Django site admin" not in html


def test_an_authors_admin_shows_no_technical_apps_and_no_lists_it_only_picks_from(login, ada):
    response = login(ada).get(reverse("admin:index"))
    assert sidebar_models(response) == {"publications.publication", "publications.bodyimage"}
    html = response.content.decode()
    for label in ["Axes", "Otp", "Tasks database", "Taggit", "Experts", "Research areas"]:
        assert f">{label}<" not in html


def test_an_editor_sees_the_editorial_apps_but_no_technical_ones(login, eve):
    response = login(eve).get(reverse("admin:index"))
    assert not sidebar_apps(response) & set(TECHNICAL)
    assert {"publications.publication", "authors.author", "research_areas.researcharea", "taggit.tag"} <= (
        sidebar_models(response)
    )
    assert "admin.logentry" in sidebar_models(response)


def test_a_subscriber_manager_sees_the_mailing_lists_and_nothing_editorial(login, sam):
    apps = sidebar_apps(login(sam).get(reverse("admin:index")))
    assert "subscriptions" in apps
    editorial = {"publications", "authors", "research_areas", "regions", "series", "taggit", "website"}
    assert not apps & (editorial | set(TECHNICAL))


def test_a_superuser_sees_the_technical_apps(admin_client):
    assert set(TECHNICAL) <= sidebar_apps(admin_client.get(reverse("admin:index")))


def test_hidden_is_not_forbidden_the_autocomplete_still_finds_areas_for_an_author(login, ada):
    ResearchAreaFactory(name="Economics")
    response = login(ada).get(
        reverse("admin:autocomplete"),
        {"term": "Econ", "app_label": "publications", "model_name": "publication", "field_name": "areas"},
    )
    assert [item["text"] for item in response.json()["results"]] == ["Economics"]


@pytest.mark.parametrize(
    ("factory", "field"),
    [(ResearchAreaFactory, "areas"), (RegionFactory, "regions"), (SeriesFactory, "series")],
)
def test_the_autocomplete_puts_names_that_start_with_the_term_first(login, eve, factory, field):
    factory(name="Energy & Infrastructure", description="Economics of the grid, the economy of power.")
    factory(name="Political Economy")
    factory(name="Economics")
    response = login(eve).get(
        reverse("admin:autocomplete"),
        {"term": "econ", "app_label": "publications", "model_name": "publication", "field_name": field},
    )
    names = [item["text"] for item in response.json()["results"]]
    assert names == ["Economics", "Political Economy", "Energy & Infrastructure"]


def test_the_expert_autocomplete_puts_names_first(login, eve):
    AuthorFactory(name="Zoe Adams", bio="Writes on Marsh ecology.")
    AuthorFactory(name="Marsha Lee")
    response = login(eve).get(
        reverse("admin:autocomplete"),
        {"term": "mars", "app_label": "publications", "model_name": "authorship", "field_name": "author"},
    )
    assert [item["text"] for item in response.json()["results"]][:2] == ["Marsha Lee", "Zoe Adams"]


def test_dates_are_shown_in_the_users_time_zone(login, eve):
    publication = PublicationFactory(published_at=timezone.make_aware(timezone.datetime(2026, 3, 2, 15, 0)))
    client = login(eve)
    url = reverse("admin:publications_publication_change", args=[publication.pk])
    assert 'value="15:00:00"' in client.get(url).content.decode()  # the site's zone
    response = client.post(reverse("admin:preferences"), {"time_zone": "Asia/Tokyo"})
    assert response.status_code == 302
    assert StaffProfile.objects.get(user=eve).time_zone == "Asia/Tokyo"
    html = client.get(url).content.decode()
    assert 'value="2026-03-03"' in html
    assert 'value="05:00:00"' in html
    assert "Time zone: Asia/Tokyo" in html


def test_a_zone_that_does_not_exist_is_refused(login, eve):
    response = login(eve).post(reverse("admin:preferences"), {"time_zone": "Mars/Olympus"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_no_time_zone_warning_is_shown(login, eve):
    """Django's calendar script adds "You are N hours ahead of server time" under date fields;
    the admin's stylesheet hides it, as dates are in the zone the user chose."""
    from django.contrib.staticfiles import finders

    css = Path(finders.find("css/admin.css")).read_text()
    assert ".timezonewarning { display: none; }" in css
    html = login(eve).get(reverse("admin:publications_publication_add")).content.decode()
    assert "css/admin.css" in html
