"""A URLconf with one failing view, to see what readers get when something breaks."""

from django.urls import path

handler500 = "website.views.server_error"


def broken(request):
    raise RuntimeError("boom")


urlpatterns = [path("broken/", broken)]
