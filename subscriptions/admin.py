import csv

from django.contrib import admin, messages
from django.db.models import Count, Max, Q
from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from django_tasks import TaskResultStatus

from core.admin_mixins import CheckedPrefill

from . import services
from .models import ConsentEvent, Delivery, Digest, Newsletter, Subscriber, Subscription
from .tasks import send_digest

RECEIVING = Q(
    subscriptions__confirmed_at__isnull=False,
    subscriptions__subscriber__confirmed_at__isnull=False,
    subscriptions__subscriber__left_at__isnull=True,
)


@admin.register(Newsletter)
class NewsletterAdmin(CheckedPrefill, admin.ModelAdmin):
    list_display = ["name", "active", "subscriber_count", "pending_count", "last_digest", "position"]
    list_editable = ["position"]
    list_filter = ["active"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["areas", "series"]
    actions = ["send_digest_now", "export_subscribers"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                receiving=Count("subscriptions", filter=RECEIVING, distinct=True),
                pending=Count(
                    "subscriptions",
                    filter=Q(
                        subscriptions__confirmed_at__isnull=True,
                        subscriptions__subscriber__left_at__isnull=True,
                    ),
                    distinct=True,
                ),
                last_digest_at=Max("digests__created_at"),
            )
        )

    @admin.display(description="confirmed subscribers", ordering="receiving")
    def subscriber_count(self, obj) -> int:
        return obj.receiving

    @admin.display(description="awaiting confirmation", ordering="pending")
    def pending_count(self, obj) -> int:
        return obj.pending

    @admin.display(description="last digest", ordering="last_digest_at")
    def last_digest(self, obj):
        return obj.last_digest_at

    @admin.action(description="Send a digest of what is new now")
    def send_digest_now(self, request, queryset):
        for newsletter in queryset:
            if not newsletter.active:
                self.message_user(request, f"{newsletter} is not active: no digest sent.", messages.WARNING)
                continue
            result = send_digest.enqueue(newsletter.pk)
            if result.is_finished:
                summary = result.return_value or {}
                if result.status == TaskResultStatus.SUCCESSFUL:
                    self.message_user(
                        request,
                        f"{newsletter}: sent {summary.get('sent', 0)}, failed {summary.get('failed', 0)}"
                        + ("" if summary.get("digest") else " (nothing new since the last digest)"),
                    )
                else:
                    self.message_user(
                        request, f"{newsletter}: the digest failed; see the logs.", messages.ERROR
                    )
            else:
                self.message_user(
                    request, f"{newsletter}: digest queued; the worker sends it in the background."
                )

    @admin.action(description="Export confirmed subscribers as CSV")
    def export_subscribers(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        names = "-".join(slugify(n.slug) for n in queryset)[:80] or "newsletters"
        response["Content-Disposition"] = (
            f'attachment; filename="subscribers-{names}-{timezone.localdate():%Y-%m-%d}.csv"'
        )
        writer = csv.writer(response)
        writer.writerow(["newsletter", "email", "first_name", "last_name", "confirmed_at", "consent_version"])
        rows = (
            Subscription.objects.filter(
                newsletter__in=queryset,
                confirmed_at__isnull=False,
                subscriber__confirmed_at__isnull=False,
                subscriber__left_at__isnull=True,
            )
            .select_related("newsletter", "subscriber")
            .order_by("newsletter__position", "newsletter__name", "subscriber__email")
        )
        for row in rows:
            subscriber = row.subscriber
            writer.writerow(
                [
                    row.newsletter.slug,
                    subscriber.email,
                    _csv_safe(subscriber.first_name),
                    _csv_safe(subscriber.last_name),
                    row.confirmed_at.isoformat(),
                    subscriber.consent_version,
                ]
            )
        return response


def _csv_safe(value: str) -> str:
    """Names come from the public: keep spreadsheets from running them as formulas."""
    return f"'{value}" if value[:1] in {"=", "+", "-", "@", "\t", "\r"} else value


class ConfirmedFilter(admin.SimpleListFilter):
    title = "confirmed"
    parameter_name = "confirmed"

    def lookups(self, request, model_admin):
        return [("yes", "Confirmed"), ("no", "Not confirmed")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(confirmed_at__isnull=False)
        if self.value() == "no":
            return queryset.filter(confirmed_at__isnull=True)
        return queryset


class LeftFilter(admin.SimpleListFilter):
    title = "left"
    parameter_name = "left"

    def lookups(self, request, model_admin):
        return [("yes", "Left"), ("no", "Still subscribed")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(left_at__isnull=False)
        if self.value() == "no":
            return queryset.filter(left_at__isnull=True)
        return queryset


class NewsletterFilter(admin.SimpleListFilter):
    title = "newsletter"
    parameter_name = "newsletter"

    def lookups(self, request, model_admin):
        return [(n.slug, n.name) for n in Newsletter.objects.all()]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(subscriptions__newsletter__slug=self.value()).distinct()
        return queryset


class SubscriptionInline(admin.TabularInline):
    model = Subscription
    extra = 0
    fields = ["newsletter", "created_at", "confirmed_at"]
    readonly_fields = ["created_at"]


class ConsentEventInline(admin.TabularInline):
    model = ConsentEvent
    extra = 0
    can_delete = False
    fields = ["created_at", "kind", "newsletters", "source", "consent_version"]
    readonly_fields = fields
    verbose_name_plural = "consent record (append-only)"

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "name", "newsletter_names", "created_at", "confirmed_at", "left_at"]
    list_filter = [NewsletterFilter, ConfirmedFilter, LeftFilter]
    search_fields = ["email"]
    date_hierarchy = "created_at"
    inlines = [SubscriptionInline, ConsentEventInline]
    readonly_fields = [
        "created_at",
        "confirmed_at",
        "left_at",
        "consent_version",
        "consent_text",
        "consented_at",
        "confirmation_sent_at",
    ]
    fields = ["email", "first_name", "last_name", *readonly_fields]
    actions = ["resend_confirmation"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("newsletters")

    @admin.display(description="newsletters")
    def newsletter_names(self, obj) -> str:
        return ", ".join(newsletter.name for newsletter in obj.newsletters.all())

    @admin.action(description="Resend the confirmation e-mail")
    def resend_confirmation(self, request, queryset):
        count = sum(
            services.confirmation_resend(subscriber=subscriber)
            for subscriber in queryset.filter(confirmed_at__isnull=True, left_at__isnull=True)
        )
        self.message_user(request, f"Confirmation e-mail queued for {count} unconfirmed subscriber(s).")


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ConsentEvent)
class ConsentEventAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "email", "kind", "newsletters", "source", "consent_version"]
    list_filter = ["kind", "consent_version"]
    search_fields = ["email"]
    date_hierarchy = "created_at"


class DeliveryInline(admin.TabularInline):
    model = Delivery
    extra = 0
    can_delete = False
    fields = ["subscriber", "status", "attempts", "claimed_at", "finished_at", "error"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Digest)
class DigestAdmin(ReadOnlyAdmin):
    list_display = [
        "__str__",
        "newsletter",
        "covers_from",
        "covers_until",
        "sent",
        "failed",
        "in_doubt",
        "finished_at",
    ]
    list_filter = ["newsletter"]
    inlines = [DeliveryInline]

    def get_queryset(self, request):
        def count(status):
            return Count("deliveries", filter=Q(deliveries__status=status))

        return (
            super()
            .get_queryset(request)
            .select_related("newsletter")
            .annotate(
                sent=count(Delivery.Status.SENT),
                failed=count(Delivery.Status.FAILED),
                in_doubt=count(Delivery.Status.SENDING),
            )
        )

    @admin.display(ordering="sent")
    def sent(self, obj) -> int:
        return obj.sent

    @admin.display(ordering="failed")
    def failed(self, obj) -> int:
        return obj.failed

    @admin.display(description="in doubt", ordering="in_doubt")
    def in_doubt(self, obj) -> int:
        return obj.in_doubt
