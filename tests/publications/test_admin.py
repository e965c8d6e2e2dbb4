"""Staff write and manage publications in the admin."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from publications.models import Publication
from tests.factories import (
    AuthorFactory,
    PublicationFactory,
    PublicationTypeFactory,
    ResearchAreaFactory,
    SeriesFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, django_user_model):
    """A logged-in superuser, as an editor working in the admin."""
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


def add_form(**overrides):
    data = {
        "title": "Ports Under Pressure",
        "slug": "",
        "type": "",
        "dek": "What congestion at three ports costs",
        "summary": "Congestion costs more than it seems.",
        "body": "<h2>Findings</h2><p>Ships wait.</p><script>alert(1)</script>",
        "published_at_0": "",
        "published_at_1": "",
        "areas": [],
        "series": "",
        "tags": ["shipping", "ports"],
        "related": [],
        "hero_alt": "",
        "hero_caption": "",
        "hero_credit": "",
        "authorships-TOTAL_FORMS": "2",
        "authorships-INITIAL_FORMS": "0",
        "authorships-MIN_NUM_FORMS": "0",
        "authorships-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def test_staff_adds_a_publication_with_two_ordered_authors_and_it_shows_on_the_site(staff_client, client):
    memo = PublicationTypeFactory(name="Policy Memo")
    first, second = AuthorFactory(name="Zoë Ørsted-Núñez"), AuthorFactory(name="Ben Lindqvist")
    area, series = ResearchAreaFactory(name="Trade"), SeriesFactory(name="Chokepoints")

    response = staff_client.post(
        reverse("admin:publications_publication_add"),
        add_form(
            type=memo.pk,
            areas=[area.pk],
            series=series.pk,
            _publish="Publish now",
            **{
                "authorships-0-author": first.pk,
                "authorships-0-position": "1",
                "authorships-1-author": second.pk,
                "authorships-1-position": "2",
            },
        ),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors

    publication = Publication.objects.get(title="Ports Under Pressure")
    assert publication.slug == "ports-under-pressure"
    assert publication.is_published
    assert publication.ordered_authors() == [first, second]
    assert sorted(publication.tags.names()) == ["ports", "shipping"]
    assert "<script>" not in publication.body

    page = client.get(publication.get_absolute_url()).content.decode()
    assert "Ports Under Pressure" in page
    assert page.index("Zoë Ørsted-Núñez") < page.index("Ben Lindqvist")
    assert "alert(1)" not in page


def test_byline_order_follows_positions_not_row_order(staff_client):
    memo = PublicationTypeFactory()
    first, second = AuthorFactory(), AuthorFactory()
    staff_client.post(
        reverse("admin:publications_publication_add"),
        add_form(
            type=memo.pk,
            **{
                "authorships-0-author": first.pk,
                "authorships-0-position": "2",
                "authorships-1-author": second.pk,
                "authorships-1-position": "1",
            },
        ),
    )
    publication = Publication.objects.get()
    assert publication.ordered_authors() == [second, first]
    assert list(publication.authorships.values_list("position", flat=True)) == [1, 2]


def test_existing_tags_are_kept_when_editing(staff_client):
    publication = PublicationFactory(tags=["energy"], type=PublicationTypeFactory())
    form = staff_client.get(reverse("admin:publications_publication_change", args=[publication.pk]))
    assert form.status_code == 200
    tag_id = publication.tags.get().pk
    staff_client.post(
        reverse("admin:publications_publication_change", args=[publication.pk]),
        add_form(
            title=publication.title,
            slug=publication.slug,
            type=publication.type_id,
            tags=[tag_id, "grid"],
            published_at_0=publication.published_at.date().isoformat(),
            published_at_1="09:00:00",
            **{"authorships-TOTAL_FORMS": "0"},
        ),
    )
    assert sorted(publication.tags.names()) == ["energy", "grid"]


def test_staff_preview_shows_a_draft_exactly_as_readers_would_see_it(staff_client):
    draft = PublicationFactory(draft=True, title="Unreleased Analysis", body="<h2>Result</h2><p>Text.</p>")
    response = staff_client.get(reverse("admin:publications_publication_preview", args=[draft.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Unreleased Analysis" in page
    assert "Preview:" in page
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert "no-cache" in response["Cache-Control"]


def test_preview_is_for_staff_only(client):
    draft = PublicationFactory(draft=True, title="Unreleased Analysis")
    response = client.get(reverse("admin:publications_publication_preview", args=[draft.pk]))
    assert response.status_code == 302
    assert "Unreleased Analysis" not in response.content.decode()


def test_view_on_site_goes_to_preview_for_drafts_and_to_the_page_when_live(staff_client):
    draft = PublicationFactory(draft=True)
    live = PublicationFactory()
    admin_view = staff_client.get(reverse("admin:publications_publication_change", args=[draft.pk]))
    assert reverse("admin:publications_publication_preview", args=[draft.pk]) in admin_view.content.decode()
    admin_view = staff_client.get(reverse("admin:publications_publication_change", args=[live.pk]))
    assert "View on site" in admin_view.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "admin:publications_publication_changelist",
        "admin:publications_publicationtype_changelist",
        "admin:authors_author_changelist",
        "admin:research_areas_researcharea_changelist",
        "admin:series_series_changelist",
        "admin:publications_publication_add",
        "admin:authors_author_add",
    ],
)
def test_admin_pages_open(staff_client, url):
    PublicationFactory(authors=[AuthorFactory()], areas=[ResearchAreaFactory()], series=SeriesFactory())
    response = staff_client.get(reverse(url))
    assert response.status_code == 200


def test_admin_search_finds_by_author_name(staff_client):
    PublicationFactory(title="Found by author", authors=[AuthorFactory(name="Ingrid Halvorsen")])
    PublicationFactory(title="Someone else's")
    page = staff_client.get(reverse("admin:publications_publication_changelist") + "?q=Halvorsen")
    assert "Found by author" in page.content.decode()
    assert "Someone else" not in page.content.decode()


def test_tag_autocomplete_answers_staff(staff_client):
    PublicationFactory(tags=["energy", "trade"])
    response = staff_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "publications", "model_name": "publication", "field_name": "tags", "term": "ene"},
    )
    assert [row["text"] for row in response.json()["results"]] == ["energy"]


def test_scheduling_in_the_admin_keeps_it_hidden_until_its_time(staff_client, client):
    memo = PublicationTypeFactory()
    later = timezone.localtime() + timedelta(days=2)
    response = staff_client.post(
        reverse("admin:publications_publication_add"),
        add_form(
            type=memo.pk,
            title="Embargoed Memo",
            published_at_0=later.date().isoformat(),
            published_at_1=later.strftime("%H:%M:%S"),
            areas=[ResearchAreaFactory().pk],
            _schedule="Schedule",
            **{
                "authorships-0-author": AuthorFactory().pk,
                "authorships-0-position": "1",
                "authorships-TOTAL_FORMS": "1",
            },
        ),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    publication = Publication.objects.get(title="Embargoed Memo")
    assert publication.is_scheduled
    assert client.get(publication.get_absolute_url()).status_code == 404
