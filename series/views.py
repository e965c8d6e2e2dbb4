from django.shortcuts import get_object_or_404
from django.views.generic import ListView

from .models import Series

PAGE_SIZE = 12


class SeriesDetailView(ListView):
    """One series with its published work, newest first, paginated."""

    paginate_by = PAGE_SIZE
    template_name = "series/series_detail.html"

    def get_queryset(self):
        self.series = get_object_or_404(Series, slug=self.kwargs["slug"])
        return self.series.publications.published().card_rows()

    def get_context_data(self, **kwargs):
        return super().get_context_data(series=self.series, **kwargs)
