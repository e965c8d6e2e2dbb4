"""The benchmark's content generator (``manage.py generate_content``)."""

import pytest
from django.core.management import call_command

from publications.models import Authorship, Publication
from tests.tools import postgres_only

# Absolute links (feeds, sitemaps, metadata, citations) come from SITE_URL, never the request.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_url")]


def test_generates_the_number_asked_for_with_authors_areas_and_tags(capsys):
    call_command("generate_content", publications=30, seed=1)

    assert Publication.objects.count() == 30
    assert Publication.objects.filter(slug__regex=r"-gen\d+$").count() == 30
    assert not Authorship.objects.filter(publication__isnull=True).exists()
    assert Publication.objects.filter(areas__isnull=True).count() == 0
    assert Publication.objects.filter(tags__isnull=False).distinct().count() == 30
    assert Publication.objects.exclude(word_count=0).count() == 30
    assert "Generated 30 publications" in capsys.readouterr().out


def test_the_same_seed_writes_the_same_publications_in_sections(capsys):
    """Benchmarks compare runs, so a seed must give the same text every time."""

    def generated() -> list[tuple]:
        return list(Publication.objects.order_by("pk").values_list("title", "dek", "summary", "body"))

    call_command("generate_content", publications=12, seed=7)
    first = generated()
    Publication.objects.all().delete()
    call_command("generate_content", publications=12, seed=7)

    assert generated() == first
    for publication in Publication.objects.all():
        assert 3 <= len(publication.toc) <= 6
        assert publication.body.startswith("<h2>")


def test_running_it_again_adds_more(capsys):
    call_command("generate_content", publications=5)
    call_command("generate_content", publications=5)

    assert Publication.objects.count() == 10


@postgres_only
def test_generated_work_is_searchable_at_once(capsys):
    call_command("generate_content", publications=20, seed=2)

    assert not Publication.objects.filter(search_vector__isnull=True).exists()
    some_author = Authorship.objects.select_related("author").first().author
    surname = some_author.name.split()[-1]
    assert Publication.objects.search(surname).exists()
