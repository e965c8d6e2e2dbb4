"""When the database is down, readers get a short "back soon" page with status 503, never a
traceback; load balancers see the same on ``/healthz``. Pages that the page cache already holds
are answered before any of this runs, so they keep working."""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.shortcuts import render

from . import views

logger = logging.getLogger("redcell.security")
RETRY_AFTER_SECONDS = 60


def database_unavailable(request):
    """The 503 page. Its template needs no database: no context processors' queries, no
    subscription form, no user."""
    response = render(request, "503.html", status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def _is_outage(exception) -> bool:
    # OperationalError (cannot connect, connection lost) and InterfaceError (connection closed).
    # Other database errors (an integrity error, bad data) are bugs: they stay 500s.
    return isinstance(exception, OperationalError | InterfaceError)


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if _is_outage(exception):
            logger.error(
                "event=database_unavailable path=%s error=%s", request.path, type(exception).__name__
            )
            return database_unavailable(request)
        return None


def server_error(request):
    """``handler500``: a database outage met outside a view (in a middleware, say) still gets
    the 503 page; anything else the friendly 500 page."""
    exception = sys.exc_info()[1]
    if _is_outage(exception):
        return database_unavailable(request)
    return views.server_error(request)
