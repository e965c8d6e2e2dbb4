"""Small real image files made on the fly, for upload tests, and publications that carry them."""

import os
from io import BytesIO

from django.core.files.base import ContentFile
from PIL import Image


def png(width: int, height: int, *, noise: bool = False) -> bytes:
    """A PNG of the given size: a plain colour, or random noise (which PNG cannot compress)."""
    if noise:
        image = Image.frombytes("RGB", (width, height), os.urandom(width * height * 3))
    else:
        image = Image.new("RGB", (width, height), (179, 0, 27))
    buffer = BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def jpeg(width: int, height: int) -> bytes:
    buffer = BytesIO()
    Image.new("RGB", (width, height), (20, 60, 120)).save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def with_files(publication):
    """``publication`` with a PDF and a hero image, saved, and read back with the resized copies
    the task made (at once in tests)."""
    publication.pdf.save("embargoed-report.pdf", ContentFile(b"%PDF-1.7 the report"), save=False)
    publication.hero_image.save("embargoed-hero.png", ContentFile(png(1200, 600)), save=False)
    publication.hero_alt = "A substation"
    publication.save()
    publication.refresh_from_db()
    return publication


def file_urls(publication) -> list[str]:
    """The addresses of its PDF, its hero image and each resized copy, in that order."""
    urls = [publication.pdf.url, publication.hero_image.url]
    urls += [
        publication.hero_image.storage.url(r["name"]) for r in publication.hero_renditions.get("sizes", [])
    ]
    return urls
