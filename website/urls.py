from django.conf import settings
from django.contrib.sitemaps.views import sitemap
from django.urls import path, re_path

from authors.models import Author
from core.pages import cached_page
from events.models import Event
from publications.models import Publication
from regions.models import Region
from research_areas.models import ResearchArea
from series.models import Series

from . import page_views, uploads, views
from .models import PAGE_ROUTE, Page
from .sitemaps import sitemaps

urlpatterns = [
    path("", cached_page(views.home, shows_all=[Publication, ResearchArea]), name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", cached_page(views.robots), name="robots"),
    path(
        "sitemap.xml",
        cached_page(sitemap, shows_all=[Publication, Author, ResearchArea, Region, Series, Page, Event]),
        {"sitemaps": sitemaps},
        name="sitemap",
    ),
]

if settings.SERVE_MEDIA:
    # Uploads, with the embargo: files of unpublished work are not served (website/uploads.py).
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", uploads.media, name="media"),
    ]

# Editable pages at their own paths (/about/, /about/contact/): wired last of all the site's
# addresses (redcell/urls.py), so a page never shadows another route.
page_urls = [
    re_path(
        r"^(?P<path>[-a-zA-Z0-9_]+(?:/[-a-zA-Z0-9_]+)*)/$",
        cached_page(page_views.page),
        name=PAGE_ROUTE,
    ),
]
