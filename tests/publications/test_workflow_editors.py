"""An Editor reviews, publishes, schedules, unpublishes and features; the log says who did it."""

from datetime import timedelta

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from publications import workflow
from publications.models import Publication
from tests.admin_forms import change_url, form_data, ready
from tests.factories import AuthorFactory, PublicationFactory

pytestmark = pytest.mark.django_db

Status = Publication.Status


def logged(publication) -> list[tuple[str, str]]:
    """(username, message) of the publication's admin log, oldest first."""
    entries = LogEntry.objects.filter(object_id=str(publication.pk)).order_by("action_time", "pk")
    return [(entry.user.username, entry.get_change_message()) for entry in entries]


def test_editors_see_what_waits_for_review_on_the_admin_home_and_in_the_list(login, eve, ada):
    waiting = ready(authors=[ada.author], title="Please Review Me")
    login(ada).post(change_url(waiting), form_data(waiting, _submit="Submit for review"))
    ready(title="Someone's Draft")
    client = login(eve)
    home = client.get(reverse("admin:index")).content.decode()
    assert "Waiting for review" in home
    assert "Please Review Me" in home
    assert "by Ada" in home
    listing = client.get(reverse("admin:publications_publication_changelist"), {"state": "review"})
    assert [p.title for p in listing.context["cl"].result_list] == ["Please Review Me"]
    editor_form = client.get(change_url(waiting)).content.decode()
    assert "Publish now" in editor_form
    assert "Send back to draft" in editor_form


def test_an_editor_publishes_a_piece_in_review_and_it_is_live_at_once(login, eve, client):
    memo = ready(in_review=True, title="Ready To Go")
    response = login(eve).post(change_url(memo), form_data(memo, _publish="Publish now"))
    assert response.status_code == 302
    memo.refresh_from_db()
    assert memo.is_published
    assert memo.published_by == eve
    client.logout()
    assert client.get(memo.get_absolute_url()).status_code == 200
    assert ("eve", "Published.") in logged(memo)


def test_failed_checks_stop_publishing_and_the_form_lists_them(login, eve):
    memo = PublicationFactory(draft=True, dek="", authors=[AuthorFactory(bio="")], title="Half Done")
    client = login(eve)
    response = client.post(change_url(memo), form_data(memo, _publish="Publish now"), follow=True)
    page = response.content.decode()
    memo.refresh_from_db()
    assert memo.status == Status.DRAFT
    assert "it is not published" in page
    for problem in ("There is no dek", "has no bio", "No research area is chosen"):
        assert problem in page
    assert "Publish anyway because" in page


def test_an_editor_may_publish_anyway_with_a_reason_that_is_kept(login, eve):
    memo = PublicationFactory(draft=True, title="Breaking", authors=[AuthorFactory()])
    reason = "Breaking news: the area is added tomorrow."
    login(eve).post(change_url(memo), form_data(memo, _publish="Publish now", override_reason=reason))
    memo.refresh_from_db()
    assert memo.is_published
    assert memo.checks_override == reason
    [(user, message)] = [entry for entry in logged(memo) if entry[1].startswith("Published")]
    assert user == "eve"
    assert "No research area is chosen." in message
    assert reason in message
    page = login(eve).get(change_url(memo)).content.decode()
    assert "published despite failed checks because" in page


def test_a_scheduled_publication_goes_live_by_itself_at_its_time(login, eve, client, clock):
    memo = ready(in_review=True, title="Embargoed Analysis")
    at = timezone.localtime(clock.now() + timedelta(hours=3)).replace(second=0, microsecond=0)
    response = login(eve).post(
        change_url(memo),
        form_data(
            memo, published_at_0=at.date().isoformat(), published_at_1=at.strftime("%H:%M:%S"), _schedule="x"
        ),
    )
    assert response.status_code == 302
    memo.refresh_from_db()
    assert memo.is_scheduled
    assert ("eve", f"Scheduled to go live {workflow.moment(at)}.") in logged(memo)
    client.logout()
    public = reverse("publications:list")
    assert client.get(memo.get_absolute_url()).status_code == 404
    assert "Embargoed Analysis" not in client.get(public).content.decode()

    clock.set(at - timedelta(seconds=1))
    assert client.get(memo.get_absolute_url()).status_code == 404
    clock.set(at)
    assert client.get(memo.get_absolute_url()).status_code == 200
    assert "Embargoed Analysis" in client.get(public).content.decode()
    assert "Embargoed Analysis" in client.get(reverse("home")).content.decode()


def test_schedule_needs_a_date_in_the_future(login, eve):
    memo = ready(title="No Date")
    response = login(eve).post(change_url(memo), form_data(memo, _schedule="Schedule"), follow=True)
    assert "To schedule, set a publication date in the future." in response.content.decode()
    memo.refresh_from_db()
    assert memo.status == Status.DRAFT


