from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import connections, models
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django_prose_editor.fields import ProseEditorField
from taggit.managers import TaggableManager
from taggit.models import Tag, TaggedItem

from core.models import KindOfWork
from core.slugs import also_save, unique_slug
from core.uploads import validate_image_upload, validate_pdf_upload

from . import body, library, related, renditions
from .fulltext import engines as search_engines

# Permissions that decide what staff see (``visible_to``) and may do (workflow.py).
PUBLISH = "publications.publish_publication"
# Writing publications: who holds it sees their own unpublished work.
WRITE = "publications.add_publication"

RELATED_LIMIT = 4
# What search reads and pages do not: left in the database by pages that load whole rows.
SEARCH_FIELDS = ("search_vector", "search_text")


class PublicationType(KindOfWork):
    name = models.CharField(max_length=80, unique=True, help_text='For example "Policy Memo".')
    plural_name = models.CharField(max_length=80, blank=True, help_text='For example "Policy Memos".')
    slug = models.SlugField(max_length=100, unique=True, blank=True)
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Lower numbers come first in menus and filters."
    )

    class Meta:
        ordering = ["position", "name"]


def is_public() -> Q:
    """The one rule of visibility, as a condition: published, and its time has come."""
    return Q(status=Publication.Status.PUBLISHED, published_at__lte=timezone.now())


def owned_by(user) -> Q:
    """Publications ``user`` started or is on the byline of (through their expert record)."""
    bylined = Authorship.objects.filter(publication=OuterRef("pk"), author__user=user)
    return Q(created_by=user) | Q(Exists(bylined))


def byline() -> Prefetch:
    """A publication's authorships in byline order, with their experts: for ``prefetch_related``,
    or ``prefetch_related_objects`` on a publication already read."""
    return Prefetch(
        "authorships", queryset=Authorship.objects.select_related("author").order_by("position", "id")
    )


class PublicationQuerySet(models.QuerySet):
    def published(self):
        """The one rule of visibility: published, and its time has come."""
        return self.filter(is_public())

    def visible_to(self, user):
        """What ``user`` may see, unpublished work included, in the admin, previews and files.

        Editors (who may publish) and superusers see everything; staff who write (Authors)
        their own work and whatever is public; everyone else, staff included, only what
        ``published()`` shows. Whatever this hides answers 404, so ids reveal nothing."""
        if not (user.is_active and user.is_staff):
            return self.published()
        if user.has_perm(PUBLISH):
            return self.all()
        if user.has_perm(WRITE):
            return self.filter(owned_by(user) | is_public())
        return self.published()

    def tags(self):
        """The tags these publications carry, as a queryset of tags."""
        tagged = TaggedItem.objects.filter(
            content_type=ContentType.objects.get_for_model(Publication), object_id__in=self.values("pk")
        )
        return Tag.objects.filter(pk__in=tagged.values("tag_id"))

    def next_going_live(self):
        """When ``published()`` next changes by itself: the earliest date of a publication
        scheduled for later, or None. Caches keep nothing past it."""
        scheduled = self.filter(status=Publication.Status.PUBLISHED, published_at__gt=timezone.now())
        return scheduled.order_by("published_at").values_list("published_at", flat=True).first()

    def in_regions(self, regions):
        """These publications filed under any of ``regions`` (regions, their ids, or a queryset
        such as ``Region.objects.within(asia)``), each once, in one statement."""
        filed = Publication.regions.through.objects.filter(region__in=regions)
        return self.filter(pk__in=filed.values("publication_id"))

    def with_bylines(self):
        """Publications with their type, series and ordered authors, in a fixed number of
        queries. What search reads (the vector, stored in the row and larger than the text, and the
        snippets' text) is left in the database."""
        return self.select_related("type", "series").prefetch_related(byline()).defer(*SEARCH_FIELDS)

    def in_any(self, *parts):
        """These publications whose pk is in any of ``parts`` (querysets of pks, each of which
        may be ordered and sliced), in one statement: ``pk IN (a UNION b…)``, which the database
        answers from the parts, where ``pk IN a OR pk IN b`` can make it read every row. Each part
        goes in a subquery of its own where the database takes no LIMIT in a UNION (SQLite)."""
        if not connections[self.db].features.supports_slicing_ordering_in_compound:
            parts = [
                self.model.objects.order_by().filter(pk__in=part).values_list("pk", flat=True)
                for part in parts
            ]
        return self.filter(pk__in=parts[0].union(*parts[1:]))

    def with_cards(self):
        """What a list of publication cards shows: ``with_bylines()``, without the text."""
        return self.with_bylines().defer("body", "body_html", "toc")

    def card_rows(self):
        """``with_cards()`` without reading the bylines: for lists whose cards are kept between
        renders (publications/fragments.py), which read them only for the cards not kept."""
        return self.with_cards().prefetch_related(None)

    def search(self, query: str):
        """Publications matching ``query`` (web-search syntax: "a phrase", -word, or), best
        first. Postgres full-text search, with a plainer fallback elsewhere: see publications/fulltext/."""
        return search_engines.search(self, query)

    def related_to(self, publication: "Publication", limit: int = RELATED_LIMIT) -> list:
        """Up to ``limit`` of these publications for "Recent & Related" under ``publication``:
        hand-picked items first, then others ranked by what they share with it (the series,
        then authors, areas and tags, then recency). See related.py."""
        return related.related_to(self, publication, limit)


