from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404
from django.views.generic import ListView

from authors.models import Author

from .models import Region

PAGE_SIZE = 12
EXPERTS_SHOWN = 8


class RegionListView(ListView):
    """The regions as a tree: the top-level regions, each with the regions inside it."""

    context_object_name = "regions"

    def get_queryset(self):
        return Region.objects.filter(parent__isnull=True).prefetch_related(
            Prefetch("children", queryset=Region.objects.prefetch_related("children"))
        )


class RegionDetailView(ListView):
    """One region with the published work filed under it or any region inside it, the regions
    it lies in (a breadcrumb) and those inside it, and the experts who write on it most."""

    paginate_by = PAGE_SIZE
    template_name = "regions/region_detail.html"

    def get_queryset(self):
        self.region = get_object_or_404(Region, slug=self.kwargs["slug"])
        # One read for the breadcrumb and the sub-regions. Loading the regions inside it also
        # names them on the page (surrogate keys): new work filed under any of them purges it.
        lineage = {region.pk: region for region in Region.objects.lineage(self.region)}
        self.ancestors = _ancestors(self.region, lineage)
        above = {region.pk for region in self.ancestors}
        self.subregions = _children(self.region.pk, lineage)
        # Publication, reached through the relation: this app sits below publications.
        publications = self.region.publications.model.objects.published()
        self.publications = publications.in_regions([pk for pk in lineage if pk not in above])
        return self.publications.card_rows()

    def get_context_data(self, **kwargs):
        experts = (
            Author.objects.filter(publications__in=self.publications)
            .annotate(published_in_region=Count("publications"))
            .order_by("-published_in_region", "sort_name")[:EXPERTS_SHOWN]
        )
        return super().get_context_data(
            region=self.region,
            ancestors=self.ancestors,
            subregions=self.subregions,
            experts=experts,
            **kwargs,
        )


def _ancestors(region: Region, lineage: dict) -> list[Region]:
    """The regions ``region`` lies in, the broadest first."""
    found, parent = [], lineage.get(region.parent_id)
    while parent is not None and parent not in found:
        found.insert(0, parent)
        parent = lineage.get(parent.parent_id)
    return found


def _children(pk: int, lineage: dict, seen: frozenset = frozenset()) -> list[dict]:
    """The regions directly inside region ``pk``, by name, each with its own (``children``)."""
    seen = seen | {pk}
    below = sorted(
        (r for r in lineage.values() if r.parent_id == pk and r.pk not in seen), key=lambda r: r.name
    )
    return [{"region": region, "children": _children(region.pk, lineage, seen)} for region in below]
