from django.urls import path

from core.pages import cached_page

from . import views

app_name = "series"

urlpatterns = [
    path("<slug:slug>/", cached_page(views.SeriesDetailView.as_view()), name="detail"),
]
