from django.urls import path

from . import views

app_name = "research_areas"

urlpatterns = [
    path("", views.ResearchAreaListView.as_view(), name="list"),
    path("<slug:slug>/", views.ResearchAreaDetailView.as_view(), name="detail"),
]
