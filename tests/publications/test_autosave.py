"""Autosave: a writer's private working copy of the form, offered back when the form opens,
never published and never seen by anyone else."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from publications.autosave import WorkingCopy
from publications.models import Publication
from tests.admin_forms import post_back
from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db

URL = reverse("admin:publications_publication_autosave")


def change_url(publication):
    return reverse("admin:publications_publication_change", args=[publication.pk])


def test_a_working_copy_is_kept_restored_with_a_notice_and_changes_nothing(login, ada):
    draft = PublicationFactory(draft=True, authors=[ada.author], title="Ports", body="<p>Old text.</p>")
    client = login(ada)
    response = client.post(
        URL, {"publication": draft.pk, "title": "Ports, revised", "body": "<p>New text.</p>"}
    )
    assert response.status_code == 200
    assert "Working copy kept" in response.json()["message"]
    draft.refresh_from_db()
    assert (draft.title, draft.body) == ("Ports", "<p>Old text.</p>")  # the publication is untouched

    html = client.get(change_url(draft)).content.decode()
    assert 'value="Ports, revised"' in html
    assert "New text." in html
    assert "Restored your unsaved changes" in html
    original = client.get(change_url(draft) + "?original=1").content.decode()
    assert 'value="Ports"' in original
    assert "Restored your unsaved changes" not in original


def test_saving_the_form_drops_the_working_copy(login, ada):
    draft = PublicationFactory(draft=True, authors=[ada.author])
    client = login(ada)
    client.post(URL, {"publication": draft.pk, "title": "Kept"})
    form = client.get(change_url(draft))
    assert client.post(change_url(draft), post_back(form)).status_code == 302
    assert not WorkingCopy.objects.exists()
    draft.refresh_from_db()
    assert draft.title == "Kept"


def test_a_copy_older_than_the_last_save_is_not_restored(login, ada):
    draft = PublicationFactory(draft=True, authors=[ada.author], title="Saved later")
    client = login(ada)
    client.post(URL, {"publication": draft.pk, "title": "Typed earlier"})
    WorkingCopy.objects.update(saved_at=timezone.now() - timedelta(hours=1))
    html = client.get(change_url(draft)).content.decode()
    assert 'value="Saved later"' in html
    assert not WorkingCopy.objects.exists()


def test_a_new_publication_has_its_working_copy_too(login, ada):
    client = login(ada)
    client.post(URL, {"title": "Not saved yet", "dek": "A dek"})
    html = client.get(reverse("admin:publications_publication_add")).content.decode()
    assert 'value="Not saved yet"' in html
    assert not Publication.objects.exists()


def test_working_copies_are_private(login, ada, ben, eve, sam):
    draft = PublicationFactory(draft=True, authors=[ada.author], title="Ada's")
    login(ada).post(URL, {"publication": draft.pk, "title": "Ada's unsaved words"})
    # An editor may open the draft, and sees the saved version, not Ada's working copy.
    assert "Ada's unsaved words" not in login(eve).get(change_url(draft)).content.decode()
    # Another author may not even reach it; a subscriber manager may not autosave at all.
    assert login(ben).post(URL, {"publication": draft.pk, "title": "x"}).status_code == 404
    assert login(sam).post(URL, {"title": "x"}).status_code == 403
    live = PublicationFactory(authors=[ada.author])
    assert login(ada).post(URL, {"publication": live.pk, "title": "x"}).status_code == 403  # read-only
    assert WorkingCopy.objects.count() == 1
