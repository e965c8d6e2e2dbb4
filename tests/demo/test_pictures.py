"""The demo's pictures: generated hero images and expert photos, described, resized for the page
by the renditions task, under the embargo, and reused rather than piled up on a second run."""

from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse
from lxml import html
from PIL import Image

from authors.models import Author
from demo import images
from publications.models import Publication
from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db

MEMO = "red-cell-the-slow-chokepoint"


def load_demo(*args):
    call_command("load_demo", *args, stdout=StringIO())


def stored_files(root) -> set[str]:
    return {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()}


def test_pictures_are_described_resized_embargoed_and_reused(client, media_root):
    load_demo()

    publications = list(Publication.objects.all())
    pictured = [publication for publication in publications if publication.hero_image]
    assert 0.6 <= len(pictured) / len(publications) <= 0.8
    for publication in pictured:
        assert publication.hero_alt.startswith("An abstract illustration: ")
        assert publication.hero_caption
        assert publication.hero_credit
        with default_storage.open(publication.hero_image.name) as stored, Image.open(stored) as image:
            assert image.size == images.HERO_SIZE
        widths = [rendition["width"] for rendition in publication.hero_renditions["sizes"]]
        assert widths == [480, 960, 1440]
        assert all(default_storage.exists(r["name"]) for r in publication.hero_renditions["sizes"])
    for author in Author.objects.all():
        assert author.photo
        assert author.photo_alt.startswith("The initials ")
        response = client.get(author.photo.url)
        assert response.status_code == 200
        b"".join(response.streaming_content)  # reading to the end closes the file

    memo = Publication.objects.get(slug=MEMO)
    page = html.fromstring(client.get(memo.get_absolute_url()).content)
    [img] = page.xpath('//figure[contains(@class, "publication__hero")]//img')
    assert img.get("alt") == memo.hero_alt
    assert img.get("srcset").count("w,") == 3
    assert "Red Cell Institute, generated for the demo" in page.xpath("string(//figcaption)")
    hidden = [p for p in pictured if not Publication.objects.published().filter(pk=p.pk).exists()]
    assert hidden, "some drafts or scheduled pieces have pictures too"
    for publication in hidden:
        assert client.get(publication.hero_image.url).status_code == 404

    before = stored_files(media_root)
    load_demo()
    assert stored_files(media_root) == before
    assert Publication.objects.get(slug=MEMO).hero_image.name == memo.hero_image.name


def test_the_red_cell_memo_shows_every_part_of_the_page(client):
    load_demo("--no-pictures")

    memo = Publication.objects.get(slug=MEMO)
    assert memo.type.name == "Policy Memo"
    assert memo.series.name == "Red Cell"
    assert [author.slug for author in memo.ordered_authors()] == ["marcus-feld", "zoe-orsted-nunez"]
    assert memo.is_published
    assert memo.show_toc
    page = client.get(memo.get_absolute_url()).content.decode()
    assert 'Marcus Feld</a> <span class="byline__sep">•</span> <a' in page
    assert f'<p class="publication__summary">{memo.summary}</p>' in page
    for part in (
        '<blockquote class="pull-quote">',
        "<table>",
        "<ul>",
        '<ol class="notes">',
        "About this series",
    ):
        assert part in page, part
    series = client.get(reverse("series:detail", args=["red-cell"])).content.decode()
    assert memo.title in series


def test_a_new_generation_replaces_the_file_and_detaching_deletes_it(monkeypatch):
    publication = PublicationFactory(slug="grid-memo")
    images.attach(publication.hero_image, images.hero("grid-memo"), "grid-memo")
    publication.save()
    first = publication.hero_image.name
    assert first.endswith(images.file_name("hero", "grid-memo"))

    assert images.attach(publication.hero_image, images.hero("grid-memo"), "grid-memo") is False
    monkeypatch.setattr(images, "GENERATION", images.GENERATION + 1)
    assert images.attach(publication.hero_image, images.hero("grid-memo"), "grid-memo") is True
    second = publication.hero_image.name
    assert second != first
    assert default_storage.exists(second)
    assert not default_storage.exists(first)

    images.detach(publication.hero_image, "grid-memo")
    assert not publication.hero_image
    assert not default_storage.exists(second)


def test_an_uploaded_file_is_never_deleted_by_the_loader():
    publication = PublicationFactory(slug="grid-memo")
    publication.hero_image.save("grid-memo-final.jpg", ContentFile(images.hero("x").draw()))
    uploaded = publication.hero_image.name

    images.detach(publication.hero_image, "grid-memo")

    assert default_storage.exists(uploaded)


def test_pictures_are_the_same_for_the_same_slug():
    assert images.hero("grid-memo").draw() == images.hero("grid-memo").draw()
    assert images.hero("grid-memo").description == images.hero("grid-memo").description
    assert images.portrait("ada", "Ada Okafor").description.startswith("The initials A O ")
    assert images.initials("Zoë Ørsted-Núñez") == "ZN"
