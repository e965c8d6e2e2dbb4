from django.conf import settings
from django.contrib.sitemaps.views import sitemap
from django.urls import path, re_path

from core.pages import cached_page

from . import uploads, views
from .sitemaps import sitemaps

urlpatterns = [
    path("", cached_page(views.home), name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", cached_page(views.robots), name="robots"),
    path("sitemap.xml", cached_page(sitemap), {"sitemaps": sitemaps}, name="sitemap"),
]

if settings.SERVE_MEDIA:
    # Uploads, with the embargo: files of unpublished work are not served (website/uploads.py).
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", uploads.media, name="media"),
    ]
