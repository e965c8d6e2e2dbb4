from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path

from publications import feeds
from publications import views as publication_views

from . import media, views
from .sitemaps import sitemaps

# Feeds sit below the pages they follow; the author, area and series apps know nothing of
# publications, so their feeds are wired here, ahead of those apps' own URLs.
feed_urls = (
    [
        path("feed/", feeds.LatestPublicationsFeed(), name="latest"),
        path("feed/atom/", feeds.LatestPublicationsAtomFeed(), name="latest_atom"),
        path("authors/<slug:slug>/feed/", feeds.AuthorFeed(), name="author"),
        path("authors/<slug:slug>/feed/atom/", feeds.AuthorAtomFeed(), name="author_atom"),
        path("research-areas/<slug:slug>/feed/", feeds.ResearchAreaFeed(), name="area"),
        path("research-areas/<slug:slug>/feed/atom/", feeds.ResearchAreaAtomFeed(), name="area_atom"),
        path("series/<slug:slug>/feed/", feeds.SeriesFeed(), name="series"),
        path("series/<slug:slug>/feed/atom/", feeds.SeriesAtomFeed(), name="series_atom"),
    ],
    "feeds",
)

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots, name="robots"),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("search/", publication_views.search, name="search"),
    path("", include(feed_urls)),
    path("publications/", include("publications.urls")),
    path("authors/", include("authors.urls")),
    path("research-areas/", include("research_areas.urls")),
    path("series/", include("series.urls")),
    path("subscribe/", include("subscriptions.urls")),
    path("admin/", admin.site.urls),
]

if settings.SERVE_MEDIA:
    # Uploads, with the embargo: files of unpublished work are not served (redcell/media.py).
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", media.media, name="media"),
    ]

handler404 = "redcell.views.page_not_found"
# The friendly 500 page, or the 503 page when the database is down.
handler500 = "redcell.middleware.server_error"
