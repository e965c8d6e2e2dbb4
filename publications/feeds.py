"""RSS 2.0 and Atom feeds: the latest publications, and those of one expert, area, region or
series.

The per-expert, per-area, per-region and per-series feeds live here rather than in those apps,
which know nothing of publications; ``redcell/urls.py`` hangs them below each page (``…/feed/``).
Links are absolute on ``SITE_URL``, so a feed read anywhere points at the public site.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from authors.models import Author
from core.links import absolute_url
from regions.models import Region
from research_areas.models import ResearchArea
from series.models import Series

from .models import Authorship, Publication

FEED_LENGTH = 20
DC = {"xmlns:dc": "http://purl.org/dc/elements/1.1/"}


class RssWithAuthors(Rss201rev2Feed):
    """RSS 2.0 with one ``dc:creator`` per author (RSS's own ``author`` wants an e-mail)."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item | {"author_name": None, "author_email": None})
        for author in item.get("authors", []):
            handler.addQuickElement("dc:creator", author["name"], DC)


class AtomWithAuthors(Atom1Feed):
    """Atom with one ``author`` element per author, in byline order."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item | {"author_name": None})
        for author in item.get("authors", []):
            handler.startElement("author", {})
            handler.addQuickElement("name", author["name"])
            handler.addQuickElement("uri", author["url"])
            handler.endElement("author")


class LatestPublicationsFeed(Feed):
    feed_type = RssWithAuthors
    url_name = "feeds:latest"
    language = settings.LANGUAGE_CODE

    # The channel -------------------------------------------------------------------------

    def get_object(self, request, *args, **kwargs):
        return None

    def title(self, obj):
        return f"{settings.SITE_NAME}: latest publications"

    def description(self, obj):
        return f"New policy memos, reports and commentary from {settings.SITE_NAME}."

    def subtitle(self, obj):
        return self.description(obj)

    def link(self, obj):
        return absolute_url(obj.get_absolute_url() if obj else reverse("home"))

    def feed_url(self, obj):
        return absolute_url(reverse(self.url_name, kwargs={"slug": obj.slug} if obj else {}))

    def author_name(self, obj):
        # Atom needs an author for the feed when an entry has none of its own.
        return settings.SITE_NAME

    def items(self, obj):
        return (
            self.publications(obj)
            .defer("search_vector", "search_text", "body", "body_html", "toc")  # a feed carries the summary
            .select_related("type", "series")
            .prefetch_related(
                Prefetch("authorships", queryset=Authorship.objects.select_related("author")),
                "areas",
                "tags",
            )[:FEED_LENGTH]
        )

    def publications(self, obj):
        """Which publications the feed carries: always from ``published()``."""
        return Publication.objects.published()

    # Each item ----------------------------------------------------------------------------

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary or item.dek

    def item_link(self, item):
        return absolute_url(item.get_absolute_url())

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return max(item.updated_at, item.published_at)

    def item_author_name(self, item):
        return ", ".join(author.name for author in item.ordered_authors()) or None

    def item_categories(self, item):
        return (
            [item.type.name]
            + [area.name for area in item.areas.all()]
            + [tag.name for tag in item.tags.all()]
        )

    def item_extra_kwargs(self, item):
        authors = [
            {"name": author.name, "url": absolute_url(author.get_absolute_url())}
            for author in item.ordered_authors()
        ]
        return {"authors": authors}


class LatestPublicationsAtomFeed(LatestPublicationsFeed):
    feed_type = AtomWithAuthors
    url_name = "feeds:latest_atom"


class AuthorFeed(LatestPublicationsFeed):
    url_name = "feeds:author"

    def get_object(self, request, slug):
        return get_object_or_404(Author, slug=slug)

    def title(self, obj):
        return f"{settings.SITE_NAME}: publications by {obj.name}"

    def description(self, obj):
        return f"New work by {obj.name}{f', {obj.role}' if obj.role else ''}, at {settings.SITE_NAME}."

    def publications(self, obj):
        return Publication.objects.published().filter(authorships__author=obj)


class AuthorAtomFeed(AuthorFeed):
    feed_type = AtomWithAuthors
    url_name = "feeds:author_atom"


class ResearchAreaFeed(LatestPublicationsFeed):
    url_name = "feeds:area"

    def get_object(self, request, slug):
        return get_object_or_404(ResearchArea, slug=slug)

    def title(self, obj):
        return f"{settings.SITE_NAME}: {obj.name}"

    def description(self, obj):
        return obj.description or f"New work on {obj.name} at {settings.SITE_NAME}."

    def publications(self, obj):
        return Publication.objects.published().filter(areas=obj)


class ResearchAreaAtomFeed(ResearchAreaFeed):
    feed_type = AtomWithAuthors
    url_name = "feeds:area_atom"


class RegionFeed(LatestPublicationsFeed):
    """A region's work, with that of the regions inside it (its page shows the same)."""

    url_name = "feeds:region"

    def get_object(self, request, slug):
        return get_object_or_404(Region, slug=slug)

    def title(self, obj):
        return f"{settings.SITE_NAME}: {obj.name}"

    def description(self, obj):
        return obj.description or f"New work on {obj.name} at {settings.SITE_NAME}."

    def publications(self, obj):
        return Publication.objects.published().in_regions(Region.objects.within(obj))


class RegionAtomFeed(RegionFeed):
    feed_type = AtomWithAuthors
    url_name = "feeds:region_atom"


class SeriesFeed(LatestPublicationsFeed):
    url_name = "feeds:series"

    def get_object(self, request, slug):
        return get_object_or_404(Series, slug=slug)

    def title(self, obj):
        return f"{settings.SITE_NAME}: {obj.name}"

    def description(self, obj):
        return obj.description or f"New in the {obj.name} series at {settings.SITE_NAME}."

    def publications(self, obj):
        return Publication.objects.published().filter(series=obj)


class SeriesAtomFeed(SeriesFeed):
    feed_type = AtomWithAuthors
    url_name = "feeds:series_atom"
