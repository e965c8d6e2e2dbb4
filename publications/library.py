"""The media library: images uploaded once and put in the body of any publication, each with a
description (alt text), caption and credit, and for a chart the data behind it.

An image is as public as the publications whose body shows it (``BodyImageUse``, kept by
``Publication.save``): the media view (website/uploads.py) asks ``visible_to`` as it does for a
hero image, so an image only in drafts is a 404 to the public. Staff see what they may see of
those publications, and an author also the images they uploaded.

Resized copies are made when the image is uploaded (``add_image``): the editor is waiting to
insert it, and the page it goes into should have them from its first view.
"""

from django.apps import apps
from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models, transaction
from django.db.models import Exists, OuterRef

from core.uploads import validate_data_upload, validate_image_upload

from . import figures, renditions

# The same permissions as publications.models (which imports this module, so they are not
# imported from there).
PUBLISH = "publications.publish_publication"
WRITE = "publications.add_publication"


def _publications():
    # Publication is defined in models.py, which imports this module: asked for by name.
    return apps.get_model("publications", "Publication").objects


class BodyImageQuerySet(models.QuerySet):
    def _used_in(self, publications):
        uses = BodyImageUse.objects.filter(image=OuterRef("pk"), publication__in=publications.values("pk"))
        return Exists(uses)

    def published(self):
        """Images shown by at least one publication that ``published()`` shows."""
        return self.filter(self._used_in(_publications().published()))

    def visible_to(self, user):
        """What ``user`` may see and pick: editors everything; authors what they uploaded and
        what the publications they may see show; everyone else what is published."""
        if not (user.is_active and user.is_staff):
            return self.published()
        if user.has_perm(PUBLISH):
            return self.all()
        if user.has_perm(WRITE):
            return self.filter(models.Q(uploaded_by=user) | self._used_in(_publications().visible_to(user)))
        return self.published()


class BodyImage(models.Model):
    image = models.ImageField(
        upload_to="publications/body/%Y/",
        validators=[validate_image_upload],
        help_text="A JPEG, PNG, WebP or GIF; copies sized for phones and laptops are made at once.",
    )
    alt = models.CharField(
        "description (alt text)",
        max_length=250,
        help_text="What the image shows, for readers who cannot see it; for a chart, what it tells.",
    )
    caption = models.CharField(max_length=300, blank=True)
    credit = models.CharField(max_length=200, blank=True, help_text='For example "Photo: Ada Okafor".')
    data_file = models.FileField(
        "data (for a chart)",
        upload_to="publications/data/%Y/",
        blank=True,
        validators=[FileExtensionValidator(["csv", "xlsx"]), validate_data_upload],
        help_text="The numbers behind a chart, as CSV or XLSX: offered for download under it.",
    )
    data_size = models.PositiveIntegerField(default=0, editable=False)
    # The resized copies and their sizes; see publications/renditions.py.
    renditions = models.JSONField(default=dict, blank=True, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    objects = BodyImageQuerySet.as_manager()

    # Resized copies of the image, listed in a JSON field (website/uploads.py finds them).
    DERIVED_FILES = {"renditions": "image"}

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        verbose_name = "image in the media library"
        verbose_name_plural = "media library"

    def __str__(self) -> str:
        return self.alt or self.image.name

    def save(self, *args, **kwargs):
        if self.data_file and not self.data_size:
            self.data_size = self.data_file.size
        if not self.data_file:
            self.data_size = 0
        super().save(*args, **kwargs)
        if renditions.outdated_copies(self.image, self.renditions):
            if self.renditions:
                renditions.delete_renditions(self.image.storage, self.renditions)
            self.renditions = renditions.make_renditions(self.image, figures.BODY_WIDTHS)
            BodyImage.objects.filter(pk=self.pk).update(renditions=self.renditions)


class BodyImageUse(models.Model):
    """A publication's body shows this image. Kept by ``Publication.save`` from the body; an
    image in use cannot be deleted from the library."""

    publication = models.ForeignKey("publications.Publication", on_delete=models.CASCADE, related_name="+")
    image = models.ForeignKey(BodyImage, on_delete=models.PROTECT, related_name="uses")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["publication", "image"], name="one_use_per_image")]

    def __str__(self) -> str:
        return f"Image {self.image_id} in publication {self.publication_id}"


def sync_uses(publication, body: str, *, new: bool) -> None:
    """Record which library images ``body`` shows, once ``publication`` is saved (``new``: it
    was not in the database before)."""
    ids = figures.image_ids(body)
    if new and not ids:
        return
    BodyImageUse.objects.filter(publication=publication).exclude(image_id__in=ids).delete()
    if ids:
        existing = set(BodyImage.objects.filter(pk__in=ids).values_list("pk", flat=True))
        BodyImageUse.objects.bulk_create(
            [BodyImageUse(publication=publication, image_id=pk) for pk in ids if pk in existing],
            ignore_conflicts=True,
        )


def reading_html(body_html: str, url=None) -> str:
    """The body as the page shows it, its library images read in one query (none without)."""
    ids = figures.image_ids(body_html)
    if not ids:
        return body_html
    images = BodyImage.objects.in_bulk(ids)
    return figures.for_reading(body_html, images, url=url)


def add_image(*, by, image, alt: str, caption: str = "", credit: str = "", data_file=None) -> BodyImage:
    """Put an uploaded image (already validated, as a form does) in the library."""
    with transaction.atomic():
        entry = BodyImage(image=image, alt=alt, caption=caption, credit=credit, uploaded_by=by)
        if data_file:
            entry.data_file = data_file
        entry.save()
    return entry
