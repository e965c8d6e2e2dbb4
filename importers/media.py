"""Files from the WordPress uploads folder (``--media-dir``, the ``wp-content/uploads`` tree):
hero images, PDFs and files linked from bodies, read by ``_wp_attached_file`` and checked by
their content as the admin's uploads are."""

from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from PIL import Image, UnidentifiedImageError

from core.uploads import IMAGE_FORMATS, PDF_MAGIC

from .index import Attachment
from .models import ImportedItem


class MediaError(Exception):
    """A file that cannot be used: the message says why."""


class Media:
    def __init__(self, media_dir: Path | None, site: str, dry_run: bool):
        self.media_dir = media_dir.resolve() if media_dir else None
        self.site = site
        self.dry_run = dry_run
        self._urls: dict[str, str | None] = {}

    def source(self, relative: str) -> Path:
        """The file in the uploads folder; never a path outside it."""
        if self.media_dir is None:
            raise MediaError("no --media-dir given")
        path = (self.media_dir / relative.lstrip("/")).resolve()
        if not path.is_relative_to(self.media_dir):
            raise MediaError(f"{relative} is outside the media folder")
        if not path.is_file():
            raise MediaError(f"file missing from the media folder: {relative}")
        return path

    def check_image(self, path: Path) -> None:
        if path.stat().st_size > settings.MAX_IMAGE_UPLOAD_MB * 1024 * 1024:
            raise MediaError(f"{path.name} is larger than {settings.MAX_IMAGE_UPLOAD_MB} MB")
        try:
            with Image.open(path) as image:
                image_format, (width, height) = image.format, image.size
                image.verify()
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
            raise MediaError(f"{path.name} is not an image we can read") from None
        if image_format not in IMAGE_FORMATS:
            raise MediaError(f"{path.name} is a {image_format} image; only JPEG, PNG, WebP and GIF are shown")
        if width * height > settings.MAX_IMAGE_MEGAPIXELS * 1_000_000:
            raise MediaError(f"{path.name} has more than {settings.MAX_IMAGE_MEGAPIXELS} megapixels")

    def check_pdf(self, path: Path) -> None:
        with open(path, "rb") as handle:
            if handle.read(len(PDF_MAGIC)) != PDF_MAGIC:
                raise MediaError(f"{path.name} is not a PDF")
        if path.stat().st_size > settings.MAX_PDF_UPLOAD_MB * 1024 * 1024:
            raise MediaError(f"{path.name} is larger than {settings.MAX_PDF_UPLOAD_MB} MB")

    def attach(self, field_file, attachment: Attachment, check) -> None:
        """Copy the attachment's file into ``field_file`` (a hero image or PDF field)."""
        path = self.source(attachment.file)
        check(path)
        if not self.dry_run:
            with open(path, "rb") as handle:
                field_file.save(path.name, File(handle), save=False)

    def hero_and_pdf(
        self, publication, hero: Attachment | None, pdf: Attachment | None, before: dict, report
    ):
        """Copy ``hero`` (with its description and caption) and ``pdf`` into the publication,
        unless they are the files an earlier run copied (``before``). Returns notes for the
        report and which WordPress files the publication now holds."""
        notes, files = [], {}
        for attachment, field_name, check in (
            (hero, "hero_image", self.check_image),
            (pdf, "pdf", self.check_pdf),
        ):
            if attachment is None:
                continue
            if before.get(field_name) == attachment.file and getattr(publication, field_name):
                files[field_name] = attachment.file
                continue
            try:
                self.attach(getattr(publication, field_name), attachment, check)
            except MediaError as error:
                notes.append(f"{field_name.replace('_', ' ')} not imported: {error}")
                continue
            files[field_name] = attachment.file
            report.count("media files", "created")
            if field_name == "hero_image":
                publication.hero_alt = (attachment.alt or attachment.title or publication.title)[:250]
                publication.hero_caption = attachment.caption[:300]
                if not attachment.alt:
                    notes.append("featured image has no alt text: its title was used; check it")
        return notes, files

    def file_url(self, attachment: Attachment | None, relative: str, report) -> str | None:
        """The address of an uploaded file linked from a body, copied once into storage (as an
        ``ImportedItem`` of its own, so the uploads view serves it); None when it is not there."""
        if relative in self._urls:
            return self._urls[relative]
        url = None
        try:
            path = self.source(relative)
        except MediaError:
            path = None
        if path is not None:
            wp_id = attachment.wp_id if attachment else f"file:{relative}"
            record = ImportedItem.objects.filter(
                site=self.site, kind=ImportedItem.Kind.ATTACHMENT, wp_id=wp_id
            )
            record = record.first() or ImportedItem(
                site=self.site, kind=ImportedItem.Kind.ATTACHMENT, wp_id=wp_id
            )
            if record.file:
                url = record.file.url
                report.count("media files", "unchanged")
            elif self.dry_run:
                url = default_storage.url(f"imports/wordpress/{relative}")
                report.count("media files", "created")
            else:
                with open(path, "rb") as handle:
                    record.file.save(relative, File(handle), save=False)
                record.save()
                url = record.file.url
                report.count("media files", "created")
        self._urls[relative] = url
        return url
