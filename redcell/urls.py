"""The site's addresses: each app's own, wired together. Nothing here but wiring."""

from django.contrib import admin
from django.urls import include, path

from core.pages import cached_page
from events.models import Event, EventType
from publications import feeds
from publications.filters import FILTERED_BY
from publications.models import Publication
from website import views as website_views
from website.urls import page_urls

# Feeds sit below the pages they follow; the author, area, region and series apps know nothing of
# publications, so their feeds are wired here, ahead of those apps' own URLs.
feed_urls = (
    [
        path("feed/", cached_page(feeds.LatestPublicationsFeed(), shows_all=[Publication]), name="latest"),
        path(
            "feed/atom/",
            cached_page(feeds.LatestPublicationsAtomFeed(), shows_all=[Publication]),
            name="latest_atom",
        ),
        path("authors/<slug:slug>/feed/", cached_page(feeds.AuthorFeed()), name="author"),
        path("authors/<slug:slug>/feed/atom/", cached_page(feeds.AuthorAtomFeed()), name="author_atom"),
        path("research-areas/<slug:slug>/feed/", cached_page(feeds.ResearchAreaFeed()), name="area"),
        path(
            "research-areas/<slug:slug>/feed/atom/",
            cached_page(feeds.ResearchAreaAtomFeed()),
            name="area_atom",
        ),
        path("regions/<slug:slug>/feed/", cached_page(feeds.RegionFeed()), name="region"),
        path("regions/<slug:slug>/feed/atom/", cached_page(feeds.RegionAtomFeed()), name="region_atom"),
        path("series/<slug:slug>/feed/", cached_page(feeds.SeriesFeed()), name="series"),
        path("series/<slug:slug>/feed/atom/", cached_page(feeds.SeriesAtomFeed()), name="series_atom"),
    ],
    "feeds",
)

urlpatterns = [
    path("", include("website.urls")),
    path(
        "search/",
        cached_page(website_views.search, shows_all=[Publication, Event, EventType, *FILTERED_BY]),
        name="search",
    ),
    path("", include(feed_urls)),
    path("publications/", include("publications.urls")),
    path("authors/", include("authors.urls")),
    path("research-areas/", include("research_areas.urls")),
    path("regions/", include("regions.urls")),
    path("series/", include("series.urls")),
    path("events/", include("events.urls")),
    path("subscribe/", include("subscriptions.urls")),
    path("admin/", admin.site.urls),
    # Last: editable pages answer only addresses no other route claims.
    path("", include(page_urls)),
]

handler404 = "website.views.page_not_found"
# The friendly 500 page, or the 503 page when the database is down.
handler500 = "website.middleware.server_error"
