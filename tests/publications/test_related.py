"""'Recent & Related': hand-picked items first, then the closest matches, never a hidden one."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.urls import reverse

from core import surrogates
from publications.models import RELATED_LIMIT, Publication
from publications.related import RELATED_POOL
from publications.views import PublicationDetailView, PublicationListView, publication_detail_queryset
from tests.factories import (
    AuthorFactory,
    PublicationFactory,
    ResearchAreaFactory,
    SeriesFactory,
    days_ago,
)

pytestmark = pytest.mark.django_db


def related(publication, **kwargs):
    return Publication.objects.published().related_to(publication, **kwargs)


def test_returns_at_most_four_and_never_itself():
    publication = PublicationFactory()
    PublicationFactory.create_batch(6)

    result = related(publication)

    assert len(result) == RELATED_LIMIT == 4
    assert publication not in result


def test_never_shows_drafts_reviews_or_scheduled_items():
    series = SeriesFactory()
    author = AuthorFactory()
    area = ResearchAreaFactory()
    publication = PublicationFactory(series=series, authors=[author], areas=[area], tags=["grid"])
    # Each hidden one shares everything, so only visibility can keep it out.
    shared = {"series": series, "authors": [author], "areas": [area], "tags": ["grid"]}
    draft = PublicationFactory(draft=True, **shared)
    review = PublicationFactory(in_review=True, **shared)
    scheduled = PublicationFactory(scheduled=True, **shared)
    visible = PublicationFactory(published_at=days_ago(400))

    result = related(publication)

    assert result == [visible]
    for hidden in (draft, review, scheduled):
        assert hidden not in result


def test_hand_picked_items_come_first_but_only_published_ones():
    series = SeriesFactory()
    old_pick = PublicationFactory(published_at=days_ago(900))
    draft_pick = PublicationFactory(draft=True)
    scheduled_pick = PublicationFactory(scheduled=True)
    publication = PublicationFactory(series=series, related=[old_pick, draft_pick, scheduled_pick])
    same_series = PublicationFactory(series=series, published_at=days_ago(2))
    recent = PublicationFactory(published_at=days_ago(1))

    result = related(publication)

    assert result == [old_pick, same_series, recent]
    assert draft_pick not in result
    assert scheduled_pick not in result


def test_hand_picked_items_are_not_repeated_in_the_automatic_part():
    series = SeriesFactory()
    pick = PublicationFactory(series=series)
    publication = PublicationFactory(series=series, related=[pick])

    assert related(publication) == [pick]


def test_hand_picked_items_fill_the_list_on_their_own():
    series = SeriesFactory()
    picks = [PublicationFactory(published_at=days_ago(100 + n)) for n in range(5)]
    publication = PublicationFactory(series=series, related=picks)
    PublicationFactory(series=series)

    result = related(publication)

    assert len(result) == 4
    assert set(result) <= set(picks)


def test_ranking_series_then_authors_then_areas_then_tags_then_recency():
    series = SeriesFactory()
    author = AuthorFactory()
    area = ResearchAreaFactory()
    publication = PublicationFactory(series=series, authors=[author], areas=[area], tags=["grid"])
    # Older as the match gets stronger, so recency alone would give the reverse order.
    same_series = PublicationFactory(series=series, published_at=days_ago(50))
    same_author = PublicationFactory(authors=[author], published_at=days_ago(40))
    same_area = PublicationFactory(areas=[area], published_at=days_ago(30))
    same_tag = PublicationFactory(tags=["grid"], published_at=days_ago(20))
    newest_unrelated = PublicationFactory(published_at=days_ago(1))
    older_unrelated = PublicationFactory(published_at=days_ago(10))

    assert related(publication, limit=6) == [
        same_series,
        same_author,
        same_area,
        same_tag,
        newest_unrelated,
        older_unrelated,
    ]
    assert related(publication) == [same_series, same_author, same_area, same_tag]


def test_one_shared_series_beats_sharing_everything_else():
    series = SeriesFactory()
    authors = AuthorFactory.create_batch(2)
    areas = ResearchAreaFactory.create_batch(2)
    publication = PublicationFactory(series=series, authors=authors, areas=areas, tags=["a", "b"])
    same_series = PublicationFactory(series=series, published_at=days_ago(90))
    everything_else = PublicationFactory(authors=authors, areas=areas, tags=["a", "b"])

    assert related(publication) == [same_series, everything_else]


def test_more_shared_authors_rank_higher():
    ada, ben = AuthorFactory.create_batch(2)
    publication = PublicationFactory(authors=[ada, ben])
    one_author = PublicationFactory(authors=[ada], published_at=days_ago(1))
    both_authors = PublicationFactory(authors=[ben, ada], published_at=days_ago(60))

    assert related(publication) == [both_authors, one_author]


def test_equal_matches_are_ordered_newest_first():
    area = ResearchAreaFactory()
    publication = PublicationFactory(areas=[area])
    older = PublicationFactory(areas=[area], published_at=days_ago(20))
    newer = PublicationFactory(areas=[area], published_at=days_ago(2))

    assert related(publication) == [newer, older]


def test_tags_compare_case_insensitively():
    publication = PublicationFactory(tags=["Energy"])
    tagged = PublicationFactory(tags=["energy"], published_at=days_ago(60))
    PublicationFactory(published_at=days_ago(1))

    assert related(publication)[0] == tagged


def test_without_any_overlap_falls_back_to_the_most_recent():
    publication = PublicationFactory(series=SeriesFactory(), tags=["unique"])
    by_age = [PublicationFactory(published_at=days_ago(days)) for days in (9, 3, 7, 1, 5)]

    result = related(publication)

    assert result == sorted(by_age, key=lambda pub: pub.published_at, reverse=True)[:4]


def test_a_publication_with_nothing_to_compare_against_gets_an_empty_list():
    publication = PublicationFactory()

    assert related(publication) == []


def test_works_for_a_draft_being_previewed():
    # Staff preview a draft; its related box must still show only public items.
    series = SeriesFactory()
    draft = PublicationFactory(draft=True, series=series)
    sibling = PublicationFactory(series=series, published_at=days_ago(40))
    other_draft = PublicationFactory(draft=True, series=series)
    recent = PublicationFactory()

    result = related(draft)

    assert result == [sibling, recent]
    assert other_draft not in result


def test_only_the_latest_of_each_kind_are_candidates():
    """An author's older work that shares more stays out once their latest fill the pool."""
    author, area = AuthorFactory(), ResearchAreaFactory()
    publication = PublicationFactory(authors=[author], areas=[area])
    older_sharing_more = PublicationFactory(authors=[author], areas=[area], published_at=days_ago(500))
    latest = [PublicationFactory(authors=[author], published_at=days_ago(n + 1)) for n in range(RELATED_POOL)]

    result = related(publication)

    assert result == latest[:4]
    assert older_sharing_more not in result


