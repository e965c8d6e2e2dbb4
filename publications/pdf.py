"""The PDF of a publication, ``/publications/<slug>/pdf/``: the staff-uploaded file where there
is one, otherwise one WeasyPrint makes from the same source as the page (a cover, contents, the
body with its notes as footnotes, page numbers and the page's address).

A generated file is kept in the default storage as ``generated/publication-pdf/<pk>/<version>.pdf``,
where ``version`` is a hash of everything it shows and of the code, template and stylesheet that
lay it out: an edit gives a new name, and storing the new file deletes the others. It is made by a
task after each save of a published piece (tasks.py) or, until then, by the first request that
asks for it. No file field points into that folder, so website/uploads.py never serves it at a
/media/ address: the view, which applies the embargo, is the only way to it.

WeasyPrint fetches nothing over the network: ``local_fetcher`` hands it our static files and the
publication's own hero image, read from disk and storage, and refuses everything else.
"""

import hashlib
import json
import logging
import mimetypes
import posixpath
import re
from functools import cache
from io import BytesIO
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import FileResponse
from django.template import loader
from django.utils import timezone
from PIL import Image, ImageOps

from core import surrogates
from core.links import absolute_url

from . import library
from .models import SEARCH_FIELDS, Publication, byline

logger = logging.getLogger(__name__)
# WeasyPrint logs every step of every document at INFO: noise in the worker's log. Its warnings
# (an address refused, a CSS rule it does not know) still come through.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

FOLDER = "generated/publication-pdf"
# How long browsers and shared caches may keep a public PDF: short, as for uploads
# (website/uploads.py), since unpublishing a piece makes it private again.
PUBLIC_MAX_AGE = 600
TEMPLATE = "publications/publication_pdf.html"
STYLESHEET = "css/pdf.css"
# The cover shows the hero at most this wide, so a 40-megapixel upload does not become a 40 MB PDF.
COVER_IMAGE_PIXELS = 1600


def source():
    """Publications with what their PDF shows: type, series and byline."""
    return (
        Publication.objects.select_related("type", "series").prefetch_related(byline()).defer(*SEARCH_FIELDS)
    )


def folder(publication_id: int) -> str:
    return f"{FOLDER}/{publication_id}"


