"""Editors manage regions in the admin, as they do research areas, and file publications under
them beside research areas."""

import pytest
from django.urls import reverse

from publications.models import Publication
from regions.models import Region
from staff import roles
from tests.admin_forms import change_url, form_data, staff_user
from tests.factories import PublicationFactory, RegionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    """An Editor (not a superuser): what the role's permissions allow, nothing more."""
    client.force_login(staff_user(django_user_model, "eve", roles.EDITOR))
    return client


def region_form(**values) -> dict:
    return {"name": "", "slug": "", "parent": "", "description": ""} | values


def test_an_editor_adds_a_country_inside_a_region(editor_client):
    asia = RegionFactory(name="Asia")
    response = editor_client.post(
        reverse("admin:regions_region_add"),
        region_form(name="Viet Nam", slug="viet-nam", parent=asia.pk, description="A coastline of ports."),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    country = Region.objects.get(name="Viet Nam")
    assert country.parent == asia
    assert editor_client.get(asia.get_absolute_url()).content.decode().count("Viet Nam") >= 1


def test_the_add_form_makes_the_slug_from_the_name(editor_client):
    page = editor_client.get(reverse("admin:regions_region_add")).content.decode()
    assert 'id="id_slug"' in page
    assert "prepopulated" in page


def test_a_region_cannot_be_moved_inside_its_own_country(editor_client):
    asia = RegionFactory(name="Asia")
    china = RegionFactory(name="China", parent=RegionFactory(name="East Asia", parent=asia))
    response = editor_client.post(
        reverse("admin:regions_region_change", args=[asia.pk]),
        region_form(name="Asia", slug="asia", parent=china.pk),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "“Asia” cannot lie inside “China”, which lies inside it. Choose a broader region." in page
    asia.refresh_from_db()
    assert asia.parent is None


def test_a_region_cannot_be_its_own_parent(editor_client):
    asia = RegionFactory(name="Asia")
    response = editor_client.post(
        reverse("admin:regions_region_change", args=[asia.pk]),
        region_form(name="Asia", slug="asia", parent=asia.pk),
    )
    assert "“Asia” cannot lie inside itself." in response.content.decode()


def test_the_region_list_shows_the_hierarchy(editor_client):
    asia = RegionFactory(name="Asia")
    RegionFactory(name="China", parent=asia)
    PublicationFactory(regions=[asia])
    changelist = reverse("admin:regions_region_changelist")
    page = editor_client.get(changelist).content.decode()
    rows = editor_client.get(changelist).context["cl"].result_list
    assert {(region.name, str(region.parent or "-")) for region in rows} == {("Asia", "-"), ("China", "Asia")}
    assert "publications" in page.lower()
    # Filtered by the region they lie in, and found by their parent's name.
    inside = editor_client.get(changelist, {"parent__id__exact": asia.pk}).context["cl"].result_list
    assert [region.name for region in inside] == ["China"]
    found = editor_client.get(changelist, {"q": "Asia"}).context["cl"].result_list
    assert {region.name for region in found} == {"Asia", "China"}


def test_editors_have_on_regions_the_permissions_they_have_on_research_areas(django_user_model):
    editor = staff_user(django_user_model, "eve", roles.EDITOR)
    author = staff_user(django_user_model, "ada", roles.AUTHOR)
    for action in ("add", "change", "delete", "view"):
        assert editor.has_perm(f"regions.{action}_region") == editor.has_perm(
            f"research_areas.{action}_researcharea"
        )
        assert editor.has_perm(f"regions.{action}_region")
    # Authors pick regions in the publication form, and change none.
    assert author.has_perm("regions.view_region")
    assert not author.has_perm("regions.change_region")


def test_the_publication_form_picks_regions_beside_research_areas(editor_client):
    china = RegionFactory(name="China")
    publication = PublicationFactory()
    page = editor_client.get(change_url(publication)).content.decode()
    assert page.index('name="areas"') < page.index('name="regions"') < page.index('name="series"')
    assert 'data-model-name="region"' in page or "admin-autocomplete" in page

    response = editor_client.post(change_url(publication), form_data(publication, regions=[china.pk]))
    assert response.status_code == 302
    assert list(Publication.objects.get(pk=publication.pk).regions.all()) == [china]


def test_regions_are_found_by_the_publication_forms_autocomplete(editor_client):
    RegionFactory(name="Korean Peninsula")
    RegionFactory(name="Europe")
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "publications", "model_name": "publication", "field_name": "regions", "term": "kor"},
    )
    assert [row["text"] for row in response.json()["results"]] == ["Korean Peninsula"]