def test_costs_two_queries_on_the_publication_page(django_assert_num_queries):
    series, author, area = SeriesFactory(), AuthorFactory(), ResearchAreaFactory()
    shared = {"series": series, "authors": [author], "areas": [area], "tags": ["grid"]}
    publication = PublicationFactory(related=[PublicationFactory()], **shared)
    PublicationFactory.create_batch(4, **shared)
    page = publication_detail_queryset(Publication.objects.published()).get(pk=publication.pk)
    ContentType.objects.get_for_model(Publication)

    # The winners, ranked among the candidates in the same statement, and the winners' bylines.
    with django_assert_num_queries(2):
        assert len(related(page)) == 4


# Kept with the page's other fragments (publications/fragments.py) --------------------------------
# Committed content, as on a real site: a test's own transaction keeps no fragments.


def related_box(client, publication) -> str:
    page = client.get(publication.get_absolute_url()).content.decode()
    return page.partition('id="related"')[2].partition("</section>")[0]


@pytest.mark.django_db(transaction=True)
def test_a_kept_box_shows_a_new_publication_at_once(client):
    cache.clear()
    series = SeriesFactory()
    publication = PublicationFactory(series=series, published_at=days_ago(10))
    PublicationFactory(series=series, title="The Older Sibling", published_at=days_ago(20))
    assert "The Older Sibling" in related_box(client, publication)

    PublicationFactory(series=series, title="The Newer Sibling", published_at=days_ago(1))

    assert "The Newer Sibling" in related_box(client, publication)


@pytest.mark.django_db(transaction=True)
def test_a_kept_box_shows_a_scheduled_publication_at_its_time(client, clock):
    cache.clear()
    series = SeriesFactory()
    publication = PublicationFactory(series=series, published_at=days_ago(10))
    PublicationFactory(series=series, title="Due Soon", published_at=clock.now() + timedelta(minutes=5))
    assert "Due Soon" not in related_box(client, publication)

    clock.advance(timedelta(minutes=4, seconds=59))
    assert "Due Soon" not in related_box(client, publication)
    clock.advance(timedelta(seconds=1))
    assert "Due Soon" in related_box(client, publication)


@pytest.mark.django_db(transaction=True)
def test_a_page_from_kept_fragments_names_what_it_shows(rf, django_assert_max_num_queries):
    """The surrogate keys an edge cache purges by are the same whether the byline, topics and
    "Recent & Related" were rendered or came from the cache."""
    cache.clear()
    series, author, area = SeriesFactory(), AuthorFactory(), ResearchAreaFactory()
    publication = PublicationFactory(series=series, authors=[author], areas=[area], tags=["grid"])
    PublicationFactory.create_batch(3, series=series, authors=[AuthorFactory()], areas=[area])
    view = PublicationDetailView.as_view()

    def keys_of_a_render() -> list[str]:
        with surrogates.collecting() as keys:
            view(rf.get(publication.get_absolute_url()), slug=publication.slug).render()
        return keys.sorted()

    rendered = keys_of_a_render()
    with django_assert_max_num_queries(3):
        from_the_cache = keys_of_a_render()

    assert from_the_cache == rendered
    assert {f"author-{author.pk}", f"researcharea-{area.pk}", f"series-{series.pk}"} <= set(rendered)


@pytest.mark.django_db(transaction=True)
def test_a_kept_card_shows_an_edit_to_its_expert_at_once(client):
    cache.clear()
    author = AuthorFactory(name="Ada Okafor")
    publication = PublicationFactory(published_at=days_ago(10))
    PublicationFactory(authors=[author], published_at=days_ago(20))
    assert "Ada Okafor" in related_box(client, publication)

    author.name = "Ada Okafor-Reyes"
    author.save()

    assert "Ada Okafor-Reyes" in related_box(client, publication)


@pytest.mark.django_db(transaction=True)
def test_a_list_of_kept_cards_names_what_it_shows(rf):
    """Cards come from the cache without their bylines being read: their experts' keys still
    reach the page's surrogate keys."""
    cache.clear()
    authors = AuthorFactory.create_batch(2)
    PublicationFactory.create_batch(3, authors=authors)
    view = PublicationListView.as_view()

    def keys_of_a_render() -> list[str]:
        with surrogates.collecting() as keys:
            view(rf.get(reverse("publications:list"))).render()
        return keys.sorted()

    rendered = keys_of_a_render()
    from_the_cache = keys_of_a_render()

    assert from_the_cache == rendered
    assert {f"author-{author.pk}" for author in authors} <= set(rendered)
