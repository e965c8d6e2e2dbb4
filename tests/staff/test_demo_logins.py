"""``make demo`` gives a login for each role (DEBUG only), so each role can be tried."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from publications.models import Publication
from staff import roles
from staff.management.commands.demo_logins import LOGINS
from tests.factories import AuthorshipFactory, PublicationFactory

pytestmark = pytest.mark.django_db


def test_each_role_gets_a_login_that_works_and_is_printed(settings, client):
    settings.DEBUG = True
    draft = PublicationFactory(status=Publication.Status.DRAFT, published_at=None)
    AuthorshipFactory(publication=draft)
    out = StringIO()
    call_command("demo_logins", admin_url="http://127.0.0.1:8000/admin/", stdout=out)
    call_command("demo_logins", stdout=StringIO())  # again: the same users, nothing doubled
    printed = out.getvalue()
    assert "http://127.0.0.1:8000/admin/" in printed
    for username, role, password in LOGINS:
        user = get_user_model().objects.get(username=username)
        assert list(user.groups.values_list("name", flat=True)) == [role]
        assert user.is_staff
        assert not user.is_superuser
        assert f"user: {username}" in printed
        assert password in printed
        assert client.login(username=username, password=password)
        assert client.get(reverse("admin:index")).status_code == 200
    author = get_user_model().objects.get(username="demo-author")
    assert author.author == draft.authors.get()
    assert get_user_model().objects.filter(username__startswith="demo-").count() == len(roles.ROLES)


def test_without_debug_no_known_password_is_made(settings):
    settings.DEBUG = False
    out = StringIO()
    call_command("demo_logins", stdout=out)
    assert "skipped" in out.getvalue()
    assert not get_user_model().objects.filter(username__startswith="demo-").exists()