class Publication(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        IN_REVIEW = "review", "In review"
        PUBLISHED = "published", "Published"

    title = models.CharField(max_length=255)
    slug = models.SlugField(
        max_length=255,
        unique=True,
        blank=True,
        help_text="The last part of the web address. Leave empty to make one from the title; "
        "avoid changing it once published, as links to the old address will break.",
    )
    type = models.ForeignKey(PublicationType, on_delete=models.PROTECT, related_name="publications")
    dek = models.CharField(
        max_length=300, blank=True, help_text="The one-line subtitle shown under the title."
    )
    summary = models.TextField(
        blank=True,
        help_text="Two or three plain sentences for lists, cards, search engines and newsletters.",
    )
    body = ProseEditorField(
        extensions=body.PUBLICATION_EXTENSIONS,
        sanitize=body.sanitize_with_media,
        blank=True,
        help_text="Use Heading 2 for sections (they make the table of contents). For footnotes, "
        "type the note number as superscript in the text and put the notes as a numbered list "
        'under a final heading "Notes". Choose "Pull quote" in the block style menu for a pull quote. '
        "The image button inserts a figure: Browse uploads an image or picks one from the media "
        "library; every image needs its description. The video button takes a YouTube or Vimeo link.",
    )
    body_html = models.TextField(editable=False, blank=True)
    toc = models.JSONField(editable=False, default=list, blank=True)
    word_count = models.PositiveIntegerField(editable=False, default=0)
    authors = models.ManyToManyField(
        "authors.Author", through="Authorship", related_name="publications", blank=True
    )
    areas = models.ManyToManyField(
        "research_areas.ResearchArea",
        related_name="publications",
        blank=True,
        verbose_name="research areas",
    )
    regions = models.ManyToManyField(
        "regions.Region",
        related_name="publications",
        blank=True,
        help_text="The places it is about. Its region's pages list it, and so do those of the "
        "broader regions they lie in.",
    )
    series = models.ForeignKey(
        "series.Series",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="publications",
    )
    tags = TaggableManager(blank=True, help_text="Topics, comma-separated.")
    hero_image = models.ImageField(
        upload_to="publications/heroes/%Y/",
        blank=True,
        validators=[validate_image_upload],
        help_text="A JPEG, PNG or WebP, ideally 1920 pixels wide or more; smaller copies for phones "
        "and laptops are made automatically.",
    )
    hero_alt = models.CharField(
        "hero image description",
        max_length=250,
        blank=True,
        help_text="What the image shows, for readers who cannot see it. Required with an image.",
    )
    hero_caption = models.CharField(max_length=300, blank=True)
    hero_credit = models.CharField(max_length=200, blank=True)
    # The resized copies of the hero image and their sizes; see publications/renditions.py.
    hero_renditions = models.JSONField(default=dict, blank=True, editable=False)
    pdf = models.FileField(
        "PDF",
        upload_to="publications/pdf/%Y/",
        blank=True,
        validators=[FileExtensionValidator(["pdf"]), validate_pdf_upload],
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(
        "publication date",
        null=True,
        blank=True,
        db_index=True,
        help_text="A date in the future schedules the publication: it appears on the site by "
        "itself at that time. Left empty, publishing sets it to now.",
    )
    featured = models.BooleanField(default=False, help_text="Show on the home page.")
    # The editorial workflow (publications/workflow.py). Set by its actions, never by a form.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="submitted for review by",
    )
    submitted_at = models.DateTimeField("submitted for review at", null=True, blank=True, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="published or scheduled by",
    )
    checks_override = models.TextField(
        "why it was published despite failed checks", blank=True, editable=False
    )
    # Part of every preview share link; changing it withdraws all links made so far.
    share_key = models.CharField(max_length=32, blank=True, editable=False)
    related = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="+",
        verbose_name="hand-picked related publications",
        help_text='Shown first under "Recent & Related"; the rest are chosen automatically.',
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Kept current by publications/search/signals.py on every change to the publication, its
    # authors, areas or tags. Filled and GIN-indexed on Postgres only (migration 0002 makes
    # the index there); elsewhere it stays empty and search uses a simpler fallback.
    search_vector = SearchVectorField(null=True, editable=False)
    # Kept with the vector, on Postgres only: the summary and the start of the body as plain
    # text, which search results' snippets are cut from without reading the body.
    search_text = models.TextField(blank=True, default="", editable=False)

    objects = PublicationQuerySet.as_manager()

    # Resized copies of the hero image, listed in a JSON field (website/uploads.py finds them).
    DERIVED_FILES = {"hero_renditions": "hero_image"}
    # Filled in by save(); stored along with any partial save (``update_fields``).
    DERIVED_FIELDS = ("slug", "published_at", "body", "body_html", "toc", "word_count")

    class Meta:
        ordering = ["-published_at", "-pk"]
        permissions = [("publish_publication", "Can publish, schedule, unpublish and feature publications")]
        indexes = [models.Index(fields=["status", "-published_at"], name="publication_visible_idx")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="published_has_date",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.title)
        self._date_if_published()
        # The admin form sanitises too; this keeps every other path (shell, imports) safe.
        self.body = body.sanitize(self.body, media=True)
        rendered = body.render(self.body)
        self.body_html, self.toc, self.word_count = rendered.html, rendered.toc, rendered.word_count
        new = self._state.adding
        super().save(*args, **also_save(kwargs, *self.DERIVED_FIELDS))
        library.sync_uses(self, self.body, new=new)

    def get_absolute_url(self) -> str:
        return reverse("publications:detail", kwargs={"slug": self.slug})

    def clean(self):
        self._date_if_published()
        if self.hero_image and not self.hero_alt.strip():
            raise ValidationError(
                {"hero_alt": "Describe the image for readers who cannot see it (required with an image)."}
            )

    def _date_if_published(self):
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()

    @property
    def is_published(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def is_scheduled(self) -> bool:
        return self.status == self.Status.PUBLISHED and not self.is_published

    @property
    def hero_attributes(self) -> dict:
        """``src``, ``srcset``, ``sizes``, ``width`` and ``height`` for the hero ``<img>``."""
        return renditions.hero_attributes(self)

    @property
    def reading_minutes(self) -> int:
        return body.reading_minutes(self.word_count)

    @property
    def show_toc(self) -> bool:
        return sum(1 for entry in self.toc if entry["level"] == 2) >= 3

    def ordered_authors(self) -> list:
        """Authors in byline order, from the prefetch when there is one."""
        return [authorship.author for authorship in self.authorships.all()]


class Authorship(models.Model):
    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="authorships")
    author = models.ForeignKey("authors.Author", on_delete=models.PROTECT, related_name="authorships")
    position = models.PositiveSmallIntegerField(default=0, help_text="Byline order.")

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["publication", "author"], name="one_authorship_per_author")
        ]

    def __str__(self) -> str:
        return str(self.author)


# Writers' private working copies of the form (autosave), in a module of their own.
from .autosave import WorkingCopy  # noqa: E402, F401
from .library import BodyImage, BodyImageUse  # noqa: E402, F401
