"""Hostile requests are answered with a 4xx before anything reads them, never with a 5xx.

``RequestGuardMiddleware`` stands near the top of ``MIDDLEWARE``, below the middleware that
adds the security headers, so every refusal still carries them:

- **400** for an address that is not text: a path or query string that is not UTF-8 (overlong
  forms such as ``%C0%AE``, lone surrogates such as ``%ED%A0%80``, stray bytes), or that holds a
  control character. PostgreSQL refuses NUL in text, so one reaching a lookup (``/media/%00``)
  was a 500. A query value may hold a tab or a line break, ordinary whitespace in pasted text
  that every database stores; nothing else below U+0020, nor DEL, is allowed anywhere in the
  address. HTTP forbids NUL in header values, so one there is refused too, and a cookie whose
  value decodes to a control character is dropped (a browser cannot be asked to forget it).
- **413** for a body over ``PUBLIC_POST_MAX_BYTES`` sent to a public address, judged by its
  ``Content-Length`` before the CSRF check or a view reads it; a public form takes no files,
  so file parts are skipped rather than kept in memory or spooled to disk.
- **405**, with ``Allow``, for a method the view does not serve (TRACE, OPTIONS, a POST to a
  page), read from the view itself: a class-based view's handlers, a function view's
  ``@allow_methods(...)``, otherwise GET and HEAD.

The admin's views handle their own methods and uploads (hero images, PDFs), so the last two
leave its addresses alone; there, an id that matches nothing is made a 404 wherever a view
forgot to (``process_exception``).
"""

import re
from urllib.parse import parse_qsl, unquote_to_bytes

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.views.decorators.http import require_http_methods
from django.views.generic import View

READ_ONLY = frozenset({"GET", "HEAD"})
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# In a query value, tab, LF and CR are whitespace a reader may paste into the search box.
CONTROL_IN_VALUE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
ADMIN_APP = "admin"


def allow_methods(*methods: str):
    """Declares the methods a function view serves, for ``RequestGuardMiddleware`` (which reads
    them before the CSRF check) and for the view itself, which still refuses the rest with 405.
    GET brings HEAD with it, as in Django's class-based views."""
    allowed = frozenset(methods) | (READ_ONLY if "GET" in methods else frozenset())

    def decorator(view):
        guarded = require_http_methods(sorted(allowed))(view)
        guarded.allowed_methods = allowed
        return guarded

    return decorator


def allowed_methods(view) -> frozenset[str]:
    """The methods ``view`` answers: declared with ``@allow_methods``, the handlers a class-based
    view defines (OPTIONS only when it answers it itself), or GET and HEAD."""
    declared = getattr(view, "allowed_methods", None)
    if declared is not None:
        return frozenset(declared)
    view_class = getattr(view, "view_class", None)
    if view_class is None:
        return READ_ONLY
    names = getattr(view, "view_initkwargs", {}).get("http_method_names", view_class.http_method_names)
    methods = {
        name.upper()
        for name in names
        if hasattr(view_class, name) and not (name == "options" and view_class.options is View.options)
    }
    return frozenset(methods | ({"HEAD"} if "GET" in methods else set()))


def _path_bytes(request) -> bytes:
    """The path's bytes as the client sent them. Django writes bytes that are not UTF-8 back into
    the path as ``%XX`` (so ``%C0%AE`` arrives as that text): decoding once more finds them. A
    literal ``%C0`` (sent as ``%25C0``) reads the same, and is no address of ours either."""
    scope = getattr(request, "scope", None)
    if scope is not None and scope.get("raw_path"):
        return unquote_to_bytes(scope["raw_path"])
    return unquote_to_bytes(request.path_info)


def _query_bytes(request) -> bytes:
    scope = getattr(request, "scope", None)
    if scope is not None:
        query = scope.get("query_string", b"")
        return query if isinstance(query, bytes) else query.encode()
    # WSGI passes it on untouched, as latin-1 text.
    return request.META.get("QUERY_STRING", "").encode("iso-8859-1")


def is_unreadable(request) -> bool:
    """Whether the address is not UTF-8 text, or holds a control character where none belongs."""
    try:
        _path_bytes(request).decode()
        fields = parse_qsl(
            _query_bytes(request).decode(),
            keep_blank_values=True,
            errors="strict",
            max_num_fields=settings.DATA_UPLOAD_MAX_NUMBER_FIELDS,
        )
    except ValueError:  # UnicodeError, and more fields than Django itself would read
        return True
    return bool(
        CONTROL.search(request.path_info)
        or any(CONTROL.search(key) or CONTROL_IN_VALUE.search(value) for key, value in fields)
        or any("\x00" in value for name, value in request.META.items() if name.startswith("HTTP_"))
    )


def _drop_unreadable_cookies(request) -> None:
    """A quoted cookie may spell NUL as ``\\000``; such a session id would reach the database."""
    cookies = request.COOKIES
    if any(CONTROL.search(value) for value in cookies.values()):
        request.COOKIES = {name: value for name, value in cookies.items() if not CONTROL.search(value)}


def _content_length(request) -> int:
    # As Django reads it: anything but a number means no body.
    try:
        return max(0, int(request.META.get("CONTENT_LENGTH") or 0))
    except ValueError:
        return 0


def is_admin(request, match=None) -> bool:
    if match is None:
        try:
            match = resolve(request.path_info, getattr(request, "urlconf", None))
        except Resolver404:
            return False
    return ADMIN_APP in match.app_names


class FilesRefused(FileUploadHandler):
    """A public form takes no files: each file part is read past and dropped, never kept."""

    def new_file(self, *args, **kwargs):
        raise SkipFile

    def receive_data_chunk(self, raw_data, start):
        return None

    def file_complete(self, file_size):
        return None


def refusal(request, status: int, template: str):
    """A small page that needs no database (no session, no user, no form), framed nowhere:
    it is answered before the middleware that would add ``X-Frame-Options``."""
    response = render(request, template, status=status)
    response["X-Frame-Options"] = settings.X_FRAME_OPTIONS
    return response


class RequestGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_unreadable(request):
            return refusal(request, 400, "400.html")
        _drop_unreadable_cookies(request)
        length = _content_length(request)
        if length and not is_admin(request):
            if length > settings.PUBLIC_POST_MAX_BYTES:
                return refusal(request, 413, "413.html")
            if request.content_type == "multipart/form-data":
                request.upload_handlers = [FilesRefused(request)]
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if is_admin(request, request.resolver_match):
            return None
        allowed = allowed_methods(view_func)
        if request.method in allowed:
            return None
        return HttpResponseNotAllowed(sorted(allowed))

    def process_exception(self, request, exception):
        """An id in an admin address that matches nothing is a 404, also in the admin pages of
        other packages that look it up with ``.get()`` (django-otp's device set-up pages)."""
        if isinstance(exception, ObjectDoesNotExist) and is_admin(request, request.resolver_match):
            raise Http404("No such object.") from exception
        return None