def test_unpublishing_removes_it_from_every_public_place_at_once(
    login, eve, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # its search vector is built on commit
        memo = ready(draft=False, title="Withdrawn Memo", featured=True)
    places = [
        memo.get_absolute_url(),
        reverse("home"),
        reverse("publications:list"),
        reverse("feeds:latest"),
        reverse("sitemap"),
        reverse("search") + "?q=Withdrawn",
    ]
    assert client.get(memo.get_absolute_url()).status_code == 200
    for place in places[1:]:
        assert memo.get_absolute_url() in client.get(place).content.decode(), place

    login(eve).post(change_url(memo), form_data(memo, _unpublish="Unpublish"))
    memo.refresh_from_db()
    assert memo.status == Status.DRAFT
    assert ("eve", "Unpublished.") in logged(memo)

    client.logout()
    assert client.get(memo.get_absolute_url()).status_code == 404
    for place in places[1:]:
        page = client.get(place).content.decode()
        assert memo.get_absolute_url() not in page, place
        assert "Withdrawn Memo" not in page, place


def test_unpublishing_a_scheduled_piece_cancels_its_schedule(login, eve):
    memo = ready(draft=False, scheduled=True)
    login(eve).post(change_url(memo), form_data(memo, _unpublish="Cancel schedule"))
    memo.refresh_from_db()
    assert memo.status == Status.DRAFT
    assert ("eve", "Schedule cancelled; back to draft.") in logged(memo)


def test_an_editor_sends_a_piece_back_to_its_author(login, eve):
    memo = ready(in_review=True)
    login(eve).post(change_url(memo), form_data(memo, _return_to_draft="Send back to draft"))
    memo.refresh_from_db()
    assert memo.status == Status.DRAFT
    assert ("eve", "Sent back to draft.") in logged(memo)


def test_editors_feature_and_unfeature_from_the_list_and_the_log_says_so(login, eve, client):
    first, second = ready(draft=False, title="First Pick"), ready(draft=False, title="Second Pick")
    changelist = reverse("admin:publications_publication_changelist")
    login(eve).post(changelist, {"action": "feature_selected", "_selected_action": [first.pk, second.pk]})
    assert set(Publication.objects.filter(featured=True)) == {first, second}
    assert ("eve", "Featured on the home page.") in logged(first)
    login(eve).post(changelist, {"action": "unfeature_selected", "_selected_action": [second.pk]})
    assert list(Publication.objects.filter(featured=True)) == [first]


def test_the_unpublish_action_takes_several_off_the_site(login, eve, client):
    live = [ready(draft=False) for _ in range(2)]
    login(eve).post(
        reverse("admin:publications_publication_changelist"),
        {"action": "unpublish_selected", "_selected_action": [p.pk for p in live]},
    )
    assert not Publication.objects.published().exists()
    client.logout()
    assert all(client.get(p.get_absolute_url()).status_code == 404 for p in live)


def test_editors_feature_from_the_form_too(login, eve):
    memo = ready(draft=False)
    login(eve).post(change_url(memo), form_data(memo, featured="on"))
    memo.refresh_from_db()
    assert memo.featured


def test_the_audit_log_shows_who_published_scheduled_and_unpublished_what(login, eve, ada):
    memo = ready(authors=[ada.author], title="Audited Memo")
    login(ada).post(change_url(memo), form_data(memo, _submit="Submit for review"))
    client = login(eve)
    later = timezone.localtime() + timedelta(days=1)
    memo.refresh_from_db()
    client.post(
        change_url(memo),
        form_data(memo, published_at_0=later.date().isoformat(), published_at_1="09:00:00", _schedule="x"),
    )
    memo.refresh_from_db()
    client.post(change_url(memo), form_data(memo, _unpublish="x"))
    audit = client.get(reverse("admin:admin_logentry_changelist"), {"q": "Audited"}).content.decode()
    for words in ("Submitted for review.", "Scheduled to go live", "Schedule cancelled"):
        assert words in audit
    history = client.get(reverse("admin:publications_publication_history", args=[memo.pk])).content.decode()
    assert "Submitted for review." in history
    assert "Scheduled to go live" in history
    assert "eve" in history
    assert "ada" in history


def test_editors_manage_authors_areas_and_series(login, eve):
    client = login(eve)
    response = client.post(reverse("admin:authors_author_add"), {"name": "New Fellow", "bio": "Works."})
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert client.post(reverse("admin:research_areas_researcharea_add"), {"name": "Space"}).status_code == 302
    assert client.post(reverse("admin:series_series_add"), {"name": "Orbit Notes"}).status_code == 302
