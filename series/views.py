from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe
from django.views.generic import ListView

from core import colours

from .models import Series

PAGE_SIZE = 12
# The banner's stylesheet is named by its colour: the same address always holds the same bytes.
BANNER_CSS_MAX_AGE = 365 * 24 * 60 * 60


def _publications():
    """Publications, reached through the series' own relation: publications build on series,
    so this app imports nothing of theirs (README, Architecture)."""
    return Series._meta.get_field("publications").related_model.objects


class SeriesListView(ListView):
    """Every series, A to Z, each with how much it has published and its latest piece. A series
    with nothing published yet is listed too (a new project is announced before its first
    memo), saying so; drafts count for nothing."""

    context_object_name = "series_list"
    template_name = "series/series_list.html"

    def get_queryset(self):
        published = _publications().published()
        count = (
            published.filter(series=OuterRef("pk"))
            .order_by()
            .values("series")
            .annotate(n=Count("pk"))
            .values("n")
        )
        latest = published.order_by("-published_at", "-pk").only(
            "pk", "slug", "title", "published_at", "series_id"
        )[:1]
        return Series.objects.annotate(
            published_count=Coalesce(Subquery(count, output_field=IntegerField()), 0)
        ).prefetch_related(Prefetch("publications", queryset=latest, to_attr="latest_publications"))


class SeriesDetailView(ListView):
    """One series with its banner, introduction and lead expert, then its published work,
    newest first, paginated."""

    paginate_by = PAGE_SIZE
    template_name = "series/series_detail.html"

    def get_queryset(self):
        self.series = get_object_or_404(
            Series.objects.select_related("lead_expert"), slug=self.kwargs["slug"]
        )
        return self.series.publications.published().card_rows()

    def get_context_data(self, **kwargs):
        return super().get_context_data(series=self.series, **kwargs)


@require_safe
def banner_css(request, colour: str):
    """The banner colour of a series and the text colour readable on it, as CSS custom
    properties (static/css/site.css, "Projects & series", paints with them). From the address
    alone, no query: cached for a year by browsers and the edge, since a new colour is a new
    address."""
    background = f"#{colour}"
    text = colours.readable_text_colour(background)
    if text is None:
        raise Http404("No readable text on this colour.")
    response = HttpResponse(
        f".series-banner {{ --series-banner-bg: {background}; --series-banner-fg: {text}; }}\n",
        content_type="text/css; charset=utf-8",
    )
    response["Cache-Control"] = f"public, max-age={BANNER_CSS_MAX_AGE}, immutable"
    return response
