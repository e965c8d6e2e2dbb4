"""An Author writes and submits their own work, and nothing a hand-made POST sends lets them
publish, schedule, feature, or touch a colleague's work."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from publications.models import Publication
from tests.admin_forms import change_url, form_data, ready
from tests.factories import PublicationFactory, PublicationTypeFactory, ResearchAreaFactory

pytestmark = pytest.mark.django_db

Status = Publication.Status


def new_memo(client, **extra):
    data = {
        "title": "Grid Storage Now",
        "slug": "",
        "type": PublicationTypeFactory().pk,
        "dek": "Batteries beat peakers",
        "summary": "Storage is cheaper than new peaking plants.",
        "body": "<p>Storage wins.</p>",
        "areas": [ResearchAreaFactory().pk],
        "authorships-TOTAL_FORMS": "0",
        "authorships-INITIAL_FORMS": "0",
        "authorships-MIN_NUM_FORMS": "0",
        "authorships-MAX_NUM_FORMS": "1000",
        **extra,
    }
    return client.post(reverse("admin:publications_publication_add"), data)


def test_an_author_writes_a_draft_and_it_is_theirs(login, ada):
    response = new_memo(login(ada))
    assert response.status_code == 302
    memo = Publication.objects.get(title="Grid Storage Now")
    assert memo.status == Status.DRAFT
    assert memo.created_by == ada
    page = login(ada).get(change_url(memo)).content.decode()
    assert 'name="_submit"' in page
    assert 'name="_publish"' not in page
    assert 'name="featured"' not in page


def test_a_crafted_post_cannot_publish_schedule_or_feature_a_new_publication(login, ada):
    later = timezone.localtime() + timedelta(days=1)
    response = new_memo(
        login(ada),
        status="published",
        featured="on",
        published_at_0=later.date().isoformat(),
        published_at_1="09:00:00",
        published_by=ada.pk,
    )
    assert response.status_code == 302
    memo = Publication.objects.get(title="Grid Storage Now")
    assert (memo.status, memo.featured, memo.published_at, memo.published_by) == (
        Status.DRAFT,
        False,
        None,
        None,
    )


@pytest.mark.parametrize("button", ["_publish", "_schedule", "_unpublish"])
def test_an_author_pressing_a_publishing_button_by_hand_is_refused(login, ada, client, button):
    memo = ready(authors=[ada.author], title="Not Yet")
    later = timezone.localtime() + timedelta(days=1)
    response = login(ada).post(
        change_url(memo),
        form_data(memo, published_at_0=later.date().isoformat(), published_at_1="09:00:00", **{button: "x"}),
    )
    assert response.status_code == 403
    memo.refresh_from_db()
    assert memo.status == Status.DRAFT
    client.logout()
    assert client.get(memo.get_absolute_url()).status_code == 404


def test_a_crafted_post_on_an_own_draft_keeps_status_date_and_featured(login, ada):
    memo = ready(authors=[ada.author], title="Quiet Draft")
    response = login(ada).post(
        change_url(memo),
        form_data(
            memo,
            title="Quiet Draft, revised",
            status="published",
            featured="on",
            published_at_0="2020-01-01",
            published_at_1="09:00:00",
        ),
    )
    assert response.status_code == 302
    memo.refresh_from_db()
    assert memo.title == "Quiet Draft, revised"
    assert (memo.status, memo.featured, memo.published_at) == (Status.DRAFT, False, None)


def test_an_author_submits_for_review_and_who_and_when_are_recorded(login, ada, clock):
    memo = ready(authors=[ada.author])
    response = login(ada).post(change_url(memo), form_data(memo, _submit="Submit for review"))
    assert response.status_code == 302
    assert response["Location"] == change_url(memo)
    memo.refresh_from_db()
    assert memo.status == Status.IN_REVIEW
    assert (memo.submitted_by, memo.submitted_at) == (ada, clock.now())
    page = login(ada).get(change_url(memo)).content.decode()
    assert "Submitted for review." in page
    assert "submitted by Ada on" in page
    assert 'name="_return_to_draft" ' in page or 'name="_return_to_draft"' in page
    assert "Withdraw from review" in page


def test_an_author_may_withdraw_their_submission(login, ada):
    memo = ready(authors=[ada.author], in_review=True)
    login(ada).post(change_url(memo), form_data(memo, _return_to_draft="Withdraw from review"))
    memo.refresh_from_db()
    assert memo.status == Status.DRAFT


def test_a_colleagues_draft_is_out_of_sight_and_out_of_reach(login, ada, ben):
    theirs = ready(authors=[ben.author], title="Ben's Secret Draft")
    client = login(ada)
    listing = client.get(reverse("admin:publications_publication_changelist")).content.decode()
    assert "Ben&#x27;s Secret Draft" not in listing
    assert client.get(change_url(theirs)).status_code == 404  # as if it did not exist
    response = client.post(change_url(theirs), form_data(theirs, title="Defaced"))
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.title == "Ben's Secret Draft"
    assert client.get(reverse("admin:publications_publication_history", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("admin:publications_publication_share", args=[theirs.pk])).status_code == 404


def test_live_work_is_readable_but_not_editable_by_an_author(login, ada, ben):
    live_theirs = PublicationFactory(authors=[ben.author], title="Ben's Live Memo")
    live_mine = PublicationFactory(authors=[ada.author], title="Ada's Live Memo")
    client = login(ada)
    for publication in (live_theirs, live_mine):
        page = client.get(change_url(publication))
        assert page.status_code == 200
        assert "View publication" in page.content.decode()
        assert 'name="_save"' not in page.content.decode()
        response = client.post(change_url(publication), form_data(publication, title="Defaced"))
        assert response.status_code == 403
        publication.refresh_from_db()
        assert publication.title != "Defaced"


def test_an_author_cannot_unpublish_or_feature_through_the_list_actions(login, ada):
    live = PublicationFactory(authors=[ada.author])
    client = login(ada)
    listing = client.get(reverse("admin:publications_publication_changelist")).content.decode()
    assert "unpublish_selected" not in listing
    assert "feature_selected" not in listing
    for action in ("unpublish_selected", "feature_selected"):
        client.post(
            reverse("admin:publications_publication_changelist"),
            {"action": action, "_selected_action": [live.pk]},
        )
    live.refresh_from_db()
    assert live.is_published
    assert not live.featured


def test_an_author_deletes_their_own_draft_but_nothing_else(login, ada, ben):
    mine, theirs_live = ready(authors=[ada.author]), PublicationFactory(authors=[ben.author])
    client = login(ada)
    delete = "admin:publications_publication_delete"
    assert client.post(reverse(delete, args=[theirs_live.pk]), {"post": "yes"}).status_code == 403
    assert client.post(reverse(delete, args=[mine.pk]), {"post": "yes"}).status_code == 302
    assert set(Publication.objects.all()) == {theirs_live}


def test_a_publication_started_by_an_author_stays_theirs_without_a_byline(login, ada):
    new_memo(login(ada))
    memo = Publication.objects.get(title="Grid Storage Now")
    assert memo.authorships.count() == 0
    assert login(ada).get(change_url(memo)).status_code == 200


def test_an_authors_own_drafts_come_first_in_the_list_and_on_the_admin_home(login, ada, ben):
    PublicationFactory(title="Older Live Piece")
    ready(authors=[ben.author], title="Ben's Draft", in_review=True)
    mine = ready(authors=[ada.author], title="Ada's Draft")
    client = login(ada)
    listing = client.get(reverse("admin:publications_publication_changelist"))
    rows = [publication.title for publication in listing.context["cl"].result_list]
    assert rows == ["Ada's Draft", "Older Live Piece"]
    assert "Draft (yours)" in listing.content.decode()
    home = client.get(reverse("admin:index")).content.decode()
    assert "My drafts" in home
    assert change_url(mine) in home
    assert "Waiting for review" not in home
