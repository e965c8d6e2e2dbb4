from django.urls import path

from core.pages import cached_page

from . import views
from .models import Author

app_name = "authors"

urlpatterns = [
    path("", cached_page(views.AuthorListView.as_view(), shows_all=[Author]), name="list"),
    path("<slug:slug>/", cached_page(views.AuthorDetailView.as_view()), name="detail"),
]
