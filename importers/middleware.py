"""Old WordPress addresses answer 301 to the new page, so links and search rankings survive.

Two kinds of old address: the item's permalink (``<link>``: ``/2019/05/tariffs/``), which no
route of ours answers, so it is looked up only when the response is a 404 (and costs ordinary
pages nothing); and ``/?p=123`` (``?page_id=`` for pages), WordPress's address by id, which the
home page would otherwise answer, so it is looked up first, and only on ``/`` and
``/index.php`` with that parameter.

The target is always the new page's own path, read from the object itself (a renamed slug is
followed), and only while the object is public: a draft or scheduled piece is not revealed by
its old address, which answers 404 until it goes live. A redirect is the same for everyone, so
it goes out ``public`` like other anonymous pages, with the target's surrogate key, by which a
change to it purges the redirect at the edge too.
"""

from django.db import DatabaseError
from django.http import HttpResponsePermanentRedirect

from core.surrogates import SITE, key_for
from pagecache.middleware import cache_control
from pagecache.purgers import get_purger

from .models import ImportedItem

ROOTS = {"/", "/index.php"}
ID_PARAMETERS = {"p": ImportedItem.Kind.POST, "page_id": ImportedItem.Kind.PAGE}
CONTENT = [ImportedItem.Kind.POST, ImportedItem.Kind.PAGE]


def _public_target(record: ImportedItem | None):
    target = record.target if record else None
    if target is None:
        return None
    manager = type(target)._default_manager
    if hasattr(manager, "published") and not manager.published().filter(pk=target.pk).exists():
        return None
    return target


def _by_id(request):
    for name, kind in ID_PARAMETERS.items():
        value = request.GET.get(name, "")
        if value.isdigit():
            # ?p= works for pages too in WordPress (ids are shared); the named kind comes first.
            records = ImportedItem.objects.filter(kind__in=CONTENT, wp_id=value).order_by("-imported_at")
            return _public_target(min(records[:4], key=lambda record: record.kind != kind, default=None))
    return None


def _by_path(path: str):
    candidates = {path, path.rstrip("/"), path.rstrip("/") + "/"} - {""}
    records = ImportedItem.objects.filter(kind__in=CONTENT, old_path__in=candidates)
    return _public_target(records.order_by("-imported_at").first())


def moved(request, target):
    """A 301 to ``target``'s page, or None when that is not a path on this site (or is here)."""
    location = target.get_absolute_url()
    if not location.startswith("/") or location.startswith(("//", "/\\")) or location == request.path:
        return None
    response = HttpResponsePermanentRedirect(location)
    response["Cache-Control"] = cache_control(None)
    for name, value in get_purger().header([SITE, key_for(target)]).items():
        response[name] = value
    return response


class WordPressRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        safe = request.method in {"GET", "HEAD"}
        by_id = safe and request.path in ROOTS and request.GET.keys() & ID_PARAMETERS.keys()
        if by_id and (redirect := _redirect(request, _by_id, request)):
            return redirect
        response = self.get_response(request)
        if safe and response.status_code == 404:
            return _redirect(request, _by_path, request.path) or response
        return response


def _redirect(request, lookup, *args):
    """The 301 to what ``lookup`` finds, or None; None too while the database is away, so the
    request goes on to the page (or its 503) as if nothing had been imported."""
    try:
        target = lookup(*args)
    except DatabaseError:
        return None
    return moved(request, target) if target is not None else None
