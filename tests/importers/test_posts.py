"""What a post becomes: WordPress's own edge cases, as a reader or editor would find them."""

from datetime import UTC, datetime

import pytest
from django.utils import timezone

from authors.models import Author
from publications.models import Publication, PublicationType
from research_areas.models import ResearchArea
from tests.factories import PublicationFactory

from . import wxr

pytestmark = pytest.mark.django_db


def imported(run_import, *parts, args=(), **kwargs):
    result = run_import(wxr.export(*parts, **kwargs), *args)
    assert result.ok, result.error
    return result


def test_a_post_keeps_its_title_slug_date_excerpt_and_tags(run_import):
    imported(
        run_import,
        wxr.item(
            7,
            "Grid resilience",
            slug="grid-resilience",
            date="2023-05-14 09:30:00",
            excerpt="<p>Why the grid &amp; storage matter.</p>",
            tags=("Energy", "Grid"),
        ),
    )

    publication = Publication.objects.get()
    assert publication.slug == "grid-resilience"
    assert publication.published_at == datetime(2023, 5, 14, 9, 30, tzinfo=UTC)
    assert publication.summary == "Why the grid & storage matter."
    assert sorted(publication.tags.names()) == ["Energy", "Grid"]
    assert publication.type.name == "Commentary"
    assert publication.is_published
    assert publication.updated_at == datetime(2024, 3, 2, 10, 0, tzinfo=UTC)  # WordPress's modified date


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        ("Trade &amp;amp; &lt;em&gt;tariffs&lt;/em&gt; &amp;#8211; a primer", "Trade & tariffs – a primer"),
        ("<![CDATA[Europe&#8217;s <strong>gas</strong> bind]]>", "Europe’s gas bind"),
        ("Ça coûte cher 🚀 — 中国 and Ольга", "Ça coûte cher 🚀 — 中国 and Ольга"),
    ],
)
def test_titles_are_plain_text(run_import, raw, title):
    result = imported(run_import, wxr.item(1, raw, raw_title=True, slug=""))

    publication = Publication.objects.get()
    assert publication.title == title
    assert publication.slug  # made from the title, readable ASCII
    assert publication.slug.isascii()
    if raw != title:
        assert "title: HTML and entities turned into plain text: 1" in result.report


def test_a_very_long_title_is_shortened_and_reported(run_import):
    result = imported(run_import, wxr.item(1, "Sanctions " * 60))

    publication = Publication.objects.get()
    assert len(publication.title) <= 255
    assert publication.title.endswith("…")
    assert "title shortened" in result.report


def test_a_post_with_no_title_gets_one_and_is_reported(run_import):
    result = imported(run_import, wxr.item(12, "", slug=""))

    publication = Publication.objects.get()
    assert publication.title == "Untitled post 12"
    assert 'no title: named "Untitled post 12"' in result.report


def test_nested_categories_become_nested_research_areas(run_import):
    imported(
        run_import,
        wxr.category("trade", "Trade"),
        wxr.category("europe", "Europe", parent="trade"),
        wxr.category("defense", "Defense"),
        wxr.category("europe-defense", "Europe", parent="defense"),
        wxr.category("uncategorized", "Uncategorized"),
        wxr.item(1, categories=("europe", "uncategorized")),
        wxr.item(2, categories=("europe-defense",)),
    )

    europe = ResearchArea.objects.get(name="Europe")
    assert europe.parent.name == "Trade"
    # The same name under another parent stays a separate area, named with its parent.
    assert ResearchArea.objects.get(name="Europe (Defense)").parent.name == "Defense"
    assert not ResearchArea.objects.filter(name="Uncategorized").exists()
    assert list(Publication.objects.get(slug="post-1").areas.all()) == [europe]


@pytest.mark.parametrize(
    ("wp_status", "extra", "status", "why"),
    [
        ("publish", {}, "published", None),
        ("future", {"date": "2099-01-01 09:00:00"}, "published", None),
        ("draft", {}, "draft", None),
        ("pending", {}, "review", None),
        ("private", {}, "draft", "private on WordPress"),
        ("publish", {"password": "s3cret"}, "draft", "password-protected"),
    ],
)
def test_statuses(run_import, wp_status, extra, status, why):
    result = imported(run_import, wxr.item(1, status=wp_status, **extra))

    publication = Publication.objects.get()
    assert publication.status == status
    if why:
        assert why in result.report
    assert Publication.objects.published().exists() == (wp_status == "publish" and not extra)


