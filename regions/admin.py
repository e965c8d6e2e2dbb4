from django.contrib import admin
from django.db.models import Count

from core.admin_mixins import CheckedPrefill, NamesFirst

from .models import Region


@admin.register(Region)
class RegionAdmin(NamesFirst, CheckedPrefill, admin.ModelAdmin):
    list_display = ["name", "parent", "publication_count"]
    list_filter = [("parent", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "description", "parent__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
    fields = ["name", "slug", "parent", "description"]

    def get_queryset(self, request):
        # Counting drops the model's ordering (a GROUP BY query): the autocomplete, which pages
        # the regions, needs one.
        regions = super().get_queryset(request).select_related("parent").annotate(Count("publications"))
        return regions.order_by("name")

    @admin.display(description="publications", ordering="publications__count")
    def publication_count(self, obj):
        """Filed under this region itself; its page also shows those of the regions inside it."""
        return obj.publications__count
