from django.urls import path

from core.pages import cached_page

from . import feeds, views
from .filters import FILTERED_BY
from .models import Event

app_name = "events"

LISTED = [Event, *FILTERED_BY]

urlpatterns = [
    path("", cached_page(views.EventListView.as_view(), shows_all=LISTED), name="list"),
    path("past/", cached_page(views.EventListView.as_view(past_only=True), shows_all=LISTED), name="past"),
    path("calendar.ics", cached_page(views.calendar_ics, shows_all=[Event]), name="calendar"),
    path(
        "areas/<slug:area>/calendar.ics",
        cached_page(views.calendar_ics, shows_all=[Event]),
        name="area_calendar",
    ),
    path("feed/", cached_page(feeds.EventsFeed(), shows_all=[Event]), name="feed"),
    path("feed/atom/", cached_page(feeds.EventsAtomFeed(), shows_all=[Event]), name="feed_atom"),
    # Not cached pages: forms and token links (README, "Events").
    path("registrations/<str:token>/cancel/", views.cancel, name="cancel"),
    path("<slug:slug>/register/", views.register, name="register"),
    path("<slug:slug>/register/done/", views.registered, name="registered"),
    path("<slug:slug>/preview/", views.preview, name="preview"),
    path("<slug:slug>/", cached_page(views.event_detail), name="detail"),
    path("<slug:slug>/ics/", cached_page(views.event_ics), name="ics"),
]