@cache
def _design() -> str:
    """What lays the PDF out (this module, the template, the stylesheet): a change to any of them,
    deployed, makes every PDF anew."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update(loader.get_template(TEMPLATE).template.source.encode())
    digest.update(_static_file(STYLESHEET) or b"")
    return digest.hexdigest()


def _shown_date(publication: Publication) -> str:
    if publication.published_at is None:
        return ""
    return timezone.localtime(publication.published_at).date().isoformat()


def version(publication: Publication) -> str:
    """A hash of everything the generated PDF shows: the same content, the same name."""
    shown = {
        "title": publication.title,
        "dek": publication.dek,
        "summary": publication.summary,
        "body": publication.body_html,
        "type": publication.type.name,
        "series": publication.series.name if publication.series else "",
        "authors": [[a.name, a.role, a.bio] for a in publication.ordered_authors()],
        "date": _shown_date(publication),
        "final": publication.status == Publication.Status.PUBLISHED,
        "hero": [publication.hero_image.name or "", publication.hero_alt, publication.hero_credit],
        "address": absolute_url(publication.get_absolute_url()),
        "site": settings.SITE_NAME,
        "design": _design(),
    }
    return hashlib.sha256(json.dumps(shown, sort_keys=True).encode()).hexdigest()[:24]


def stored_name(publication: Publication) -> str:
    return f"{folder(publication.pk)}/{version(publication)}.pdf"


def ensure(publication: Publication) -> tuple[str, bool]:
    """The stored name of ``publication``'s generated PDF, made and stored first if this version
    is not there yet (the older ones are then deleted), and whether it was made now."""
    name = stored_name(publication)
    if default_storage.exists(name):
        return name, False
    saved = default_storage.save(name, ContentFile(render(publication)))
    if saved != name:  # made at the same moment by another process: keep one
        default_storage.delete(saved)
    prune(publication.pk, keep=name)
    return name, True


def stored_files(publication_id: int) -> list[str]:
    try:
        return [
            f"{folder(publication_id)}/{name}" for name in default_storage.listdir(folder(publication_id))[1]
        ]
    except FileNotFoundError:
        return []


def prune(publication_id: int, keep: str = "") -> None:
    """Deletes the generated PDFs of a publication, but ``keep``."""
    for name in stored_files(publication_id):
        if name != keep:
            default_storage.delete(name)


def response(publication: Publication, *, public: bool) -> FileResponse:
    """The PDF to show in the browser, under a file name made from the slug: the uploaded one
    when it is there, else the generated one. ``public`` ones may be kept by browsers and
    shared caches (named by the publication's surrogate key, so an edit purges them at the
    edge); the rest, staff previews, by nobody."""
    opened = None
    if publication.pdf:
        try:
            opened = publication.pdf.storage.open(publication.pdf.name, "rb")
        except FileNotFoundError:
            logger.warning("The uploaded PDF %s is missing; serving the generated one.", publication.pdf.name)
    if opened is None:
        opened = default_storage.open(ensure(publication)[0], "rb")
    answer = FileResponse(opened, content_type="application/pdf", filename=f"{publication.slug}.pdf")
    if public:
        answer["Cache-Control"] = f"public, max-age={PUBLIC_MAX_AGE}"
        answer.surrogate_keys = [surrogates.key_for(publication)]
    else:
        answer["Cache-Control"] = "private, no-store"
        answer["X-Robots-Tag"] = "noindex, nofollow"
    return answer


# Rendering ---------------------------------------------------------------------------------

_NOTES_SECTION = re.compile(r'<h([234]) id="notes">.*?</h\1>(.*?)<ol class="notes"[^>]*>(.*?)</ol>', re.S)
_NOTE = re.compile(r'<li id="note-(\d+)">(.*?)</li>', re.S)
_NOTE_BACK = re.compile(r'\s*<a href="#note-ref-\d+" class="note-back"[^>]*>.*?</a>', re.S)
_NOTE_REF = re.compile(
    r'<sup class="note-ref" id="note-ref-(\d+)(-\d+)?"><a href="#note-\1"[^>]*>\1</a></sup>', re.S
)
_PARAGRAPH_TAGS = re.compile(r"</?p>")


def print_body(body_html: str) -> str:
    """The rendered body (publications/body.py) with its notes as footnotes: each note moves to
    its first reference, where the stylesheet floats it to the foot of the page, and the "Notes"
    list goes. Should a note have no reference, the list stays as endnotes, linked both ways."""
    section = _NOTES_SECTION.search(body_html)
    if not section:
        return body_html
    notes = {
        number: _PARAGRAPH_TAGS.sub(" ", _NOTE_BACK.sub("", text)).strip()
        for number, text in _NOTE.findall(section.group(3))
    }
    referenced = {match.group(1) for match in _NOTE_REF.finditer(body_html, 0, section.start())}
    if set(notes) - referenced:
        return body_html
    placed: set[str] = set()

    def footnote(match: re.Match) -> str:
        number = match.group(1)
        if number in placed:
            return f'<sup class="note-again">{number}</sup>'
        placed.add(number)
        return f'<span class="footnote" data-note="{number}">{notes[number]}</span>'

    text = _NOTE_REF.sub(footnote, body_html[: section.start()])
    between = section.group(2).strip()
    return text + between + body_html[section.end() :]


def context(publication: Publication) -> dict:
    authors = publication.ordered_authors()
    return {
        "publication": publication,
        "authors": authors,
        "byline": _byline([author.name for author in authors]),
        "body": print_body(library.reading_html(publication.body_html, url=_media_url)),
        "sections": [entry for entry in publication.toc if entry["level"] == 2],
        "address": absolute_url(publication.get_absolute_url()),
        "site_name": settings.SITE_NAME,
        "final": publication.status == Publication.Status.PUBLISHED,
        "cover_image": _media_url(publication.hero_image.name) if publication.hero_image else "",
    }


def _byline(names: list[str]) -> str:
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def _media_url(name: str) -> str:
    """An address for an upload that only ``local_fetcher`` answers (whatever the storage's own
    addresses are, say a bucket's): it reads the file from storage."""
    return absolute_url(settings.MEDIA_URL) + quote(name)


def render(publication: Publication) -> bytes:
    """``publication`` as a PDF, laid out by WeasyPrint from the print template and stylesheet."""
    from weasyprint import HTML  # loading it takes a moment: only processes that render pay it

    html = loader.render_to_string(TEMPLATE, context(publication))
    media = {publication.hero_image.name} if publication.hero_image else set()
    for image in library.BodyImage.objects.filter(uses__publication=publication):
        media |= {image.image.name, *(copy["name"] for copy in (image.renditions or {}).get("sizes", []))}
    document = HTML(string=html, base_url=absolute_url("/"), url_fetcher=local_fetcher(media))
    # PDF/UA: tagged, so screen readers follow headings, lists, tables and the image's description.
    return document.write_pdf(pdf_variant="pdf/ua-1")


def local_fetcher(media: set[str]):
    """A WeasyPrint URL fetcher that reads our static files from disk and the uploads named in
    ``media`` from storage, and refuses any other address (an image in the body that points
    elsewhere) without opening a connection."""
    return _local_fetcher_class()(media)


class Refused(ValueError):
    """An address the PDF may not fetch; WeasyPrint logs it and leaves the image out."""


@cache
def _local_fetcher_class():
    # Defined on first use, as WeasyPrint is imported only by processes that render.
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalFetcher(URLFetcher):
        def __init__(self, media: set[str]):
            super().__init__(allowed_protocols=set())
            self.media = media
            self.static_prefix = absolute_url(settings.STATIC_URL)
            self.media_prefix = absolute_url(settings.MEDIA_URL)

        def fetch(self, url, headers=None):
            body, content_type = None, ""
            if url.startswith(self.static_prefix):
                name = _clean(url[len(self.static_prefix) :])
                body = _static_file(name) if name else None
                content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
            elif url.startswith(self.media_prefix):
                name = _clean(url[len(self.media_prefix) :])
                body = _cover_image(name) if name in self.media else None
                content_type = "image/jpeg"
            if body is None:
                raise Refused(f"not fetched: {url} (only our static files and the publication's uploads are)")
            return URLFetcherResponse(url, body, {"Content-Type": content_type})

    return LocalFetcher


def _clean(path: str) -> str:
    """A storage or static name from the rest of a URL, or "" for one that climbs out."""
    name = posixpath.normpath(unquote(urlsplit(path).path)).lstrip("/")
    return "" if name.startswith("..") or name == "." else name


def _static_file(name: str) -> bytes | None:
    """A static file from its source folder (development, tests) or as collected (hashed names)."""
    found = finders.find(name)
    if found:
        return Path(found).read_bytes()
    if staticfiles_storage.exists(name):
        with staticfiles_storage.open(name) as collected:
            return collected.read()
    return None


def _cover_image(name: str) -> bytes:
    """The hero image from storage, at most ``COVER_IMAGE_PIXELS`` wide, as a JPEG."""
    with default_storage.open(name, "rb") as stored, Image.open(stored) as original:
        image = ImageOps.exif_transpose(original).convert("RGB")
    image.thumbnail((COVER_IMAGE_PIXELS, COVER_IMAGE_PIXELS))
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=82, optimize=True)
    return buffer.getvalue()
