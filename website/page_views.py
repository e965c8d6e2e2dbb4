"""Editable pages at their own addresses (``/about/``, ``/about/contact/``), and their preview
for staff. Only what ``Page.objects.published()`` shows is served; anything else is the 404 page."""

from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from core import surrogates

from .models import Page


def _context(page: Page) -> dict:
    """The page, the published pages above it (for the breadcrumbs) and below it."""
    published = Page.objects.published().only("title", "path")
    above = [page.path.rsplit("/", depth)[0] for depth in range(page.depth, 0, -1)]
    return {
        "page": page,
        "ancestors": list(published.filter(path__in=above)) if above else [],
        "children": list(published.filter(parent=page)),
    }


def page(request, path):
    # A page newly published below this one joins its list of pages in this section.
    surrogates.shows_all(Page)
    found = get_object_or_404(Page.objects.published(), path=path)
    return render(request, "website/page.html", _context(found))


def preview(request, page: Page):
    """A page as readers will see it, for the staff who may see it in the admin; never indexed,
    never cached (the admin's views are not)."""
    live = Page.objects.published().filter(pk=page.pk).exists()
    scheduled = page.status == Page.Status.PUBLISHED and page.published_at > timezone.now()
    context = _context(page) | {"preview": True, "live": live, "scheduled": scheduled}
    response = render(request, "website/page.html", context)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
