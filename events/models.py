"""Events: briefings, panels, launches and webinars, with speakers, registration and recordings.

Visibility follows the site's one rule (``published()``: published, and its publication date
come); an event's own dates decide only whether it is upcoming or past.
"""

import zoneinfo
from functools import cache

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Min, Q
from django.templatetags.tz import do_timezone
from django.urls import reverse
from django.utils import timezone
from django_prose_editor.fields import ProseEditorField

from core.models import KindOfWork
from core.slugs import also_save, unique_slug
from core.uploads import validate_image_upload
from publications import body

# Changing one of these changes what a calendar holds: SEQUENCE goes up and registrants hear.
SCHEDULE_FIELDS = ("starts_at", "ends_at", "time_zone", "venue_name", "venue_address", "online", "cancelled")


@cache
def time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError("Choose a time zone from the list, such as Europe/London.")


class EventType(KindOfWork):
    name = models.CharField(max_length=80, unique=True, help_text='For example "Panel" or "Report launch".')
    plural_name = models.CharField(max_length=80, blank=True, help_text='For example "Panels".')
    slug = models.SlugField(max_length=100, unique=True, blank=True)
    position = models.PositiveSmallIntegerField(default=0, help_text="Lower numbers come first in filters.")

    class Meta:
        ordering = ["position", "name"]


def is_public() -> Q:
    """The one rule of visibility, as for publications: published, and its date has come."""
    return Q(status=Event.Status.PUBLISHED, published_at__lte=timezone.now())


class EventQuerySet(models.QuerySet):
    def published(self):
        """The one rule of visibility: published, and its publication date has come."""
        return self.filter(is_public())

    def upcoming(self):
        """Not over yet (an event under way is still upcoming), soonest first."""
        return self.filter(ends_at__gt=timezone.now()).order_by("starts_at", "pk")

    def past(self):
        """Over, latest first."""
        return self.filter(ends_at__lte=timezone.now()).order_by("-starts_at", "-pk")

    def in_regions(self, regions):
        filed = Event.regions.through.objects.filter(region__in=regions)
        return self.filter(pk__in=filed.values("event_id"))

    def with_cards(self):
        return self.select_related("type").defer(
            "description", "description_html", "transcript", "search_vector", "search_text"
        )

    def next_change(self):
        """The next moment a public event page changes with no write: an event going live, one
        starting (the stream link shows), its registration closing, or one ending (it moves to
        "past"). The page cache keeps nothing past it."""
        now = timezone.now()
        fields = ("published_at", "starts_at", "ends_at", "registration_closes_at")
        found = self.filter(status=Event.Status.PUBLISHED).aggregate(
            **{f"next_{name}": Min(name, filter=Q(**{f"{name}__gt": now})) for name in fields}
        )
        return min((moment for moment in found.values() if moment is not None), default=None)


