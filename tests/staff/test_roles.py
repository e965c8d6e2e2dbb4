"""The three roles exist after migrate, and each opens only the admin pages its job needs."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from staff import roles

pytestmark = pytest.mark.django_db


def test_migrate_made_the_three_roles_with_permissions_that_all_exist():
    assert set(Group.objects.values_list("name", flat=True)) >= {"Author", "Editor", "Subscriber manager"}
    assert roles.missing_permissions() == []
    editor = Group.objects.get(name="Editor")
    assert editor.permissions.filter(codename="publish_publication").exists()
    assert not Group.objects.get(name="Author").permissions.filter(codename="publish_publication").exists()


def test_create_roles_is_idempotent_and_puts_back_what_was_taken_away():
    author = Group.objects.get(name="Author")
    author.permissions.remove(author.permissions.get(codename="add_publication"))
    out = StringIO()
    call_command("create_roles", stdout=out)
    assert "Author: 1 permission added" in out.getvalue()
    assert author.permissions.filter(codename="add_publication").exists()
    again = StringIO()
    call_command("create_roles", stdout=again)
    assert "already in place" in again.getvalue()
    assert Group.objects.filter(name="Author").count() == 1


ALLOWED, REFUSED = 200, 403

# Each admin page against each role: what a staff member in that role gets when opening it.
PAGES = {
    "admin:publications_publication_changelist": {"ada": ALLOWED, "eve": ALLOWED, "sam": REFUSED},
    "admin:publications_publication_add": {"ada": ALLOWED, "eve": ALLOWED, "sam": REFUSED},
    "admin:publications_publicationtype_add": {"ada": REFUSED, "eve": ALLOWED, "sam": REFUSED},
    "admin:authors_author_changelist": {"ada": ALLOWED, "eve": ALLOWED, "sam": REFUSED},
    "admin:authors_author_add": {"ada": REFUSED, "eve": ALLOWED, "sam": REFUSED},
    "admin:research_areas_researcharea_add": {"ada": REFUSED, "eve": ALLOWED, "sam": REFUSED},
    "admin:series_series_add": {"ada": REFUSED, "eve": ALLOWED, "sam": REFUSED},
    "admin:subscriptions_newsletter_add": {"ada": REFUSED, "eve": ALLOWED, "sam": REFUSED},
    "admin:subscriptions_newsletter_changelist": {"ada": REFUSED, "eve": ALLOWED, "sam": ALLOWED},
    "admin:subscriptions_subscriber_changelist": {"ada": REFUSED, "eve": REFUSED, "sam": ALLOWED},
    "admin:subscriptions_consentevent_changelist": {"ada": REFUSED, "eve": REFUSED, "sam": ALLOWED},
    "admin:admin_logentry_changelist": {"ada": REFUSED, "eve": ALLOWED, "sam": REFUSED},
    "admin:auth_user_add": {"ada": REFUSED, "eve": REFUSED, "sam": REFUSED},
}


@pytest.mark.parametrize("role", ["ada", "eve", "sam"])
@pytest.mark.parametrize("page", list(PAGES))
def test_each_role_opens_only_its_own_pages(request, login, role, page):
    user = request.getfixturevalue(role)
    response = login(user).get(reverse(page))
    assert response.status_code == PAGES[page][role]


@pytest.mark.parametrize("page", list(PAGES))
def test_superusers_keep_everything(admin_client, page):
    assert admin_client.get(reverse(page)).status_code == 200


def test_the_admin_home_lists_only_what_a_role_may_use(login, ada, sam):
    page = login(ada).get(reverse("admin:index")).content.decode()
    assert "Publications" in page
    assert "Subscribers" not in page
    page = login(sam).get(reverse("admin:index")).content.decode()
    assert "Subscribers" in page
    assert "My drafts" not in page
    assert reverse("admin:publications_publication_changelist") not in page


def test_a_subscriber_manager_cannot_add_a_publication_by_posting(login, sam):
    response = login(sam).post(reverse("admin:publications_publication_add"), {"title": "Sneaky"})
    assert response.status_code == 403