def test_a_scheduled_post_goes_live_at_its_time(run_import):
    imported(run_import, wxr.item(1, status="future", date="2099-01-01 09:00:00"))

    publication = Publication.objects.get()
    assert publication.is_scheduled
    assert publication.published_at == datetime(2099, 1, 1, 9, 0, tzinfo=UTC)
    assert not Publication.objects.published().exists()


def test_trash_and_machinery_are_left_out(run_import):
    result = imported(
        run_import,
        wxr.item(1, "Kept"),
        wxr.item(2, "Binned", status="trash"),
        wxr.item(3, "Menu", post_type="nav_menu_item"),
        wxr.item(4, "Old", post_type="revision", status="inherit"),
    )

    assert list(Publication.objects.values_list("title", flat=True)) == ["Kept"]
    assert 'post 2 "Binned": in the trash' in result.report
    assert "1 nav_menu_item" in result.report


def test_sticky_posts_are_featured(run_import):
    imported(run_import, wxr.item(1, "Pinned", sticky=True), wxr.item(2, "Plain"))

    assert list(Publication.objects.filter(featured=True).values_list("title", flat=True)) == ["Pinned"]


def test_custom_post_types_are_imported_only_when_mapped(run_import):
    PublicationType.objects.create(name="Report")
    parts = (wxr.item(1, "A post"), wxr.item(2, "A report", post_type="report"))

    first = run_import(wxr.export(*parts))
    assert 'post type "report" is not mapped (add --map-type report=' in first.report
    second = run_import(wxr.export(*parts), "--map-type", "report=Report", "--map-type", "post=Policy Memo")

    assert second.ok
    assert Publication.objects.get(title="A report").type.name == "Report"
    assert Publication.objects.get(title="A post").type.name == "Policy Memo"  # made, as it was missing


def test_a_multi_author_site_with_co_authors_plus(run_import):
    imported(
        run_import,
        wxr.guest_author(90, "zoe", "Zoë Ørsted-Núñez", bio="Senior Fellow for trade."),
        wxr.item(1, "Two authors", coauthors=("zoe", "ben")),
        wxr.item(2, "Ben alone", creator="ben"),
        wxr.item(3, "Ada alone", creator="ada"),
        authors=(wxr.author("ada", "Ada Okafor"), wxr.author("ben", "Ben Fisher")),
    )

    byline = Publication.objects.get(title="Two authors").ordered_authors()
    assert [author.name for author in byline] == ["Zoë Ørsted-Núñez", "Ben Fisher"]
    assert byline[0].bio == "Senior Fellow for trade."
    assert byline[0].slug == "zoe-orsted-nunez"
    assert [a.name for a in Publication.objects.get(title="Ben alone").ordered_authors()] == ["Ben Fisher"]
    assert Author.objects.count() == 3


def test_an_unknown_author_is_reported_and_the_post_imported(run_import):
    result = imported(
        run_import, wxr.item(1, "Orphan", creator="ghost"), wxr.item(2, "Fine", coauthors=("nobody",))
    )

    assert Publication.objects.count() == 2
    assert not Publication.objects.get(title="Orphan").authorships.exists()
    assert 'unknown author "ghost"' in result.report
    assert 'unknown co-author "nobody"' in result.report


def test_an_existing_expert_of_the_same_name_is_reused(run_import):
    Author.objects.create(name="Ada Okafor", bio="Written here.")

    imported(run_import, wxr.item(1))

    assert Author.objects.count() == 1
    assert Publication.objects.get().ordered_authors()[0].bio == "Written here."


def test_a_duplicate_slug_gets_a_number_and_is_reported(run_import):
    PublicationFactory(slug="grid-resilience", title="Already here")

    result = imported(run_import, wxr.item(1, "Grid resilience", slug="grid-resilience"))

    assert Publication.objects.get(title="Grid resilience").slug == "grid-resilience-2"
    assert (
        'slug "grid-resilience" is taken by another publication: imported as "grid-resilience-2"'
        in result.report
    )


