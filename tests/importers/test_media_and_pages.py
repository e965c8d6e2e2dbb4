"""Featured images, PDFs and linked files from ``--media-dir``; WordPress pages as pages."""

import pytest

from importers.models import ImportedItem
from publications.models import Publication
from website.models import Page

from . import wxr

pytestmark = pytest.mark.django_db

CHART = "https://old.example.org/wp-content/uploads/2024/03/chart.png"


def test_featured_image_becomes_the_hero_with_its_alt_text_and_the_pdf_is_attached(run_import, uploads):
    result = run_import(
        wxr.export(
            wxr.item(1, "Grid", meta={"_thumbnail_id": "11"}),
            wxr.attachment(11, "2024/03/chart.png", alt="Grid load by hour"),
            wxr.attachment(12, "2024/03/report.pdf", parent=1),
        ),
        "--media-dir",
        str(uploads),
    )

    assert result.ok
    publication = Publication.objects.get()
    assert publication.hero_image.name.startswith("publications/heroes/")
    assert publication.hero_alt == "Grid load by hour"
    assert publication.pdf.name.endswith(".pdf")
    assert result.row("media files")["created"] == 2


def test_a_missing_media_file_is_reported_and_the_post_imported(run_import, uploads):
    result = run_import(
        wxr.export(
            wxr.item(1, "Grid", meta={"_thumbnail_id": "11"}),
            wxr.attachment(11, "2024/03/gone.png", alt="Gone"),
        ),
        "--media-dir",
        str(uploads),
    )

    assert result.ok
    publication = Publication.objects.get()
    assert not publication.hero_image
    assert "hero image not imported: file missing from the media folder: 2024/03/gone.png" in result.report


def test_a_file_that_is_not_an_image_is_not_a_hero(run_import, uploads):
    (uploads / "2024" / "03" / "fake.png").write_text("not an image")
    result = run_import(
        wxr.export(wxr.item(1, meta={"_thumbnail_id": "11"}), wxr.attachment(11, "2024/03/fake.png")),
        "--media-dir",
        str(uploads),
    )

    assert not Publication.objects.get().hero_image
    assert "fake.png is not an image we can read" in result.report


def test_images_in_a_body_link_to_the_imported_file_which_is_served(run_import, uploads, client):
    run_import(
        wxr.export(
            wxr.item(1, "Grid", f'<p>Look: <img src="{CHART}" alt="Chart"></p>'),
            wxr.attachment(11, "2024/03/chart.png"),
        ),
        "--media-dir",
        str(uploads),
    )

    stored = Publication.objects.get().body
    assert '<a href="/media/imports/wordpress/2024/03/chart.png"' in stored
    response = client.get("/media/imports/wordpress/2024/03/chart.png")
    assert response.status_code == 200
    response.close()


def test_a_media_path_cannot_leave_the_media_folder(run_import, uploads):
    result = run_import(
        wxr.export(wxr.item(1, meta={"_thumbnail_id": "11"}), wxr.attachment(11, "../../../etc/passwd")),
        "--media-dir",
        str(uploads),
    )

    assert not Publication.objects.get().hero_image
    assert "outside the media folder" in result.report


def test_pages_keep_their_hierarchy_and_addresses(run_import, client):
    result = run_import(
        wxr.export(
            wxr.item(21, "Contact", "<p>Write to us.</p>", post_type="page", slug="contact", parent=20),
            wxr.item(20, "About us", "<p>Who we are.</p>", post_type="page", slug="about"),
            wxr.item(22, "Secret", "<p>Staff only.</p>", post_type="page", slug="secret", status="private"),
        )
    )

    assert result.ok
    assert Page.objects.get(title="Contact").path == "about/contact"
    assert client.get("/about/contact/").status_code == 200
    assert Page.objects.get(title="Secret").status == "draft"
    assert client.get("/secret/").status_code == 404
    assert result.row("pages")["created"] == 3


def test_a_page_slug_another_route_answers_is_moved_and_reported(run_import, client):
    result = run_import(wxr.export(wxr.item(20, "Our publications", post_type="page", slug="publications")))

    page = Page.objects.get()
    assert page.path == "publications-page"
    assert "/publications/ is already another part of the site" in result.report
    assert client.get("/publications-page/").status_code == 200


def test_files_are_recorded_once(run_import, uploads):
    document = wxr.export(
        wxr.item(1, "One", f'<img src="{CHART}">'),
        wxr.item(2, "Two", f'<img src="{CHART}">'),
        wxr.attachment(11, "2024/03/chart.png"),
    )

    run_import(document, "--media-dir", str(uploads))

    assert ImportedItem.objects.filter(kind="attachment").count() == 1
