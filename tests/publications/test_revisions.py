"""Every save keeps a revision; editors compare two and restore an old one from the admin."""

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from reversion.models import Version

from publications.models import Publication
from tests.admin_forms import change_url, form_data, post_back, ready
from tests.factories import AuthorFactory, PublicationTypeFactory, ResearchAreaFactory

pytestmark = pytest.mark.django_db

Status = Publication.Status


def history_url(publication) -> str:
    return reverse("admin:publications_publication_history", args=[publication.pk])


def revisions(publication) -> list[tuple[str, str]]:
    """(username, comment) of each revision, oldest first."""
    versions = Version.objects.get_for_object(publication).order_by("pk").select_related("revision__user")
    return [(v.revision.user.username, v.revision.get_comment()) for v in versions]


@pytest.fixture
def edited(login, ada):
    """A memo Ada wrote, then rewrote (title, a paragraph, the byline and tags), then submitted."""
    client = login(ada)
    area, co_author = ResearchAreaFactory(), AuthorFactory(name="Cleo Marsh")
    client.post(
        reverse("admin:publications_publication_add"),
        {
            "title": "Ports in Trouble",
            "type": PublicationTypeFactory().pk,
            "dek": "Congestion costs",
            "summary": "Ships wait.",
            "body": "<h2>Findings</h2><p>Ships wait three days at anchor.</p><p>Costs rise.</p>",
            "areas": [area.pk],
            "tags": ["shipping"],
            "authorships-TOTAL_FORMS": "1",
            "authorships-INITIAL_FORMS": "0",
            "authorships-MIN_NUM_FORMS": "0",
            "authorships-MAX_NUM_FORMS": "1000",
            "authorships-0-author": ada.author.pk,
            "authorships-0-position": "1",
        },
    )
    memo = Publication.objects.get()
    data = form_data(
        memo,
        title="Ports Under Pressure",
        body="<h2>Findings</h2><p>Ships wait five days at anchor.</p><p>Costs rise.</p>",
        tags=[*memo.tags.values_list("pk", flat=True), "ports"],
        **{
            "authorships-TOTAL_FORMS": "2",
            "authorships-1-author": co_author.pk,
            "authorships-1-position": "2",
        },
    )
    client.post(change_url(memo), data)
    memo.refresh_from_db()
    client.post(change_url(memo), form_data(memo, _submit="Submit for review"))
    memo.refresh_from_db()
    return memo


def test_every_save_keeps_a_revision_saying_who_and_what(edited):
    assert revisions(edited) == [
        ("ada", "Created."),
        ("ada", "Changed Title, Body and tags. Added authorship “Cleo Marsh”."),
        ("ada", "Submitted for review."),
    ]


def test_the_history_lists_versions_and_the_log(login, eve, edited):
    page = login(eve).get(history_url(edited)).content.decode()
    assert page.count('name="from"') == 3
    assert "Changed Title, Body and tags." in page
    assert "Submitted for review." in page
    assert "Restore…" in page


def test_the_comparison_marks_the_words_that_changed(login, eve, edited):
    oldest, middle, _ = Version.objects.get_for_object(edited).order_by("pk")
    response = login(eve).get(
        reverse("admin:publications_publication_compare", args=[edited.pk]),
        {"from": oldest.pk, "to": middle.pk},
    )
    assert response.status_code == 200
    changes = {change.label: change.rows for change in response.context["changes"]}
    assert set(changes) == {"Title", "Body", "Authors", "Tags"}
    [body] = changes["Body"]
    assert body.before == "Ships wait <del>three</del> days at anchor."
    assert body.after == "Ships wait <ins>five</ins> days at anchor."
    [title] = changes["Title"]
    assert title.before == "Ports <del>in Trouble</del>"
    assert title.after == "Ports <ins>Under Pressure</ins>"
    assert changes["Authors"][0].after == "Ada Okafor<ins>, Cleo Marsh</ins>"
    page = response.content.decode()
    assert "<del>three</del>" in page
    assert "Costs rise." not in page  # unchanged paragraphs are left out


def test_the_comparison_escapes_what_it_shows(login, eve):
    memo = ready(title="<b>Bold</b> claims")
    client = login(eve)
    client.post(change_url(memo), form_data(memo, title="<i>Bolder</i> claims"))
    client.post(change_url(memo), form_data(memo, title="<script>x</script> claims"))
    page = client.get(reverse("admin:publications_publication_compare", args=[memo.pk])).content.decode()
    assert "<script>x</script>" not in page
    assert "&lt;script&gt;" in page


def test_an_author_compares_their_own_versions_but_cannot_restore(login, ada, edited):
    client = login(ada)
    assert client.get(reverse("admin:publications_publication_compare", args=[edited.pk])).status_code == 200
    assert "Restore…" not in client.get(history_url(edited)).content.decode()
    oldest = Version.objects.get_for_object(edited).order_by("pk").first()
    restore = reverse("admin:publications_publication_revision", args=[edited.pk, oldest.pk])
    assert client.get(restore).status_code == 403
    assert client.post(restore, form_data(edited)).status_code == 403


def test_an_editor_restores_an_old_version_and_the_workflow_state_stays(login, eve, edited, client):
    client = login(eve)
    client.post(change_url(edited), form_data(edited, _publish="Publish now"))
    edited.refresh_from_db()
    assert edited.is_published
    oldest = Version.objects.get_for_object(edited).order_by("pk").first()
    restore = reverse("admin:publications_publication_revision", args=[edited.pk, oldest.pk])

    shown = client.get(restore)
    assert shown.status_code == 200
    assert "Ports in Trouble" in shown.content.decode()
    edited.refresh_from_db()
    assert edited.title == "Ports Under Pressure"  # looking changes nothing

    response = client.post(restore, post_back(shown))
    assert response.status_code == 302
    edited.refresh_from_db()
    assert edited.title == "Ports in Trouble"
    assert "three days" in edited.body_html
    assert [a.name for a in edited.ordered_authors()] == ["Ada Okafor"]
    assert sorted(edited.tags.names()) == ["shipping"]
    assert edited.is_published
    assert edited.published_by == eve
    assert client.get(edited.get_absolute_url()).status_code == 200
    latest = LogEntry.objects.filter(object_id=str(edited.pk)).latest("action_time", "pk")
    assert latest.user == eve
    assert "Restored the version of" in latest.get_change_message()
    assert revisions(edited)[-1][0] == "eve"
