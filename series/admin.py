from django.contrib import admin
from django.db.models import Count

from .models import Series


@admin.register(Series)
class SeriesAdmin(admin.ModelAdmin):
    list_display = ["name", "publication_count"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(Count("publications"))

    @admin.display(description="publications", ordering="publications__count")
    def publication_count(self, obj):
        return obj.publications__count
