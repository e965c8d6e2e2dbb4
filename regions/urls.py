from django.urls import path

from core.pages import cached_page

from . import views
from .models import Region

app_name = "regions"

urlpatterns = [
    path("", cached_page(views.RegionListView.as_view(), shows_all=[Region]), name="list"),
    path("<slug:slug>/", cached_page(views.RegionDetailView.as_view()), name="detail"),
]
