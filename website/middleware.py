"""When the database is down, readers get a short "back soon" page with status 503, never a
traceback; load balancers see the same on ``/healthz``. Pages that the page cache already holds
are answered before any of this runs, so they keep working."""

import base64
import hashlib
import json
import logging
import re
import sys

from django.conf import settings
from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.db import InterfaceError, OperationalError
from django.http import Http404
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render
from django.urls import reverse
from django.utils.log import log_response

from core.security_log import log_event

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


# The designed error pages with DEBUG on ----------------------------------------------------

# Errors Django answers with a 4xx page of its own, in DEBUG or not.
CLIENT_ERRORS = (PermissionDenied, BadRequest, SuspiciousOperation, MultiPartParserError)


def _designed_pages_in_debug() -> bool:
    return settings.DEBUG and not getattr(settings, "DEBUG_ERROR_PAGES", False)


class DesignedErrorPagesMiddleware:
    """With ``DEBUG`` on (``make demo``), readers still get the site's 404 and 500 pages, not
    Django's debug pages, which list every URL pattern and show tracebacks; the traceback goes
    to the console. ``DEBUG_ERROR_PAGES=1`` asks for Django's. With ``DEBUG`` off Django itself
    uses the designed pages (``handler404``, ``handler500``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 404 and request.resolver_match is None and _designed_pages_in_debug():
            # No URL pattern matched, so no view ran: the 404 is Django's debug page.
            return views.page_not_found(request, None)
        return response

    def process_exception(self, request, exception):
        if not _designed_pages_in_debug() or isinstance(exception, CLIENT_ERRORS):
            return None
        if isinstance(exception, Http404):
            return views.page_not_found(request, exception)
        response = views.server_error(request)
        log_response(
            "Internal Server Error: %s", request.path, response=response, request=request, exception=exception
        )
        return response


# Headers ------------------------------------------------------------------------------------


def admin_prefix() -> str:
    return reverse("admin:index")


IMPORT_MAP = re.compile(rb'<script type="importmap"[^>]*>(.*?)</script>', re.DOTALL)


def import_map_hashes(response) -> list[str]:
    """CSP hashes for the page's import maps that only point at our own static files.

    The rich-text editor (django-prose-editor) maps its module names to static files with an
    inline ``<script type="importmap">``, which a policy without ``'unsafe-inline'`` blocks
    unless its hash is allowed. One that maps to nothing but our static files is harmless even
    if someone managed to inject it, so those, and only those, are allowed by hash."""
    if response.streaming or not response.get("Content-Type", "").startswith("text/html"):
        return []
    if b'type="importmap"' not in response.content:
        return []
    hashes = []
    for body in IMPORT_MAP.findall(response.content):
        try:
            data = json.loads(body)
        except ValueError:
            continue
        urls = [*data.get("imports", {}).values()]
        urls += [url for scope in data.get("scopes", {}).values() for url in scope.values()]
        if urls and all(isinstance(url, str) and url.startswith(settings.STATIC_URL) for url in urls):
            hashes.append(f"'sha256-{base64.b64encode(hashlib.sha256(body).digest()).decode()}'")
    return hashes


class SecurityHeadersMiddleware:
    """``Permissions-Policy`` on every response (Django sets the others), and a log line for
    refused actions (permission denied) and rate-limited requests."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        # Read by django-csp's middleware, which runs after this one on the way out.
        update = {}
        if hashes := import_map_hashes(response):
            update["script-src"] = hashes
        if request.path.startswith(admin_prefix()):
            # The rich-text editor (Tiptap) adds a <style> element for its own base rules and
            # sets style attributes as it edits. Styles only, and only in the staff area: scripts
            # stay as strict there as everywhere.
            update["style-src"] = ["'unsafe-inline'"]
        if update:
            response._csp_update = update
        if response.status_code == 429:
            if getattr(request, "axes_locked_out", False):
                response.headers.setdefault(
                    "Retry-After", str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
                )
            else:
                log_event("rate_limited", request)
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, PermissionDenied):
            log_event("permission_denied", request)
