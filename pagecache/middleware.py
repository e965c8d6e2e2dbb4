"""Public pages from the cache, and the HTTP caching headers that let browsers, Varnish and a CDN
reuse them.

Only the public pages their apps mark with ``core.pages.cached_page`` take part, only for GET
and HEAD, and only for visitors who are not logged in (no session cookie). Staff get those
pages rendered afresh, marked never to be stored anywhere (they may hold work in progress).
Everything else (the admin, previews and share links, the subscription flows, POSTs) passes
through untouched.

An anonymous public page is the same bytes for every reader: it holds no CSRF token (the
sign-up form needs none, see subscriptions/views.py), no nonce and sets no cookie. So it goes
out ``public`` with ``s-maxage`` for shared caches, a strong ETag, and its surrogate keys
(``core/surrogates.py``), by which an edit purges exactly the pages it changes at the edge
(``pagecache/purging.py``). A page that sets a cookie anyway is neither stored nor shared.

This middleware sits above the session, authentication, CSRF and messages middleware: a page
answered from the cache costs none of them, and ``Vary: Cookie``, which they add when a
template merely looks at the (anonymous) user, is taken off again, since the only cookie that
changes a page is the session cookie, and requests carrying it are never answered from here
(the VCL and the CDN settings in the README send them past the edge too).

In the process, a page is stored once per address (scheme, host, path and query string) and
content version (``core/content_version.py``): any change to the content gives every page a
new key, and nothing is kept past the moment the next scheduled publication goes live, which
also caps every ``max-age`` and ``s-maxage``.

A cache that fails never fails a page: the error is logged and the page rendered as if nothing
were stored (Redis itself falls back to local memory, ``core/cache_backend.py``).
"""

import hashlib

from django.conf import settings
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, get_conditional_response
from django.utils.http import http_date, parse_http_date_safe

from core import content_version as content
from core import pages, surrogates

from .purgers import get_purger

# Headers made again for each answer, never stored.
UNSTORED_HEADERS = frozenset({"content-length", "date", "expires", "cache-control", "etag", "vary"})


def cached_view(request):
    """The view a cacheable request resolves to, or None."""
    try:
        match = resolve(request.path_info, getattr(request, "urlconf", None))
    except Resolver404:
        return None
    return match.func if pages.is_cached_page(match.func) else None


def is_anonymous(request) -> bool:
    # No session cookie: nobody is logged in, and no session or user is read to find out.
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


def page_key(request, version: str) -> str:
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return f"redcell:page:{version}:{hashlib.sha256(address.encode()).hexdigest()}"


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        view = cached_view(request) if request.method in {"GET", "HEAD"} else None
        if view is None:
            return with_keys(self.get_response(request))
        if not is_anonymous(request):
            response = self.get_response(request)
            add_never_cache_headers(response)
            return response

        seconds = settings.PAGE_CACHE_SECONDS
        # Read even with the page cache off, as what a page's lifetime depends on is kept under
        # it; but not inside a transaction (a test's own), whose changes it does not reflect yet.
        version = content.current_or_last_seen() if seconds > 0 else content.of_request(request)
        request.content_version = version
        key = page_key(request, version) if version and seconds > 0 else None
        if key:
            entry = content.get_cached(key)
            if entry is not None and entry["fresh_until"] > timezone.now().timestamp():
                return answer(request, entry)

        with surrogates.collecting() as keys:
            pages.declare(view)
            response = self.get_response(request)
        entry = make_entry(response, keys.sorted(), version, stored=key is not None)
        if entry is None:
            if not response.has_header("Cache-Control"):
                add_never_cache_headers(response)
            return response
        if key:
            lifetime = entry["fresh_until"] - timezone.now().timestamp()
            content.set_cached(key, entry, timeout=max(1, min(seconds, int(lifetime) + 1)))
        return answer(request, entry)


def with_keys(response):
    """A response the page cache does not keep but a shared cache may (an upload) names what it
    shows in ``surrogate_keys``; it gets the edge's header for them."""
    keys = getattr(response, "surrogate_keys", None)
    if keys and "public" in response.get("Cache-Control", ""):
        for name, value in get_purger().header(keys).items():
            response[name] = value
    return response


def make_entry(response, keys: list[str], version: str | None, stored: bool = True) -> dict | None:
    """What the cache keeps of ``response`` (or, when it is not ``stored``, what the answer is
    made from), or None when it must not be kept or shared: not a plain 200, a view that set its
    own caching headers, or one that set a cookie (a page with a per-visitor value in it)."""
    if (
        response.status_code != 200
        or response.streaming
        or response.cookies
        or response.has_header("Cache-Control")
    ):
        return None
    vary = [
        value.strip()
        for value in response.get("Vary", "").split(",")
        if value.strip() and value.strip().lower() != "cookie"
    ]
    # Nothing is reused past the moment the next scheduled publication appears: looked up once
    # per content version, or for every page rendered while the database does not answer.
    going_live = content.next_going_live(version) if version else _next_going_live()
    now = timezone.now().timestamp()
    # The view's own Last-Modified (feeds and the sitemap know theirs), else when it was stored.
    # Without either, only the ETag can confirm a copy: "now" would never match.
    modified = parse_http_date_safe(response.get("Last-Modified", "")) or (int(now) if stored else None)
    fresh_until = now + settings.PAGE_CACHE_SECONDS
    going_live = going_live.timestamp() if going_live else None
    return {
        "status": response.status_code,
        "headers": [
            (name, value) for name, value in response.items() if name.lower() not in UNSTORED_HEADERS
        ],
        "vary": vary,
        "body": response.content,
        "etag": hashlib.sha256(response.content).hexdigest()[:32],
        "modified": modified,
        "keys": keys,
        "fresh_until": min(fresh_until, going_live) if going_live else fresh_until,
        "going_live": going_live,
        # django-csp's per-view policy changes (decorators) ride on the response object.
        "attributes": {name: value for name, value in vars(response).items() if name.startswith("_csp")},
    }


def _next_going_live():
    from publications.models import Publication

    return Publication.objects.next_going_live()


def cache_control(going_live: float | None) -> str:
    """``public`` for browsers (``max-age``) and shared caches (``s-maxage``), with the stale
    allowances shared caches may use; no lifetime past the next scheduled publication."""
    max_age, shared = settings.PUBLIC_CACHE_MAX_AGE, settings.EDGE_CACHE_SECONDS
    if going_live:
        left = max(0, int(going_live - timezone.now().timestamp()))
        max_age, shared = min(max_age, left), min(shared, left)
    return (
        f"public, max-age={max_age}, s-maxage={shared}, "
        f"stale-while-revalidate={settings.EDGE_STALE_WHILE_REVALIDATE}, "
        f"stale-if-error={settings.EDGE_STALE_IF_ERROR}"
    )


def answer(request, entry: dict):
    """The response for ``request`` from a stored ``entry``: the same bytes and headers for
    every reader, or a 304 when the reader's copy is current."""
    response = HttpResponse(status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    for name, value in entry["attributes"].items():
        setattr(response, name, value)
    if entry["vary"]:
        response["Vary"] = ", ".join(entry["vary"])
    if entry["modified"]:
        response["Last-Modified"] = http_date(entry["modified"])
    response["Cache-Control"] = cache_control(entry["going_live"])
    response["ETag"] = f'"{entry["etag"]}"'
    for name, value in get_purger().header(entry["keys"]).items():
        response[name] = value
    not_modified = get_conditional_response(
        request, etag=response["ETag"], last_modified=entry["modified"], response=response
    )
    if not_modified is not response:
        return not_modified
    response.content = entry["body"]
    return response
