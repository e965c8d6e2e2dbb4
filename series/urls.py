from django.urls import path

from . import views

app_name = "series"

urlpatterns = [
    path("<slug:slug>/", views.SeriesDetailView.as_view(), name="detail"),
]
