from django.urls import path

from core.pages import cached_page

from . import views

app_name = "authors"

urlpatterns = [
    path("", cached_page(views.AuthorListView.as_view()), name="list"),
    path("<slug:slug>/", cached_page(views.AuthorDetailView.as_view()), name="detail"),
]
