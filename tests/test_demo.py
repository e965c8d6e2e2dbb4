from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from publications.models import Publication

pytestmark = pytest.mark.django_db


def load_demo(*args) -> str:
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def test_demo_loads_a_realistic_site_and_prints_a_working_login(client):
    output = load_demo("--password", "demo-pass-123")

    assert "user: editor  password: demo-pass-123" in output
    assert client.login(username="editor", password="demo-pass-123")
    assert get_user_model().objects.get(username="editor").is_staff
    assert Publication.objects.count() == 40
    assert Publication.objects.published().count() == 34
    assert Publication.objects.values("type").distinct().count() >= 3
    home = client.get(reverse("home")).content.decode()
    assert 'name="newsletters"' in home
    assert "The Weekly Brief" in home


def test_demo_is_idempotent():
    load_demo()
    first = sorted(Publication.objects.values_list("slug", "title"))
    load_demo()
    assert sorted(Publication.objects.values_list("slug", "title")) == first
    assert get_user_model().objects.filter(username="editor").count() == 1


def test_demo_drafts_and_scheduled_items_stay_off_the_site(client):
    load_demo()
    hidden = Publication.objects.exclude(pk__in=Publication.objects.published())
    assert hidden.count() == 6
    listing = client.get(reverse("publications:list") + "?page=1").content.decode()
    home = client.get(reverse("home")).content.decode()
    for publication in hidden:
        assert client.get(publication.get_absolute_url()).status_code == 404
        assert publication.title not in listing
        assert publication.title not in home
