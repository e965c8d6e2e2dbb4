"""Who on staff sees which unpublished work: one rule (``Publication.objects.visible_to``) on
every surface that shows a publication to staff.

The matrix: role × state of the publication × surface, with the answer each cell must get.
A publication the user may not see answers 404, exactly like one that does not exist, so
sequential ids reveal nothing; one they may see but have no permission for answers 403.
"""

import pytest
import reversion
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Permission
from django.urls import reverse

from publications.models import Publication
from tests.admin_forms import ready, staff_user
from tests.factories import days_ago
from tests.images import file_urls, with_files

pytestmark = pytest.mark.django_db

STATES = {
    "draft": {"draft": True},
    "in review": {"in_review": True},
    "scheduled": {"scheduled": True},
    "published": {"draft": False},
    # Live once, taken down since: a draft again, with its old publication date.
    "unpublished": {"status": Publication.Status.DRAFT, "published_at": days_ago(3)},
}
LOGIN = 302  # the admin's login page
# Each row: the answer on a publication that is a draft, in review, scheduled, published, and
# unpublished again. "listed" / "absent": the admin's list answers 200 and shows / leaves out
# its title.
EXPECTED = {
    "anonymous": {
        "list": [LOGIN] * 5,
        "change": [LOGIN] * 5,
        "preview": [LOGIN] * 5,
        "history": [LOGIN] * 5,
        "compare": [LOGIN] * 5,
        "pdf": [404, 404, 404, 200, 404],
        "hero image": [404, 404, 404, 200, 404],
        "rendition": [404, 404, 404, 200, 404],
        "share": [LOGIN] * 5,
    },
    "author owning it": {
        "list": ["listed"] * 5,
        "change": [200] * 5,
        "preview": [200] * 5,
        "history": [200] * 5,
        "compare": [200] * 5,
        "pdf": [200] * 5,
        "hero image": [200] * 5,
        "rendition": [200] * 5,
        "share": [200] * 5,
    },
    "author not owning it": {
        "list": ["absent", "absent", "absent", "listed", "absent"],
        "change": [404, 404, 404, 200, 404],
        "preview": [404, 404, 404, 200, 404],
        "history": [404, 404, 404, 200, 404],
        "compare": [404, 404, 404, 200, 404],
        "pdf": [404, 404, 404, 200, 404],
        "hero image": [404, 404, 404, 200, 404],
        "rendition": [404, 404, 404, 200, 404],
        "share": [404, 404, 404, 403, 404],
    },
    "editor": {
        "list": ["listed"] * 5,
        "change": [200] * 5,
        "preview": [200] * 5,
        "history": [200] * 5,
        "compare": [200] * 5,
        "pdf": [200] * 5,
        "hero image": [200] * 5,
        "rendition": [200] * 5,
        "share": [200] * 5,
    },
    "subscriber manager": {
        "list": [403] * 5,
        "change": [404, 404, 404, 403, 404],
        "preview": [404, 404, 404, 403, 404],
        "history": [404, 404, 404, 403, 404],
        "compare": [404, 404, 404, 403, 404],
        "pdf": [404, 404, 404, 200, 404],
        "hero image": [404, 404, 404, 200, 404],
        "rendition": [404, 404, 404, 200, 404],
        "share": [404, 404, 404, 403, 404],
    },
    "superuser": {
        "list": ["listed"] * 5,
        "change": [200] * 5,
        "preview": [200] * 5,
        "history": [200] * 5,
        "compare": [200] * 5,
        "pdf": [200] * 5,
        "hero image": [200] * 5,
        "rendition": [200] * 5,
        "share": [200] * 5,
    },
}
CELLS = [(role, state) for role in EXPECTED for state in STATES]


@pytest.fixture
def people(ada, ben, eve, sam, django_user_model):
    """Ada wrote the publication (she is on its byline); Ben is a fellow author; Eve an editor;
    Sam a subscriber manager."""
    return {
        "anonymous": None,
        "author owning it": ada,
        "author not owning it": ben,
        "editor": eve,
        "subscriber manager": sam,
        "superuser": django_user_model.objects.create_superuser("root", "root@example.org", "pw"),
    }


