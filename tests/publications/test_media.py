"""Hero images get resized copies and a srcset; uploads are checked by what they contain."""

import os
import subprocess
import sys
from io import BytesIO
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from lxml import html
from PIL import Image

from publications.renditions import HERO_SIZES
from publications.tasks import make_hero_renditions
from tests.admin_forms import change_url, form_data, ready
from tests.factories import AuthorFactory
from tests.images import jpeg, png

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent.parent


def upload(client, publication, **fields):
    """Post the publication's change form with ``fields`` (files among them) changed."""
    return client.post(change_url(publication), form_data(publication, **fields))


def hero_img(client, publication):
    page = html.fromstring(client.get(publication.get_absolute_url()).content)
    [img] = page.xpath('//figure[contains(@class, "publication__hero")]//img')
    return img


def errors(response) -> dict:
    return response.context["adminform"].form.errors


def test_a_large_hero_is_resized_to_four_widths_and_served_with_srcset(login, eve, client):
    memo = ready(draft=False)
    response = upload(
        login(eve),
        memo,
        hero_image=SimpleUploadedFile("harbour.jpg", jpeg(2400, 1200), content_type="image/jpeg"),
        hero_alt="Cranes over a container harbour",
    )
    assert response.status_code == 302
    memo.refresh_from_db()
    sizes = memo.hero_renditions["sizes"]
    assert [(r["width"], r["height"]) for r in sizes] == [(480, 240), (960, 480), (1440, 720), (1920, 960)]
    for rendition in sizes:
        assert rendition["name"].endswith(f"-{rendition['width']}w.webp")
        with default_storage.open(rendition["name"]) as stored, Image.open(stored) as image:
            assert (image.format, image.size) == ("WEBP", (rendition["width"], rendition["height"]))

    client.logout()
    img = hero_img(client, memo)
    assert img.get("alt") == "Cranes over a container harbour"
    assert (img.get("width"), img.get("height")) == ("2400", "1200")
    assert img.get("sizes") == HERO_SIZES
    candidates = [candidate.strip().split(" ") for candidate in img.get("srcset").split(",")]
    assert [width for _, width in candidates] == ["480w", "960w", "1440w", "1920w"]
    assert img.get("src") == candidates[1][0]
    assert [url for url, _ in candidates] == [default_storage.url(r["name"]) for r in sizes]


def test_a_small_hero_keeps_its_own_size_in_the_srcset(login, eve, client):
    memo = ready(draft=False)
    upload(
        login(eve),
        memo,
        hero_image=SimpleUploadedFile("chart.png", png(800, 400), content_type="image/png"),
        hero_alt="A bar chart",
    )
    memo.refresh_from_db()
    img = hero_img(client, memo)
    assert [c.strip().split(" ")[1] for c in img.get("srcset").split(",")] == ["480w", "800w"]
    assert memo.hero_image.url in img.get("srcset")
    assert (img.get("width"), img.get("height")) == ("800", "400")


def test_replacing_the_hero_replaces_its_renditions(login, eve):
    memo = ready()
    client = login(eve)
    upload(client, memo, hero_image=SimpleUploadedFile("a.png", png(1000, 500)), hero_alt="First")
    memo.refresh_from_db()
    old = [r["name"] for r in memo.hero_renditions["sizes"]]
    upload(client, memo, hero_image=SimpleUploadedFile("b.png", png(1000, 800)), hero_alt="Second")
    memo.refresh_from_db()
    assert not any(default_storage.exists(name) for name in old)
    assert [(r["width"], r["height"]) for r in memo.hero_renditions["sizes"]] == [(480, 384), (960, 768)]
    assert all(default_storage.exists(r["name"]) for r in memo.hero_renditions["sizes"])


def test_a_text_file_renamed_png_is_refused(login, eve):
    memo = ready()
    fake = SimpleUploadedFile("chart.png", b"Totally an image, honest.\n" * 20, content_type="image/png")
    response = upload(login(eve), memo, hero_image=fake, hero_alt="A chart")
    assert response.status_code == 200
    assert "Upload a valid image" in str(errors(response)["hero_image"])
    memo.refresh_from_db()
    assert not memo.hero_image


def test_an_image_format_browsers_do_not_show_is_refused(login, eve):
    buffer = BytesIO()
    Image.new("RGB", (40, 40)).save(buffer, "BMP")
    response = upload(
        login(eve), ready(), hero_image=SimpleUploadedFile("photo.bmp", buffer.getvalue()), hero_alt="x"
    )
    assert "This image is a BMP file. Upload a JPEG, PNG, WebP or GIF." in str(errors(response)["hero_image"])


def test_an_image_over_the_size_limit_is_refused(login, eve, settings):
    settings.MAX_IMAGE_UPLOAD_MB = 1
    big = png(800, 800, noise=True)
    assert len(big) > 1024 * 1024
    response = upload(login(eve), ready(), hero_image=SimpleUploadedFile("noise.png", big), hero_alt="Noise")
    assert "the largest allowed is 1.0\xa0MB" in str(errors(response)["hero_image"])