class Event(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    class Registration(models.TextChoices):
        NONE = "none", "No registration (open to all)"
        EXTERNAL = "external", "On another site (Eventbrite, Zoom…)"
        BUILT_IN = "built_in", "On this site"

    title = models.CharField(max_length=255)
    slug = models.SlugField(
        max_length=255,
        unique=True,
        blank=True,
        help_text="The last part of the web address. Leave empty to make one from the title.",
    )
    type = models.ForeignKey(EventType, on_delete=models.PROTECT, related_name="events")
    dek = models.CharField(max_length=300, blank=True, help_text="The one-line subtitle under the title.")
    summary = models.TextField(
        blank=True, help_text="Two plain sentences for lists, search engines and feeds."
    )
    description = ProseEditorField(extensions=body.EXTENSIONS, sanitize=True, blank=True)
    description_html = models.TextField(editable=False, blank=True)
    starts_at = models.DateTimeField(
        "starts", help_text="In the event's time zone (below); stored in UTC.", db_index=True
    )
    ends_at = models.DateTimeField("ends", help_text="In the event's time zone; after the start.")
    time_zone = models.CharField(
        max_length=64,
        default="UTC",
        validators=[validate_time_zone],
        help_text="Where the event happens; the page shows its times in this zone (and, beside "
        "them, in the reader's own).",
    )
    venue_name = models.CharField(max_length=200, blank=True)
    venue_address = models.TextField(blank=True, help_text="Street, city and country, one per line.")
    map_url = models.URLField("map link", blank=True)
    online = models.BooleanField(default=False, help_text="Streamed or held online.")
    stream_url = models.URLField(
        "stream link",
        blank=True,
        help_text="Sent to registrants; shown on the page from the start time.",
    )
    areas = models.ManyToManyField(
        "research_areas.ResearchArea", related_name="events", blank=True, verbose_name="research areas"
    )
    regions = models.ManyToManyField("regions.Region", related_name="events", blank=True)
    series = models.ForeignKey(
        "series.Series", null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    related_publications = models.ManyToManyField(
        "publications.Publication",
        related_name="events",
        blank=True,
        help_text="Shown under the event; after it, these are its materials.",
    )
    hero_image = models.ImageField(
        upload_to="events/heroes/%Y/", blank=True, validators=[validate_image_upload]
    )
    hero_alt = models.CharField("hero image description", max_length=250, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(
        "publication date",
        null=True,
        blank=True,
        help_text="When the event's page appears. Left empty, publishing sets it to now.",
    )
    cancelled = models.BooleanField(
        default=False, help_text="Keeps the page up, marked cancelled; registrants are told once."
    )
    change_note = models.CharField(
        max_length=300,
        blank=True,
        help_text='Shown at the top of the page and in the e-mail to registrants, e.g. "Moved to '
        'Thursday because of the strike".',
    )
    registration = models.CharField(max_length=12, choices=Registration.choices, default=Registration.NONE)
    registration_url = models.URLField(
        "registration link", blank=True, help_text="For registration elsewhere."
    )
    capacity = models.PositiveIntegerField(
        null=True, blank=True, help_text="Seats; later registrants join a wait list. Empty: no limit."
    )
    registration_closes_at = models.DateTimeField(
        "registration closes", null=True, blank=True, help_text="Empty: at the start time."
    )
    recording_url = models.URLField(
        "recording",
        blank=True,
        help_text="A YouTube or Vimeo address (embedded without cookies) or any other link.",
    )
    transcript = models.TextField(blank=True, help_text="Plain text; an empty line between paragraphs.")
    materials = models.FileField(
        upload_to="events/materials/%Y/",
        blank=True,
        validators=[FileExtensionValidator(["pdf", "pptx", "docx", "xlsx", "zip"])],
        help_text="Slides or a handout (PDF, PowerPoint, Word, Excel or ZIP).",
    )
    # RFC 5545 SEQUENCE: raised whenever the time, place or status changes (SCHEDULE_FIELDS).
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Kept current by search_index.py; filled and GIN-indexed on Postgres only (migration 0002
    # makes the index there), as a publication's is. Elsewhere the search matches text.
    search_vector = SearchVectorField(null=True, editable=False)
    # Kept with the vector, on Postgres only: the summary and the start of the description as
    # plain text, for search snippets (as a publication's).
    search_text = models.TextField(blank=True, default="", editable=False)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="event_ends_after_start",
                violation_error_message="The event must end after it starts.",
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="event_published_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.title)
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        self.venue_address = self.venue_address.strip()
        self.description = body.sanitize(self.description)
        self.description_html = body.render(self.description).html
        fields = ["slug", "published_at", "description", "description_html"]
        if self.schedule_changed:
            self.sequence += 1
            fields.append("sequence")
            if self.is_published and not self.is_past:
                # signals.py tells the registrants once the transaction commits.
                self._notify_sequence = self.sequence
        super().save(*args, **also_save(kwargs, *fields))
        self._loaded_schedule = self._schedule()

    def get_absolute_url(self) -> str:
        return reverse("events:detail", kwargs={"slug": self.slug})

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded_schedule = instance._schedule()
        return instance

    def _schedule(self) -> tuple:
        return tuple(self.__dict__.get(name) for name in SCHEDULE_FIELDS)

    @property
    def schedule_changed(self) -> bool:
        loaded = getattr(self, "_loaded_schedule", None)
        return loaded is not None and loaded != self._schedule()

    def clean(self):
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = "The event must end after it starts."
        if self.hero_image and not self.hero_alt.strip():
            errors["hero_alt"] = "Describe the image for readers who cannot see it (required with an image)."
        if self.registration == self.Registration.EXTERNAL and not self.registration_url:
            errors["registration_url"] = "Give the address where readers register."
        if self.registration_closes_at and self.ends_at and self.registration_closes_at > self.ends_at:
            errors["registration_closes_at"] = "Registration must close before the event ends."
        takes_registrations = self._state.adding and self.registration == self.Registration.BUILT_IN
        if takes_registrations and self.starts_at and self.starts_at <= timezone.now():
            errors["starts_at"] = (
                "This date has passed, and nobody can register for an event that has begun. To "
                "record a past event, choose “No registration”."
            )
        if not (self.venue_name or self.online):
            errors["venue_name"] = "Give a venue, or tick “online”, or both."
        if errors:
            raise ValidationError(errors)

    # What readers see ---------------------------------------------------------------------

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        try:
            return zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo("UTC")

    @property
    def local_start(self):
        """The start as the clock reads where the event happens; templates show it as it is
        (not converted to the site's zone, as other datetimes are)."""
        return do_timezone(self.starts_at, self.zone)

    @property
    def local_end(self):
        return do_timezone(self.ends_at, self.zone)

    @property
    def zone_label(self) -> str:
        """ "New York time", "UTC"."""
        if self.time_zone == "UTC":
            return "UTC"
        return f"{self.time_zone.rsplit('/', 1)[-1].replace('_', ' ')} time"

    @property
    def is_published(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def is_past(self) -> bool:
        return self.ends_at <= timezone.now()

    @property
    def has_started(self) -> bool:
        return self.starts_at <= timezone.now()

    @property
    def registration_deadline(self):
        return self.registration_closes_at or self.starts_at

    @property
    def registration_open(self) -> bool:
        return (
            self.registration == self.Registration.BUILT_IN
            and not self.cancelled
            and timezone.now() < self.registration_deadline
        )

    @property
    def shows_stream(self) -> bool:
        """The stream link is public from the start until the end (registrants have it by e-mail)."""
        return bool(
            self.online and self.stream_url and self.has_started and not self.is_past and not self.cancelled
        )

    @property
    def recording_embed(self) -> str:
        """The no-cookie embed address of a YouTube or Vimeo recording, else ""."""
        from .embeds import embed_url

        return embed_url(self.recording_url)

    @property
    def place(self) -> str:
        """The venue and its address on one line, and "online" where it is: "Online" alone."""
        address = ", ".join(line.strip() for line in self.venue_address.splitlines() if line.strip())
        text = ", ".join(part for part in [self.venue_name, address] if part)
        if self.online:
            text = f"{text}, and online" if text else "Online"
        return text

    @property
    def attendance_mode(self) -> str:
        if self.online and self.venue_name:
            return "MixedEventAttendanceMode"
        return "OnlineEventAttendanceMode" if self.online else "OfflineEventAttendanceMode"


# Speakers, registrations and the e-mails sent to them live in people.py; imported here so
# Django finds their models.
from .people import Notice, Registration, RegistrationQuerySet, Speaker, registration_token  # noqa: E402

__all__ = [
    "Event",
    "EventType",
    "Notice",
    "Registration",
    "RegistrationQuerySet",
    "Speaker",
    "registration_token",
]
