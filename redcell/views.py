from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from publications.models import Publication
from research_areas.models import ResearchArea

from .links import absolute_url

HOME_FEATURED = 3
HOME_LATEST = 9


def home(request):
    published = Publication.objects.published().with_cards()
    featured = list(published.filter(featured=True)[:HOME_FEATURED])
    latest = published.exclude(pk__in=[p.pk for p in featured])[:HOME_LATEST]
    return render(
        request,
        "home.html",
        {
            "featured": featured,
            "latest": latest,
            "areas": ResearchArea.objects.filter(parent__isnull=True),
        },
    )


@never_cache
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


def robots(request):
    return render(
        request,
        "robots.txt",
        {"sitemap_url": absolute_url(reverse("sitemap"))},
        content_type="text/plain; charset=utf-8",
    )


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    """Rendered without context processors' database work, so it shows even when the database is down."""
    return render(request, "500.html", status=500)
