"""The audit log: Django's admin log, read-only, for editors."""

from django.contrib import admin
from django.contrib.admin.models import DELETION, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.utils.html import format_html

from core.admin_mixins import HiddenIsMissing
from publications import workflow
from publications.models import Publication


@admin.register(LogEntry)
class AuditLogAdmin(HiddenIsMissing, admin.ModelAdmin):
    """Who did what in the admin, across every publication: published, scheduled, unpublished,
    shared, changed. Read-only: a log that could be edited would prove nothing."""

    list_display = ["action_time", "user", "content_type", "object_link", "message"]
    list_filter = ["action_flag", "content_type", "user"]
    search_fields = ["object_repr", "change_message", "user__username"]
    date_hierarchy = "action_time"
    list_select_related = ["user", "content_type"]

    def get_queryset(self, request):
        """Entries about publications the user may not see are left out with them."""
        queryset = super().get_queryset(request)
        if workflow.can_publish(request.user):
            return queryset
        visible = Publication.objects.visible_to(request.user).values_list(Cast("pk", CharField()))
        return queryset.exclude(
            Q(content_type=ContentType.objects.get_for_model(Publication)) & ~Q(object_id__in=visible)
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="object", ordering="object_repr")
    def object_link(self, entry):
        if entry.action_flag == DELETION or not entry.get_admin_url():
            return entry.object_repr
        return format_html('<a href="{}">{}</a>', entry.get_admin_url(), entry.object_repr)

    @admin.display(description="what happened")
    def message(self, entry):
        return entry.get_change_message()
