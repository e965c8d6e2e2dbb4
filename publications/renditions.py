"""Hero image renditions: a few smaller copies made once per upload, for ``srcset``, by a task
(publications/tasks.py).

Everything goes through the field's storage (``open``, ``save``, ``delete``, ``url``), never
the file system, so the same code works on local disk and on S3-compatible storage.
"""

from io import BytesIO
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from PIL import Image, ImageOps

# Wide enough for a phone, a laptop column, and a large high-density screen.
HERO_WIDTHS = (480, 960, 1440, 1920)
# How wide the hero shows on the page (site.css: at most 60rem less the page's 1.25rem side
# padding), for the browser to pick from ``srcset`` before it has laid the page out.
HERO_SIZES = "(min-width: 60rem) 57.5rem, calc(100vw - 2.5rem)"
RENDITION_QUALITY = 82


def _rendition_name(source: str, width: int) -> str:
    path = PurePosixPath(source)
    return str(path.parent / "renditions" / f"{path.stem}-{width}w.webp")


def make_renditions(field_file, widths: tuple[int, ...] = HERO_WIDTHS) -> dict:
    """Resize the image in ``field_file`` to each of ``widths`` narrower than it.

    Returns what the publication keeps: the source's name (to know when it changes) and, per
    rendition, its stored name and pixel size. EXIF rotation is applied, so the copies are the
    right way up and their sizes are the ones the browser will show."""
    storage = field_file.storage
    with storage.open(field_file.name, "rb") as source, Image.open(source) as original:
        image = ImageOps.exif_transpose(original)
        image = image.convert("RGBA" if image.mode in {"RGBA", "LA", "P"} else "RGB")
    renditions = []
    for width in widths:
        if width >= image.width:
            break
        height = round(image.height * width / image.width)
        copy = image.resize((width, height), Image.Resampling.LANCZOS)
        buffer = BytesIO()
        copy.save(buffer, "WEBP", quality=RENDITION_QUALITY, method=4)
        name = storage.save(_rendition_name(field_file.name, width), ContentFile(buffer.getvalue()))
        renditions.append({"name": name, "width": width, "height": height})
    return {"source": field_file.name, "width": image.width, "height": image.height, "sizes": renditions}


def delete_renditions(storage, renditions: dict) -> None:
    for rendition in renditions.get("sizes", []):
        storage.delete(rendition["name"])


def outdated_copies(field_file, copies: dict) -> bool:
    """Whether ``copies`` (what ``make_renditions`` returned) are not those of the image now in
    ``field_file`` (or there are copies and no image any more)."""
    return (copies or {}).get("source", "") != (field_file.name if field_file else "")


def outdated(publication) -> bool:
    """Whether the stored copies are not those of the current hero image."""
    return outdated_copies(publication.hero_image, publication.hero_renditions)


def sync_renditions(publication) -> bool:
    """Make renditions for a new hero image and drop those of a replaced one.

    Returns whether anything changed (the caller stores ``hero_renditions``)."""
    if not outdated(publication):
        return False
    current = publication.hero_renditions or {}
    source = publication.hero_image.name if publication.hero_image else ""
    storage = publication.hero_image.storage
    if current:
        delete_renditions(storage, current)
    publication.hero_renditions = make_renditions(publication.hero_image) if source else {}
    return True


def hero_attributes(publication) -> dict:
    """What the hero ``<img>`` needs: ``src``, ``srcset``, ``sizes``, ``width`` and ``height``.

    The width and height come from the stored renditions record, so no request reads the
    image (which on remote storage would be a download). The original joins ``srcset`` only
    when it is no larger than the largest rendition; ``src`` is a middle-sized copy."""
    if not publication.hero_image:
        return {}
    renditions = publication.hero_renditions or {}
    if renditions.get("source") != publication.hero_image.name:
        return {"src": publication.hero_image.url}
    storage = publication.hero_image.storage
    sizes = renditions.get("sizes", [])
    candidates = [(storage.url(r["name"]), r["width"]) for r in sizes]
    if renditions["width"] <= HERO_WIDTHS[-1]:
        candidates.append((publication.hero_image.url, renditions["width"]))
    middle = next((url for url, width in candidates if width >= HERO_WIDTHS[1]), candidates[-1][0])
    return {
        "src": middle,
        "srcset": ", ".join(f"{url} {width}w" for url, width in candidates),
        "sizes": HERO_SIZES,
        "width": renditions["width"],
        "height": renditions["height"],
    }
