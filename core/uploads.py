"""Checks on uploaded files, by what they contain rather than what they are called.

Used as model field validators, so every form that cleans the model (the admin first)
refuses a bad file with a message saying why. A file already stored is not re-read on
every save: only a new upload is opened, which matters when the storage is remote.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from PIL import Image, UnidentifiedImageError

# Formats a browser shows everywhere; anything else is refused rather than served broken.
IMAGE_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP", "GIF": "GIF"}
PDF_MAGIC = b"%PDF-"


def _is_new_upload(value) -> bool:
    # A FieldFile that is already in storage is "committed"; a fresh upload is not yet.
    return not getattr(value, "_committed", True)


def _check_size(value, limit_mb: int, what: str) -> None:
    limit = limit_mb * 1024 * 1024
    if value.size > limit:
        raise ValidationError(
            "This %(what)s is %(size)s; the largest allowed is %(limit)s.",
            code="file_too_large",
            params={"what": what, "size": filesizeformat(value.size), "limit": filesizeformat(limit)},
        )


def validate_image_upload(value) -> None:
    """A real JPEG, PNG, WebP or GIF within the size and pixel limits."""
    if not value or not _is_new_upload(value):
        return
    _check_size(value, settings.MAX_IMAGE_UPLOAD_MB, "image")
    upload = value.file
    position = upload.tell()
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image_format, (width, height) = image.format, image.size
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            "This file is not an image we can read. Upload a JPEG, PNG, WebP or GIF.",
            code="invalid_image",
        ) from None
    finally:
        upload.seek(position)
    if image_format not in IMAGE_FORMATS:
        raise ValidationError(
            "This image is a %(format)s file. Upload a JPEG, PNG, WebP or GIF.",
            code="image_format",
            params={"format": image_format or "unknown"},
        )
    if width * height > settings.MAX_IMAGE_MEGAPIXELS * 1_000_000:
        raise ValidationError(
            "This image is %(width)s × %(height)s pixels; the largest allowed is %(limit)s megapixels.",
            code="image_too_large",
            params={"width": width, "height": height, "limit": settings.MAX_IMAGE_MEGAPIXELS},
        )


def validate_pdf_upload(value) -> None:
    """A file that starts like a PDF, within the size limit."""
    if not value or not _is_new_upload(value):
        return
    _check_size(value, settings.MAX_PDF_UPLOAD_MB, "PDF")
    upload = value.file
    position = upload.tell()
    try:
        upload.seek(0)
        head = upload.read(len(PDF_MAGIC))
    finally:
        upload.seek(position)
    if head != PDF_MAGIC:
        raise ValidationError(
            "This file is not a PDF. Export the document as PDF and upload that.", code="not_pdf"
        )


ZIP_MAGIC = b"PK\x03\x04"  # an XLSX workbook is a zip archive


def validate_data_upload(value) -> None:
    """A chart's data: a CSV file of text or an XLSX workbook, within the size limit."""
    if not value or not _is_new_upload(value):
        return
    _check_size(value, settings.MAX_DATA_UPLOAD_MB, "data file")
    upload = value.file
    position = upload.tell()
    try:
        upload.seek(0)
        head = upload.read(64 * 1024)
    finally:
        upload.seek(position)
    if value.name.lower().endswith(".xlsx"):
        if not head.startswith(ZIP_MAGIC):
            raise ValidationError(
                "This file is not an Excel workbook. Save it as .xlsx or as CSV and upload that.",
                code="not_xlsx",
            )
        return
    not_text = ValidationError(
        "This file is not CSV text. Export the table as CSV (UTF-8) and upload that.", code="not_csv"
    )
    if b"\x00" in head:
        raise not_text
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # What was read may end in the middle of a character; anywhere else, it is not text.
        if error.start < len(head) - 3:
            raise not_text from None
