"""The people of an event: its speakers, its registrants and the e-mails sent to them (``Notice``)."""

import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone


class Speaker(models.Model):
    class Role(models.TextChoices):
        SPEAKER = "speaker", "Speaker"
        MODERATOR = "moderator", "Moderator"

    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="speakers")
    author = models.ForeignKey(
        "authors.Author",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="event_appearances",
        verbose_name="expert",
        help_text="One of our experts; or leave empty and give a guest's name below.",
    )
    name = models.CharField(max_length=160, blank=True, help_text="A guest's name.")
    title = models.CharField(
        max_length=160, blank=True, help_text='A guest\'s title, e.g. "Former Deputy Minister".'
    )
    organisation = models.CharField(max_length=160, blank=True)
    role = models.CharField(max_length=12, choices=Role.choices, default=Role.SPEAKER)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.display_name

    def clean(self):
        if not self.author_id and not self.name.strip():
            raise ValidationError("Choose an expert or give a guest's name.")

    @property
    def display_name(self) -> str:
        return self.author.name if self.author_id else self.name

    @property
    def display_title(self) -> str:
        return self.author.role if self.author_id else self.title


def registration_token() -> str:
    return secrets.token_urlsafe(24)


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=Registration.Status.CANCELLED)


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", "Registered"
        WAITLISTED = "waitlisted", "On the wait list"
        CANCELLED = "cancelled", "Cancelled"

    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="registrations")
    name = models.CharField(max_length=160)
    email = models.EmailField(max_length=254)
    organisation = models.CharField(max_length=160, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.CONFIRMED)
    token = models.CharField(max_length=64, unique=True, default=registration_token, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    cancelled_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            # Duplicates are one: one row per event and mailbox, however the address is typed.
            models.UniqueConstraint("event", Lower("email"), name="one_registration_per_address"),
        ]

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"


class Notice(models.Model):
    """One e-mail to one registrant: written before it is sent and unique per registration
    and kind, so a reminder or a change notice reaches nobody twice however often the task runs."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(max_length=40, help_text='"day", "hour", or "change-<sequence>".')
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["registration", "kind"], name="one_notice_per_kind")]

    def __str__(self) -> str:
        return f"{self.kind} to {self.registration_id}"
