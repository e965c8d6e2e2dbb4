import csv
import zoneinfo

from django import forms
from django.contrib import admin
from django.db import models
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone

from core.admin_mixins import CheckedPrefill

from .models import Event, EventType, Registration, Speaker, time_zone_choices

# Typed as the clock reads where the event happens, whatever the admin's own time zone.
LOCAL_TIMES = ("starts_at", "ends_at", "registration_closes_at")


class EventAdminForm(forms.ModelForm):
    time_zone = forms.ChoiceField(
        choices=time_zone_choices, initial="UTC", help_text=Event._meta.get_field("time_zone").help_text
    )

    class Meta:
        model = Event
        # The admin adds the rest (with its own widgets) when it builds the form from this one.
        fields = ["time_zone"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        here = timezone.get_current_timezone()
        for name in (name for name in LOCAL_TIMES if name in self.fields):
            self.fields[
                name
            ].help_text = (
                f"{self.fields[name].help_text} As the clock reads in the event's time zone.".strip()
            )
            value = getattr(self.instance, name, None)
            if self.instance.pk and value is not None:
                wall = value.astimezone(self.instance.zone).replace(tzinfo=None)
                self.initial[name] = timezone.make_aware(wall, here)

    def clean(self):
        data = super().clean()
        zone_name = data.get("time_zone")
        if zone_name:
            zone = zoneinfo.ZoneInfo(zone_name)
            for name in LOCAL_TIMES:
                if data.get(name) is not None:
                    wall = timezone.make_naive(data[name])
                    data[name] = wall.replace(tzinfo=zone)
                    setattr(self.instance, name, data[name])
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
            self.add_error("ends_at", "The event must end after it starts.")
        return data


@admin.register(EventType)
class EventTypeAdmin(CheckedPrefill, admin.ModelAdmin):
    list_display = ["name", "plural_name", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


class SpeakerInline(admin.TabularInline):
    model = Speaker
    extra = 1
    autocomplete_fields = ["author"]
    fields = ["position", "role", "author", "name", "title", "organisation"]


@admin.register(Event)
class EventAdmin(CheckedPrefill, admin.ModelAdmin):
    list_display = [
        "title",
        "type",
        "starts_at",
        "time_zone",
        "status",
        "published_tick",
        "cancelled",
        "seats",
    ]
    list_filter = ["status", "type", "cancelled", "registration", "areas"]
    list_select_related = ["type"]
    search_fields = ["title", "dek", "summary"]
    date_hierarchy = "starts_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["areas", "regions", "series", "related_publications", "type"]
    form = EventAdminForm
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    inlines = [SpeakerInline]
    readonly_fields = ["sequence"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "type", "dek", "summary", "description"]}),
        (
            "When",
            {
                "description": "Give the times as they are where the event happens, and that time zone.",
                "fields": ["starts_at", "ends_at", "time_zone"],
            },
        ),
        ("Where", {"fields": ["venue_name", "venue_address", "map_url", "online", "stream_url"]}),
        ("Topics", {"fields": ["areas", "regions", "series", "related_publications"]}),
        ("Image", {"fields": ["hero_image", "hero_alt"], "classes": ["collapse"]}),
        (
            "Registration",
            {"fields": ["registration", "registration_url", "capacity", "registration_closes_at"]},
        ),
        (
            "Publishing and changes",
            {
                "description": "Registrants are e-mailed once when a public, upcoming event is "
                "cancelled or its time or place changes; calendars update themselves.",
                "fields": ["status", "published_at", "cancelled", "change_note", "sequence"],
            },
        ),
        ("After the event", {"fields": ["recording_url", "transcript", "materials"]}),
    ]

    def view_on_site(self, obj):
        """The public page once the event is public; until then the staff preview."""
        if obj.is_published:
            return obj.get_absolute_url()
        return reverse("events:preview", kwargs={"slug": obj.slug})

    @admin.display(boolean=True, description="public")
    def published_tick(self, obj):
        return obj.is_published

    @admin.display(description="seats")
    def seats(self, obj):
        if obj.registration != Event.Registration.BUILT_IN:
            return "—"
        taken = obj.registrations.filter(status=Registration.Status.CONFIRMED).count()
        return f"{taken} / {obj.capacity}" if obj.capacity else str(taken)


@admin.register(Registration)
class RegistrationAdmin(CheckedPrefill, admin.ModelAdmin):
    list_display = ["name", "email", "organisation", "event", "status", "created_at"]
    list_filter = ["status", "event"]
    list_select_related = ["event"]
    search_fields = ["name", "email", "organisation", "event__title"]
    readonly_fields = ["event", "created_at", "cancelled_at"]
    actions = ["export_csv"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False  # readers register themselves; staff see and export

    @admin.action(description="Export the selected registrations as CSV", permissions=["view"])
    def export_csv(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        stamp = timezone.now().strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = f'attachment; filename="registrations-{stamp}.csv"'
        writer = csv.writer(response)
        writer.writerow(["event", "name", "email", "organisation", "status", "registered at (UTC)"])
        for registration in queryset.select_related("event").order_by("event__starts_at", "created_at"):
            writer.writerow(
                [
                    _cell(registration.event.title),
                    _cell(registration.name),
                    _cell(registration.email),
                    _cell(registration.organisation),
                    registration.get_status_display(),
                    registration.created_at.strftime("%Y-%m-%d %H:%M"),
                ]
            )
        return response


def _cell(value: str) -> str:
    """A value a spreadsheet will not run as a formula (CSV injection)."""
    return f"'{value}" if value[:1] in {"=", "+", "-", "@", "\t", "\r"} else value