def publication_in(state: str, owner) -> Publication:
    """A publication in ``state`` by ``owner``, with a PDF, a hero image and its resized copies,
    and two saved versions to compare."""
    publication = with_files(ready(authors=[owner.author], title="The Memo Under Test", **STATES[state]))
    for dek in ("A first dek.", "A second dek."):
        with reversion.create_revision():
            publication.dek = dek
            publication.save()
    return publication


def admin_url(name: str, publication) -> str:
    return reverse(f"admin:publications_publication_{name}", args=[publication.pk])


def answers(client, publication) -> dict:
    """What each surface answers the client for ``publication``."""
    found = {}
    listing = client.get(reverse("admin:publications_publication_changelist"))
    found["list"] = listing.status_code
    if listing.status_code == 200:
        found["list"] = "listed" if "The Memo Under Test" in listing.content.decode() else "absent"
    for surface in ("change", "preview", "history", "compare"):
        found[surface] = client.get(admin_url(surface, publication)).status_code
    pdf, hero, rendition = file_urls(publication)[:3]
    for surface, url in (("pdf", pdf), ("hero image", hero), ("rendition", rendition)):
        response = client.get(url)
        found[surface] = response.status_code
        if response.streaming:
            b"".join(response.streaming_content)
    found["share"] = client.post(admin_url("share", publication), {"days": 7}).status_code
    return found


@pytest.mark.parametrize(("role", "state"), CELLS, ids=[f"{role}-{state}" for role, state in CELLS])
def test_what_each_role_sees_of_each_state_on_each_surface(client, people, role, state):
    publication = publication_in(state, people["author owning it"])
    if people[role] is not None:
        client.force_login(people[role])
    index = list(STATES).index(state)
    expected = {surface: row[index] for surface, row in EXPECTED[role].items()}
    assert answers(client, publication) == expected


def test_a_hidden_publication_answers_like_one_that_does_not_exist(login, ada, ben):
    theirs = publication_in("draft", ben)
    missing = Publication.objects.order_by("-pk").first().pk + 1000
    client = login(ada)
    for name in ("change", "preview", "history", "compare", "delete", "share"):
        hidden = client.get(admin_url(name, theirs))
        absent = client.get(reverse(f"admin:publications_publication_{name}", args=[missing]))
        assert hidden.status_code == absent.status_code == 404, name
        assert "The Memo Under Test" not in hidden.content.decode()


def test_starting_a_publication_makes_it_the_authors_own_without_a_byline(login, ada, ben):
    draft = ready(title="Started by Ada", created_by=ada, authors=[ben.author])
    assert set(Publication.objects.visible_to(ada)) == {draft}
    assert login(ada).get(admin_url("preview", draft)).status_code == 200


def test_a_refused_share_link_is_neither_made_nor_logged(login, ada, ben):
    theirs = ready(authors=[ben.author], draft=False)
    response = login(ada).post(admin_url("share", theirs), {"days": 7})
    assert response.status_code == 403
    theirs.refresh_from_db()
    assert theirs.share_key == ""
    assert not LogEntry.objects.filter(user=ada).exists()


def test_the_audit_log_leaves_out_entries_about_work_the_reader_may_not_see(
    client, ada, ben, django_user_model
):
    """Only editors have the log by role; anyone given it by hand still sees only what they may."""
    hidden, own = ready(authors=[ben.author], title="Ben's draft"), ready(authors=[ada.author], title="Mine")
    for publication in (hidden, own):
        LogEntry.objects.log_actions(
            user_id=ben.pk, queryset=[publication], action_flag=CHANGE, change_message="Edited."
        )
    ada.user_permissions.add(Permission.objects.get(codename="view_logentry"))
    client.force_login(ada)
    page = client.get(reverse("admin:admin_logentry_changelist")).content.decode()
    assert "Mine" in page
    assert "Ben&#x27;s draft" not in page
    entry = LogEntry.objects.get(object_repr="Ben's draft")
    assert client.get(reverse("admin:admin_logentry_change", args=[entry.pk])).status_code == 404


def test_a_staff_account_without_a_role_sees_only_public_work(client, django_user_model):
    nobody = staff_user(django_user_model, "nora", None)
    live, draft = ready(draft=False), ready()
    assert set(Publication.objects.visible_to(nobody)) == {live}
    client.force_login(nobody)
    assert client.get(admin_url("preview", draft)).status_code == 404
