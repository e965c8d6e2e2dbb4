from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404
from django.views.generic import ListView

from authors.models import Author

from .models import ResearchArea

PAGE_SIZE = 12
EXPERTS_SHOWN = 8


class ResearchAreaListView(ListView):
    context_object_name = "areas"

    def get_queryset(self):
        return ResearchArea.objects.filter(parent__isnull=True).prefetch_related(
            Prefetch("children", queryset=ResearchArea.objects.order_by("name"))
        )


class ResearchAreaDetailView(ListView):
    """One area with its published work and the experts who write on it most."""

    paginate_by = PAGE_SIZE
    template_name = "research_areas/researcharea_detail.html"

    def get_queryset(self):
        self.area = get_object_or_404(ResearchArea.objects.select_related("parent"), slug=self.kwargs["slug"])
        return self.area.publications.published().card_rows()

    def get_context_data(self, **kwargs):
        experts = (
            Author.objects.filter(publications__in=self.area.publications.published())
            .annotate(published_in_area=Count("publications"))
            .order_by("-published_in_area", "sort_name")[:EXPERTS_SHOWN]
        )
        return super().get_context_data(
            area=self.area, experts=experts, subareas=self.area.children.all(), **kwargs
        )
