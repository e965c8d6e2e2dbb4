from django.urls import path

from core.pages import cached_page

from . import views
from .models import ResearchArea

app_name = "research_areas"

urlpatterns = [
    path("", cached_page(views.ResearchAreaListView.as_view(), shows_all=[ResearchArea]), name="list"),
    path("<slug:slug>/", cached_page(views.ResearchAreaDetailView.as_view()), name="detail"),
]
