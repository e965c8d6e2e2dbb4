import secrets
from datetime import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone

from core.slugs import unique_slug


def new_token() -> str:
    return secrets.token_urlsafe(32)


class NewsletterQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class Newsletter(models.Model):
    name = models.CharField(max_length=120, unique=True, help_text="Shown beside its box in the form.")
    slug = models.SlugField(
        max_length=140,
        unique=True,
        blank=True,
        help_text="Used by `manage.py send_digest <slug>`. Leave empty to make one from the name.",
    )
    description = models.TextField(
        blank=True, help_text="One sentence on what subscribers get; shown on the manage page."
    )
    areas = models.ManyToManyField(
        "research_areas.ResearchArea",
        blank=True,
        related_name="newsletters",
        verbose_name="research areas",
        help_text="Its digest includes publications in these areas (and their sub-areas).",
    )
    series = models.ManyToManyField(
        "series.Series",
        blank=True,
        related_name="newsletters",
        help_text="Its digest also includes publications in these series. "
        "With no areas and no series, the digest includes every publication.",
    )
    active = models.BooleanField(
        default=True,
        help_text="Only active newsletters are offered in the form and can send digests.",
    )
    position = models.PositiveSmallIntegerField(default=0, help_text="Lower numbers come first in the form.")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = NewsletterQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.name)
        super().save(*args, **kwargs)

    @property
    def list_id(self) -> str:
        """An RFC 2919 List-Id: the name, then a label unique to this list on this site."""
        return list_id(self.name, self.slug)

    def publications_between(self, start: datetime, end: datetime):
        """Public publications this newsletter follows, published after ``start`` up to ``end``."""
        from publications.models import Publication

        found = Publication.objects.published().filter(published_at__gt=start, published_at__lte=end)
        area_ids = list(self.areas.values_list("pk", flat=True))
        series_ids = list(self.series.values_list("pk", flat=True))
        if area_ids or series_ids:
            found = found.filter(
                Q(areas__in=area_ids) | Q(areas__parent__in=area_ids) | Q(series__in=series_ids)
            ).distinct()
        return found


def list_id(name: str, label: str) -> str:
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    phrase = "".join(ch for ch in name if ch.isprintable() and ch not in '<>"\\')
    return f'"{phrase}" <{label}.{host}>'


class SubscriberQuerySet(models.QuerySet):
    def by_email(self, email: str):
        """Case-insensitive, through the same expression as the unique index."""
        return self.alias(email_lower=Lower("email")).filter(email_lower=email.lower())

    def receiving(self):
        """Subscribers who confirmed and have not left: the only ones newsletters go to."""
        return self.filter(confirmed_at__isnull=False, left_at__isnull=True)


class Subscriber(models.Model):
    email = models.EmailField(max_length=254)
    first_name = models.CharField(max_length=100, blank=True)
    last_name = models.CharField(max_length=100, blank=True)
    token = models.CharField(
        max_length=64,
        unique=True,
        default=new_token,
        editable=False,
        help_text="Secret part of this subscriber's unsubscribe link.",
    )
    created_at = models.DateTimeField("signed up", auto_now_add=True)
    confirmed_at = models.DateTimeField(
        "confirmed", null=True, blank=True, help_text="When the address was last confirmed."
    )
    left_at = models.DateTimeField(
        "left", null=True, blank=True, help_text="When the subscriber unsubscribed from everything."
    )
    consent_version = models.CharField(max_length=40, blank=True, editable=False)
    consent_text = models.TextField(blank=True, editable=False)
    consented_at = models.DateTimeField(null=True, blank=True, editable=False)
    confirmation_sent_at = models.DateTimeField(
        "confirmation e-mail sent",
        null=True,
        blank=True,
        editable=False,
        help_text="When the last confirmation e-mail left for the mail server.",
    )
    newsletters = models.ManyToManyField(Newsletter, through="Subscription", related_name="subscribers")

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(Lower("email"), name="subscriber_email_unique_ci")]

    def __str__(self) -> str:
        return self.email

    @property
    def is_receiving(self) -> bool:
        return self.confirmed_at is not None and self.left_at is None

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class Subscription(models.Model):
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="subscriptions")
    newsletter = models.ForeignKey(Newsletter, on_delete=models.CASCADE, related_name="subscriptions")
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Empty until the subscriber confirms this choice from the e-mail we sent.",
    )

    class Meta:
        ordering = ["newsletter__position", "newsletter__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "newsletter"], name="one_subscription_per_newsletter"
            )
        ]

    def __str__(self) -> str:
        return f"{self.subscriber} on {self.newsletter}"


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("Consent records are append-only.")

    def delete(self):
        raise TypeError("Consent records are append-only.")


class ConsentEvent(models.Model):
    """One thing a subscriber agreed to or withdrew, kept as it happened. Never changed."""

    class Kind(models.TextChoices):
        SIGN_UP = "sign_up", "Signed up"
        CONFIRM = "confirm", "Confirmed"
        CHANGE = "change", "Changed choices"
        UNSUBSCRIBE = "unsubscribe", "Unsubscribed"

    subscriber = models.ForeignKey(
        Subscriber, null=True, on_delete=models.SET_NULL, related_name="consent_events"
    )
    email = models.EmailField(max_length=254, help_text="The address at the time.")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    newsletters = models.JSONField(default=list, help_text="Slugs of the newsletters chosen.")
    details = models.JSONField(default=dict, blank=True)
    source = models.CharField(max_length=300, blank=True, help_text="The page it was done from.")
    consent_version = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "consent record"

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.email}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise TypeError("Consent records are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("Consent records are append-only.")


class Digest(models.Model):
    """One issue of a newsletter: which publications it carries, fixed when it is made, so a
    run that resumes after a crash sends exactly the same content."""

    newsletter = models.ForeignKey(Newsletter, on_delete=models.CASCADE, related_name="digests")
    created_at = models.DateTimeField(default=timezone.now)
    covers_from = models.DateTimeField(help_text="Publications published after this moment…")
    covers_until = models.DateTimeField(help_text="…up to this one.")
    publications = models.ManyToManyField("publications.Publication", related_name="+")
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        get_latest_by = "created_at"
        constraints = [
            models.UniqueConstraint(
                fields=["newsletter"],
                condition=Q(finished_at__isnull=True),
                name="one_unfinished_digest_per_newsletter",
            )
        ]

    def __str__(self) -> str:
        return f"{self.newsletter} of {timezone.localtime(self.created_at):%Y-%m-%d %H:%M}"


class Delivery(models.Model):
    """A digest claimed for one subscriber. The row is written (and committed) before the
    e-mail is handed to the mail server, so no run ever sends the same digest twice."""

    class Status(models.TextChoices):
        SENDING = "sending", "Claimed, result unknown"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"

    digest = models.ForeignKey(Digest, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.SENDING)
    attempts = models.PositiveSmallIntegerField(default=1)
    claimed_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        verbose_name_plural = "deliveries"
        constraints = [
            models.UniqueConstraint(
                fields=["digest", "subscriber"], name="one_delivery_per_digest_and_subscriber"
            )
        ]

    def __str__(self) -> str:
        return f"{self.digest} to {self.subscriber}"
