"""An import is something an operator runs, checks, fixes and runs again."""

import pytest

from authors.models import Author
from importers.models import ImportedItem
from publications.models import Publication
from research_areas.models import ResearchArea
from website.models import Page

from . import wxr

pytestmark = pytest.mark.django_db


def site_export(title="Grid resilience", modified="2024-03-02 10:00:00", status="publish"):
    return wxr.export(
        wxr.category("energy", "Energy"),
        wxr.item(
            1, title, "<p>Body.</p>", categories=("energy",), tags=("Grid",), modified=modified, status=status
        ),
        wxr.item(2, "Second", "<p>More.</p>"),
        wxr.item(20, "About", "<p>Us.</p>", post_type="page", slug="about"),
    )


def snapshot():
    return {
        "publications": list(
            Publication.objects.order_by("pk").values_list("pk", "title", "updated_at", "status")
        ),
        "pages": list(Page.objects.order_by("pk").values_list("pk", "title", "updated_at")),
        "authors": Author.objects.count(),
        "areas": ResearchArea.objects.count(),
        "imported": list(ImportedItem.objects.order_by("pk").values_list("pk", "checksum", "imported_at")),
    }


def test_a_second_run_of_the_same_file_changes_nothing(run_import):
    first = run_import(site_export())
    before = snapshot()

    second = run_import(site_export())

    assert snapshot() == before
    assert first.row("publications")["created"] == 2
    assert second.row("publications") == {
        "created": 0,
        "updated": 0,
        "unchanged": 2,
        "skipped": 0,
        "failed": 0,
    }
    assert second.row("pages")["unchanged"] == 1


def test_a_newer_export_updates_what_changed(run_import):
    run_import(site_export())
    second_pk = Publication.objects.get(title="Second").pk

    result = run_import(
        site_export(title="Grid resilience, revised", modified="2024-05-01 10:00:00", status="draft")
    )

    assert result.row("publications") == {
        "created": 0,
        "updated": 1,
        "unchanged": 1,
        "skipped": 0,
        "failed": 0,
    }
    publication = Publication.objects.get(slug="post-1")
    assert publication.title == "Grid resilience, revised"
    assert publication.status == "draft"
    assert Publication.objects.count() == 2
    assert Publication.objects.get(title="Second").pk == second_pk


def test_a_dry_run_writes_nothing_and_reports_the_same(run_import, tmp_path):
    dry = run_import(site_export(), "--dry-run")

    assert dry.ok
    assert "DRY RUN: nothing was saved" in dry.report
    assert not Publication.objects.exists()
    assert not Page.objects.exists()
    assert not Author.objects.exists()
    assert not ResearchArea.objects.exists()
    assert not ImportedItem.objects.exists()

    real = run_import(site_export())
    for kind in ("publications", "pages", "experts", "research areas"):
        assert dry.row(kind) == real.row(kind)


def test_a_dry_run_copies_no_file(run_import, uploads, media_root):
    run_import(
        wxr.export(
            wxr.item(1, meta={"_thumbnail_id": "11"}),
            wxr.attachment(11, "2024/03/chart.png", alt="Chart"),
        ),
        "--media-dir",
        str(uploads),
        "--dry-run",
    )

    assert not media_root.exists() or not any(path.is_file() for path in media_root.rglob("*"))


def test_imports_from_two_sites_do_not_mix(run_import):
    run_import(wxr.export(wxr.item(1, "From one")))
    run_import(wxr.export(wxr.item(1, "From two"), site="https://second.example.org"))

    assert sorted(Publication.objects.values_list("title", flat=True)) == ["From one", "From two"]


def test_an_edit_made_here_survives_a_rerun_of_an_unchanged_export(run_import):
    run_import(site_export())
    publication = Publication.objects.get(slug="post-1")
    publication.dek = "Added by an editor after the import."
    publication.save()

    run_import(site_export())

    assert Publication.objects.get(slug="post-1").dek == "Added by an editor after the import."


def test_a_newer_export_updates_experts_and_areas_even_when_their_posts_are_unchanged(run_import):
    def export(bio, name):
        return wxr.export(
            wxr.category("energy", name),
            wxr.guest_author(90, "zoe", "Zoë Ørsted", bio=bio),
            wxr.item(1, "Grid", categories=("energy",), coauthors=("zoe",)),
        )

    run_import(export("Fellow.", "Energy"))
    result = run_import(export("Senior Fellow.", "Energy Security"))

    assert result.row("publications")["unchanged"] == 1
    assert Author.objects.get().bio == "Senior Fellow."
    assert ResearchArea.objects.get().name == "Energy Security"
    assert result.row("experts")["updated"] == 1