def test_a_percent_encoded_slug_is_made_readable(run_import):
    imported(run_import, wxr.item(1, "Ольга", slug="%d0%be%d0%bb%d1%8c%d0%b3%d0%b0"))

    assert Publication.objects.get().slug == "olga"


def test_a_bad_item_is_reported_and_the_rest_imported(run_import, monkeypatch):
    from importers import wordpress

    original = wordpress.Importer.fill

    def fill(self, publication, item, type_name):
        if item.post_id == "2":
            raise ValueError("simulated failure")
        return original(self, publication, item, type_name)

    monkeypatch.setattr(wordpress.Importer, "fill", fill)
    result = imported(run_import, wxr.item(1, "One"), wxr.item(2, "Two"), wxr.item(3, "Three"))

    assert sorted(Publication.objects.values_list("title", flat=True)) == ["One", "Three"]
    assert 'post 2 "Two": ValueError: simulated failure' in result.report
    assert result.row("publications")["failed"] == 1


def test_an_item_failing_after_its_byline_leaves_the_others_whole(run_import, monkeypatch):
    """A new publication's byline, areas and tags are written with its batch; an item that
    fails late takes its own rows with it and nobody else's."""
    from importers import wordpress

    original = wordpress.Importer.remember

    def remember(self, record, item, target, digest):
        if item.post_id == "2":
            raise ValueError("simulated late failure")
        return original(self, record, item, target, digest)

    monkeypatch.setattr(wordpress.Importer, "remember", remember)
    result = imported(
        run_import,
        wxr.item(1, "One", creator="ada", tags=("Energy",)),
        wxr.item(2, "Two", creator="ben", tags=("Grid",)),
        wxr.item(3, "Three", creator="ben", tags=("Grid",)),
        authors=(wxr.author("ada", "Ada Okafor"), wxr.author("ben", "Ben Fisher")),
    )

    assert sorted(Publication.objects.values_list("title", flat=True)) == ["One", "Three"]
    assert [a.name for a in Publication.objects.get(title="One").ordered_authors()] == ["Ada Okafor"]
    assert [a.name for a in Publication.objects.get(title="Three").ordered_authors()] == ["Ben Fisher"]
    assert Publication.objects.get(title="Three").tags.names()[0] == "Grid"
    assert result.row("publications")["failed"] == 1


def test_since_imports_only_what_changed_after_the_date(run_import):
    result = imported(
        run_import,
        wxr.item(1, "Old", modified="2020-01-01 00:00:00"),
        wxr.item(2, "New", modified="2024-06-01 00:00:00"),
        args=("--since", "2024-01-01"),
    )

    assert list(Publication.objects.values_list("title", flat=True)) == ["New"]
    assert result.row("publications")["skipped"] == 1


def test_drafts_without_a_date_stay_undated(run_import):
    imported(run_import, wxr.item(1, status="draft"))

    publication = Publication.objects.get()
    assert publication.status == "draft"
    assert publication.published_at is None or publication.published_at <= timezone.now()


def test_a_category_map_files_categories_under_chosen_areas(run_import, tmp_path):
    existing = ResearchArea.objects.create(name="Europe & Eurasia", slug="europe-eurasia")
    mapping = tmp_path / "categories.csv"
    mapping.write_text("# category,area\neurope,europe-eurasia\nnews,\nclimate,Climate Adaptation\n")

    result = imported(
        run_import,
        wxr.category("europe", "Europe"),
        wxr.category("news", "News"),
        wxr.category("climate", "Climate"),
        wxr.category("trade", "Trade"),
        wxr.item(1, categories=("europe", "news", "climate", "trade")),
        args=("--category-map", str(mapping)),
    )

    areas = set(Publication.objects.get().areas.values_list("name", flat=True))
    assert areas == {"Europe & Eurasia", "Climate Adaptation", "Trade"}
    assert not ResearchArea.objects.filter(name__in=["Europe", "News"]).exists()
    assert ResearchArea.objects.get(slug="europe-eurasia") == existing
    assert result.row("research areas")["created"] == 2
