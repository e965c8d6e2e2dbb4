"""A save has one visible effect of each kind: the search index is rebuilt once per transaction,
for exactly the publications it changed, and the content version changes once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.models import ContentVersion
from publications.models import Publication
from publications.search import signals
from staff import roles
from tests.admin_forms import change_url, post_back, staff_user
from tests.factories import AuthorFactory, PublicationFactory, ResearchAreaFactory

pytestmark = pytest.mark.django_db

REBUILD_SQL = 'SET "search_vector" ='


@pytest.fixture
def rebuilds(monkeypatch):
    """The rebuilds of search vectors from here on, each as the set of publication ids it
    covered. Counted on every database: off Postgres the rebuild itself changes nothing."""
    calls = []
    rebuild = signals.update_search_vectors

    def counted(queryset):
        calls.append(set(queryset.values_list("pk", flat=True)))
        return rebuild(queryset)

    monkeypatch.setattr(signals, "update_search_vectors", counted)
    return calls


def vector_updates(queries) -> int:
    return sum(REBUILD_SQL in query["sql"] for query in queries.captured_queries)


def version_writes(queries) -> int:
    """New content versions written: the page cache's key for every page."""
    table = ContentVersion._meta.db_table
    return sum(
        query["sql"].startswith(("UPDATE", "INSERT")) and f'"{table}"' in query["sql"]
        for query in queries.captured_queries
    )


def test_one_admin_save_rebuilds_the_vector_once_and_bumps_the_content_version_once(
    client, django_user_model, commit, rebuilds
):
    authors = AuthorFactory.create_batch(3)
    # Committed, as the admin would find it; this also runs what earlier tests left pending.
    with commit():
        publication = PublicationFactory(
            authors=authors, areas=ResearchAreaFactory.create_batch(3), tags=["grid", "storage", "ports"]
        )
        PublicationFactory(authors=authors[:1])  # shares an expert, but is not edited
    rebuilds.clear()
    client.force_login(staff_user(django_user_model, "eve", roles.EDITOR))
    form = client.get(change_url(publication))
    # A new title, areas, tags and byline order: every part the vector is made of changes.
    areas = [publication.areas.first().pk, *[area.pk for area in ResearchAreaFactory.create_batch(2)]]
    data = post_back(form, title="Desalination at scale", areas=areas)
    data["tags"] = [*data["tags"], "desalination"]  # a new tag typed beside the others
    for index in range(3):
        data[f"authorships-{index}-position"] = 3 - index

    with CaptureQueriesContext(connection) as queries, commit():
        response = client.post(change_url(publication), data)

    assert response.status_code == 302
    assert rebuilds == [{publication.pk}]
    assert vector_updates(queries) == (1 if connection.vendor == "postgresql" else 0)
    assert version_writes(queries) == 1
    if connection.vendor == "postgresql":
        assert list(Publication.objects.search("desalination")) == [publication]


def test_renaming_an_expert_rebuilds_their_publications_in_one_go(commit, rebuilds):
    expert = AuthorFactory(name="Ada Okafor")
    with commit():
        theirs = [PublicationFactory(authors=[expert]) for _ in range(3)]
        PublicationFactory(authors=[AuthorFactory()])
    rebuilds.clear()

    with CaptureQueriesContext(connection) as queries, commit():
        expert.name = "Ada Okafor-Lindqvist"
        expert.save()

    assert rebuilds == [{publication.pk for publication in theirs}]
    assert vector_updates(queries) == (1 if connection.vendor == "postgresql" else 0)


def test_nothing_is_rebuilt_before_the_commit(django_capture_on_commit_callbacks, rebuilds):
    with django_capture_on_commit_callbacks() as callbacks:
        publication = PublicationFactory(areas=ResearchAreaFactory.create_batch(2), tags=["grid"])
        publication.title = "Renamed"
        publication.save()
        assert rebuilds == []
    for callback in callbacks:
        callback()

    assert len(rebuilds) == 1
    assert publication.pk in rebuilds[0]
