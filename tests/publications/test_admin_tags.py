"""One tag field: existing tags found by autocomplete, new ones typed into the same field."""

import pytest
from django.urls import reverse
from taggit.models import Tag

from tests.admin_forms import post_back
from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db


def change_url(publication):
    return reverse("admin:publications_publication_change", args=[publication.pk])


def test_existing_and_new_tags_in_one_field(login, eve):
    publication = PublicationFactory(tags=["energy"])
    numbered = Tag.objects.create(name="numbered")
    client = login(eve)
    form = client.get(change_url(publication))
    html = form.content.decode()
    assert 'data-tags="true"' in html
    assert "new_tags" not in html
    energy = publication.tags.get().pk
    data = post_back(form, tags=[energy, str(numbered.pk), "grid", "2026", "grid"])
    assert client.post(change_url(publication), data).status_code == 302
    assert sorted(publication.tags.names()) == ["2026", "energy", "grid", "numbered"]


def test_a_form_sent_back_with_errors_shows_the_new_tags_typed(login, eve):
    publication = PublicationFactory(tags=["energy"])
    client = login(eve)
    data = post_back(client.get(change_url(publication)), title="", tags=["brand new"])
    response = client.post(change_url(publication), data)
    assert response.status_code == 200
    assert '<option value="brand new" selected>brand new</option>' in response.content.decode()