def test_an_image_over_the_pixel_limit_is_refused(login, eve, settings):
    settings.MAX_IMAGE_MEGAPIXELS = 1
    response = upload(
        login(eve), ready(), hero_image=SimpleUploadedFile("w.png", png(1200, 1000)), hero_alt="W"
    )
    assert "1200 × 1000 pixels; the largest allowed is 1 megapixels" in str(errors(response)["hero_image"])


def test_an_image_needs_its_description(login, eve):
    response = upload(login(eve), ready(), hero_image=SimpleUploadedFile("a.png", png(100, 50)), hero_alt="")
    assert response.status_code == 200
    assert "Describe the image" in str(errors(response)["hero_alt"])


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("report.pdf", b"<html>Not a PDF</html>", "This file is not a PDF."),
        ("report.txt", b"%PDF-1.4\n%%EOF\n", "File extension \u201ctxt\u201d is not allowed."),
    ],
)
def test_a_pdf_must_be_a_pdf(login, eve, name, content, message):
    response = upload(login(eve), ready(), pdf=SimpleUploadedFile(name, content))
    assert response.status_code == 200
    assert message in str(errors(response)["pdf"])


def test_a_real_pdf_within_the_limit_is_stored(login, eve, settings):
    memo = ready()
    response = upload(login(eve), memo, pdf=SimpleUploadedFile("report.pdf", b"%PDF-1.7\n1 0 obj\n%%EOF\n"))
    assert response.status_code == 302
    memo.refresh_from_db()
    assert memo.pdf.name.endswith(".pdf")
    assert default_storage.exists(memo.pdf.name)
    settings.MAX_PDF_UPLOAD_MB = 0
    response = upload(login(eve), memo, pdf=SimpleUploadedFile("report2.pdf", b"%PDF-1.7\n%%EOF\n"))
    assert "the largest allowed is 0\xa0bytes" in str(errors(response)["pdf"])


def test_renditions_use_the_storage_api_so_any_storage_backend_works(login, eve, settings, client):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    memo = ready(draft=False)
    upload(login(eve), memo, hero_image=SimpleUploadedFile("a.png", png(1000, 500)), hero_alt="In memory")
    memo.refresh_from_db()
    assert type(memo.hero_image.storage._wrapped).__name__ == "InMemoryStorage"
    assert all(default_storage.exists(r["name"]) for r in memo.hero_renditions["sizes"])
    assert not (Path(settings.MEDIA_ROOT) / memo.hero_image.name).exists()
    assert "-960w.webp 960w" in hero_img(client, memo).get("srcset")


def test_setting_a_bucket_puts_uploads_on_s3_compatible_storage():
    code = (
        "import django; django.setup();"
        "from django.conf import settings; from django.core.files.storage import storages;"
        "s = storages['default'];"
        "print(type(s).__name__, s.bucket_name, s.endpoint_url, s.querystring_auth, settings.SERVE_MEDIA)"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "redcell.settings",
        "DEBUG": "1",
        "AWS_STORAGE_BUCKET_NAME": "redcell-media",
        "AWS_S3_ENDPOINT_URL": "https://objects.example.org",
    }
    env.pop("DATABASE_URL", None)
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "S3Storage",
        "redcell-media",
        "https://objects.example.org",
        "False",
        "False",
    ]


def test_an_expert_photo_is_checked_too(login, eve):
    expert = AuthorFactory()
    url = reverse("admin:authors_author_change", args=[expert.pk])
    data = {"name": expert.name, "slug": expert.slug, "sort_name": expert.sort_name, "bio": expert.bio}
    response = login(eve).post(url, {**data, "photo": SimpleUploadedFile("me.png", b"just text")})
    assert "Upload a valid image" in str(response.context["adminform"].form.errors["photo"])
    response = login(eve).post(url, {**data, "photo": SimpleUploadedFile("me.png", png(80, 80))})
    assert "Describe the photo" in str(response.context["adminform"].form.errors["photo_alt"])
    response = login(eve).post(
        url, {**data, "photo": SimpleUploadedFile("me.png", png(80, 80)), "photo_alt": "Me"}
    )
    assert response.status_code == 302


def test_until_its_copies_are_made_the_page_shows_the_original(client, settings):
    """Renditions are made by a task after the save (a worker in production): an editor's save
    does not wait for the resizing, and readers see the original image meanwhile."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    memo = ready(draft=False)
    memo.hero_image.save("harbour.jpg", SimpleUploadedFile("harbour.jpg", jpeg(2400, 1200)), save=False)
    memo.hero_alt = "Cranes over a container harbour"
    memo.save()
    memo.refresh_from_db()
    assert memo.hero_renditions == {}
    img = hero_img(client, memo)
    assert img.get("src") == memo.hero_image.url
    assert img.get("srcset") is None

    assert make_hero_renditions.call(memo.pk) is True
    assert make_hero_renditions.call(memo.pk) is False  # a second run finds nothing to do
    memo.refresh_from_db()
    assert [r["width"] for r in memo.hero_renditions["sizes"]] == [480, 960, 1440, 1920]
    assert "480w" in hero_img(client, memo).get("srcset")
