from django.urls import path, re_path

from core.pages import cached_page

from . import views
from .models import Series

app_name = "series"

urlpatterns = [
    path(
        "",
        # Each series' count and latest piece: a publication published anywhere may change them.
        cached_page(
            views.SeriesListView.as_view(),
            shows_all=[Series, Series._meta.get_field("publications").related_model],
        ),
        name="list",
    ),
    re_path(r"^banner-(?P<colour>[0-9a-f]{6})\.css$", views.banner_css, name="banner_css"),
    path("<slug:slug>/", cached_page(views.SeriesDetailView.as_view()), name="detail"),
]
