"""The site's URLs with the home page looked up at request time, so a test can break it."""

from django.urls import path

from redcell.urls import urlpatterns as site_urlpatterns
from website import views

urlpatterns = [path("", lambda request: views.home(request)), *site_urlpatterns]
handler500 = "website.middleware.server_error"
