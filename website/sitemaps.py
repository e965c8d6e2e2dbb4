"""``/sitemap.xml``: publications, experts, research areas, regions, series, the list pages and
the editable pages.

Only published work is listed, and an expert's, area's or series' ``lastmod`` is the date of
its latest published publication. Addresses are absolute on ``SITE_URL`` (not the host a
request came in on), like the feeds and the canonical links.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Greatest
from django.urls import reverse

from authors.models import Author
from events.models import Event
from publications.models import Publication
from regions.models import Region
from research_areas.models import ResearchArea
from series.models import Series

from .models import Page


class SiteSitemap(Sitemap):
    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme or "https"

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc

    def lastmod(self, item):
        return item.lastmod


class PublicationSitemap(SiteSitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return (
            Publication.objects.published()
            .annotate(lastmod=Greatest("updated_at", "published_at"))
            .only("slug", "updated_at", "published_at")
            .order_by("-published_at", "-pk")
        )


def _latest_publication(**lookup) -> Subquery:
    """The publication date of the latest published item matching ``lookup`` (with OuterRef)."""
    latest = Publication.objects.published().filter(**lookup).order_by("-published_at")
    return Subquery(latest.values("published_at")[:1])


class AuthorSitemap(SiteSitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Author.objects.annotate(
            lastmod=_latest_publication(authorships__author=OuterRef("pk"))
        ).order_by("sort_name", "pk")


class ResearchAreaSitemap(SiteSitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return ResearchArea.objects.annotate(lastmod=_latest_publication(areas=OuterRef("pk"))).order_by(
            "name"
        )


class RegionSitemap(SiteSitemap):
    """A region's page lists the work of the regions inside it: its ``lastmod`` is theirs too."""

    changefreq = "weekly"
    priority = 0.6

    def items(self):
        regions = list(
            Region.objects.annotate(lastmod=_latest_publication(regions=OuterRef("pk"))).order_by("name")
        )
        by_pk = {region.pk: region for region in regions}
        for region, own in [(region, region.lastmod) for region in regions if region.lastmod]:
            seen, parent = {region.pk}, by_pk.get(region.parent_id)
            while parent is not None and parent.pk not in seen:
                parent.lastmod = max(parent.lastmod or own, own)
                seen.add(parent.pk)
                parent = by_pk.get(parent.parent_id)
        return regions


class SeriesSitemap(SiteSitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Series.objects.annotate(lastmod=_latest_publication(series=OuterRef("pk"))).order_by("name")


class EventSitemap(SiteSitemap):
    changefreq = "weekly"
    priority = 0.7

    def items(self):
        return (
            Event.objects.published()
            .annotate(lastmod=Greatest("updated_at", "published_at"))
            .only("slug", "updated_at", "published_at")
            .order_by("-starts_at", "-pk")
        )


class PageSitemap(SiteSitemap):
    """The home page and the lists, which change whenever something is published."""

    changefreq = "daily"
    priority = 1.0

    def items(self):
        return [
            "home",
            "publications:list",
            "authors:list",
            "research_areas:list",
            "regions:list",
            "series:list",
            "events:list",
        ]

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        if not hasattr(self, "_latest"):
            latest = Publication.objects.published().order_by("-published_at").first()
            self._latest = latest.published_at if latest else None
        return self._latest


class EditablePageSitemap(SiteSitemap):
    """About, Contact, Privacy…: what ``Page.objects.published()`` shows."""

    changefreq = "monthly"
    priority = 0.5

    def items(self):
        # A handful of pages, read in one query (a queryset would be counted first).
        published = Page.objects.published().annotate(lastmod=Greatest("updated_at", "published_at"))
        return list(published.only("path", "updated_at", "published_at"))


sitemaps = {
    "pages": PageSitemap,
    "publications": PublicationSitemap,
    "events": EventSitemap,
    "experts": AuthorSitemap,
    "areas": ResearchAreaSitemap,
    "regions": RegionSitemap,
    "series": SeriesSitemap,
    "editable_pages": EditablePageSitemap,
}
