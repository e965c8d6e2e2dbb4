from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve

from publications import views as publication_views

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("search/", publication_views.search, name="search"),
    path("publications/", include("publications.urls")),
    path("authors/", include("authors.urls")),
    path("research-areas/", include("research_areas.urls")),
    path("series/", include("series.urls")),
    path("subscribe/", include("subscriptions.urls")),
    path("admin/", admin.site.urls),
]

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]

handler404 = "redcell.views.page_not_found"
handler500 = "redcell.views.server_error"
