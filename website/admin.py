from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.urls import path, reverse
from django.utils.html import format_html

from core.admin_mixins import CheckedPrefill, HiddenIsMissing

from . import page_views
from .models import MenuItem, Page


@admin.register(Page)
class PageAdmin(HiddenIsMissing, CheckedPrefill, admin.ModelAdmin):
    list_display = ["indented_title", "address", "status", "is_live", "updated_at"]
    list_filter = ["status"]
    search_fields = ["title", "path", "description"]
    ordering = ["path"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["parent"]
    readonly_fields = ["preview_link"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "parent", "description", "body"]}),
        ("Publishing", {"fields": ["status", "published_at", "preview_link"]}),
    ]

    def get_queryset(self, request):
        live = Page.objects.published().filter(pk=OuterRef("pk"))
        return super().get_queryset(request).annotate(live=Exists(live))

    def get_urls(self):
        preview = path(
            "<path:object_id>/preview/",
            self.admin_site.admin_view(self.preview_view),
            name="website_page_preview",
        )
        return [preview, *super().get_urls()]

    def preview_view(self, request, object_id):
        page = self.get_object(request, unquote(object_id))
        if not self.has_view_or_change_permission(request, page):
            raise PermissionDenied
        return page_views.preview(request, page)

    @admin.display(description="title", ordering="path")
    def indented_title(self, obj):
        # The list in address order, each page under its parent.
        return format_html("{}{}", "— " * obj.depth, obj.title)

    @admin.display(description="address", ordering="path")
    def address(self, obj):
        return f"/{obj.path}/"

    @admin.display(boolean=True, description="live", ordering="live")
    def is_live(self, obj):
        return obj.live

    @admin.display(description="preview")
    def preview_link(self, obj):
        if obj is None or not obj.pk:
            return "Save the page first."
        url = reverse("admin:website_page_preview", args=[obj.pk])
        return format_html('<a href="{}" target="_blank">Preview as readers will see it</a>', url)

    def view_on_site(self, obj):
        if getattr(obj, "live", False):
            return obj.get_absolute_url()
        return reverse("admin:website_page_preview", args=[obj.pk])


@admin.register(MenuItem)
class MenuItemAdmin(CheckedPrefill, admin.ModelAdmin):
    list_display = ["label", "menu", "position", "target"]
    list_display_links = ["label"]
    list_editable = ["position"]
    list_filter = ["menu"]
    search_fields = ["label"]
    ordering = ["menu", "position", "pk"]
    autocomplete_fields = ["page"]
    fieldsets = [
        (None, {"fields": ["menu", "position", "label"]}),
        ("Leads to (one of)", {"fields": ["page", "named", "url"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("page")

    @admin.display(description="leads to")
    def target(self, obj):
        if obj.page is not None:
            return f"Page /{obj.page.path}/"
        return obj.get_named_display() if obj.named else obj.url
