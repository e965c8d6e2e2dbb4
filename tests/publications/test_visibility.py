"""The one rule of visibility: published, and its time has come."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from publications.models import Publication
from tests.factories import PublicationFactory, PublicationTypeFactory, days_ago

pytestmark = pytest.mark.django_db


def test_published_in_the_past_is_visible():
    publication = PublicationFactory(published_at=days_ago(30))

    assert list(Publication.objects.published()) == [publication]
    assert publication.is_published


@pytest.mark.parametrize("state", ["draft", "in_review", "scheduled"])
def test_unpublished_states_are_hidden(state):
    visible = PublicationFactory()
    hidden = PublicationFactory(**{state: True})

    assert list(Publication.objects.published()) == [visible]
    assert not hidden.is_published


def test_draft_with_a_past_date_stays_hidden():
    # A publication taken back to draft keeps its date; the status alone must hide it.
    PublicationFactory(status=Publication.Status.DRAFT, published_at=days_ago(3))

    assert not Publication.objects.published().exists()


def test_scheduled_publication_appears_when_its_time_comes(clock):
    go_live = clock.now() + timedelta(hours=2)
    publication = PublicationFactory(published_at=go_live)
    assert publication.is_scheduled
    assert not Publication.objects.published().exists()

    clock.set(go_live - timedelta(seconds=1))
    assert not Publication.objects.published().exists()

    clock.set(go_live)
    assert list(Publication.objects.published()) == [publication]
    assert publication.is_published
    assert not publication.is_scheduled


def test_published_is_newest_first():
    old = PublicationFactory(published_at=days_ago(10))
    new = PublicationFactory(published_at=days_ago(1))
    middle = PublicationFactory(published_at=days_ago(5))

    assert list(Publication.objects.published()) == [new, middle, old]


def test_publishing_without_a_date_sets_it_to_now():
    before = timezone.now()
    publication = Publication.objects.create(
        title="Grid Resilience", type=PublicationTypeFactory(), status=Publication.Status.PUBLISHED
    )
    after = timezone.now()

    publication.refresh_from_db()
    assert before <= publication.published_at <= after
    assert list(Publication.objects.published()) == [publication]


def test_publishing_a_draft_later_dates_it_at_publication_time(clock):
    draft = PublicationFactory(draft=True)
    assert draft.published_at is None

    publish_time = clock.advance(timedelta(days=3))
    draft.status = Publication.Status.PUBLISHED
    draft.save()

    draft.refresh_from_db()
    assert draft.published_at == publish_time


def test_publishing_keeps_a_date_chosen_by_the_editor():
    chosen = days_ago(-2)
    publication = PublicationFactory(status=Publication.Status.PUBLISHED, published_at=chosen)

    publication.refresh_from_db()
    assert publication.published_at == chosen
    assert publication.is_scheduled


def test_database_refuses_published_without_date_when_save_is_bypassed():
    draft = PublicationFactory(draft=True)

    with pytest.raises(IntegrityError), transaction.atomic():
        Publication.objects.filter(pk=draft.pk).update(status=Publication.Status.PUBLISHED)


def test_database_refuses_clearing_the_date_of_a_published_item():
    publication = PublicationFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Publication.objects.filter(pk=publication.pk).update(published_at=None)


def test_a_tag_used_only_by_unpublished_work_answers_like_an_unknown_tag(client):
    PublicationFactory(draft=True, tags=["secret-project"])
    PublicationFactory(scheduled=True, tags=["secret-project"])
    PublicationFactory(tags=["grid"])
    secret = client.get("/publications/?tag=secret-project").content.decode()
    unknown = client.get("/publications/?tag=no-such-tag").content.decode()
    for page in (secret, unknown):
        assert "Some filters were not recognised" in page
        assert "0 publications" in page
    assert "secret-project" not in secret.replace("tag=secret-project", "").replace(
        'value="secret-project"', ""
    )
    assert "1 publication: grid" in client.get("/publications/?tag=grid").content.decode()
