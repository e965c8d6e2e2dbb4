from django.contrib import admin
from django.db import models
from django.db.models import Count

from core.admin_mixins import CheckedPrefill, NamesFirst

from .models import Author


@admin.register(Author)
class AuthorAdmin(NamesFirst, CheckedPrefill, admin.ModelAdmin):
    list_display = ["name", "role", "has_bio", "user", "publication_count"]
    list_filter = ["role"]
    search_fields = ["name", "role", "bio", "email"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["user"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ["name", "slug", "sort_name", "role", "bio"]}),
        ("Photo and links", {"fields": ["photo", "photo_alt", "website", "email"]}),
        ("Staff account", {"fields": ["user"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user").annotate(Count("publications"))

    @admin.display(boolean=True, description="bio")
    def has_bio(self, obj):
        return bool(obj.bio)

    @admin.display(description="publications", ordering="publications__count")
    def publication_count(self, obj):
        return obj.publications__count
