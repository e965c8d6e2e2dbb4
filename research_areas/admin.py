from django.contrib import admin
from django.db.models import Count

from core.admin_mixins import CheckedPrefill, NamesFirst

from .models import ResearchArea


@admin.register(ResearchArea)
class ResearchAreaAdmin(NamesFirst, CheckedPrefill, admin.ModelAdmin):
    list_display = ["name", "parent", "publication_count"]
    list_filter = ["parent"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]

    def get_queryset(self, request):
        # Counting drops the model's ordering (a GROUP BY query); the autocomplete pages the areas.
        areas = super().get_queryset(request).select_related("parent").annotate(Count("publications"))
        return areas.order_by(*ResearchArea._meta.ordering)

    @admin.display(description="publications", ordering="publications__count")
    def publication_count(self, obj):
        return obj.publications__count
