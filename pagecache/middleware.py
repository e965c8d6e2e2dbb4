"""Public pages from the cache, and the HTTP caching headers that let browsers and a CDN
reuse them.

Only the public pages their apps mark with ``core.pages.cached_page`` take part, only for GET
and HEAD, and only for visitors who are not logged in. Staff get those pages rendered afresh,
marked never to be stored anywhere (they may hold work in progress). Everything else (the admin, previews and
share links, the subscription flows, POSTs) passes through untouched.

A page is stored once per address (scheme, host, path and query string) and content version
(``core/content_version.py``): any change to the content gives every page a new key, so the site is
fresh at once, and nothing is kept past the moment the next scheduled publication goes live.

Per-visitor values never reach the cache. The sign-up form on every page carries a CSRF
token tied to the visitor's cookie; the stored copy holds a placeholder, and each answer gets
the visitor's own token (and a CSP nonce, if the page used one). Such pages go out as
``Cache-Control: private, no-cache`` with an ETag made from the stored page and the visitor's
CSRF cookie: a browser asks again each time and gets a 304 while nothing changed, and no
shared cache (a CDN) ever hands one visitor's token to another. A response with no
per-visitor value (feeds, the sitemap, robots.txt, citation files) goes out as
``public, max-age=…``, for browsers and a CDN alike.

A cache that fails never fails a page: the error is logged and the page rendered as if nothing
were stored (Redis itself falls back to local memory, ``core/cache_backend.py``).
"""

import hashlib
import re

from django.conf import settings
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, get_conditional_response
from django.utils.http import http_date, parse_http_date_safe

from core import content_version as content
from core.pages import is_cached_page

# What ``{% csrf_token %}`` writes; the token itself is then replaced wherever it appears.
CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"')
# Stand-ins in stored pages. A NUL byte never occurs in a page we render.
CSRF_MARK = b"\x00csrf-token\x00"
NONCE_MARK = b"\x00csp-nonce\x00"
# Headers made again for each answer, never stored.
UNSTORED_HEADERS = frozenset({"content-length", "date", "expires", "cache-control", "etag"})


def is_public(request) -> bool:
    try:
        match = resolve(request.path_info, getattr(request, "urlconf", None))
    except Resolver404:
        return False
    return is_cached_page(match.func)


def is_anonymous(request) -> bool:
    # No session cookie: nobody is logged in, and no session or user is read to find out.
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return True
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def page_key(request, version: str) -> str:
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return f"redcell:page:{version}:{hashlib.sha256(address.encode()).hexdigest()}"


def _digest(value: bytes) -> str:
    return hashlib.sha256(value).hexdigest()[:20]


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in {"GET", "HEAD"} or not is_public(request):
            return self.get_response(request)
        if not is_anonymous(request):
            response = self.get_response(request)
            add_never_cache_headers(response)
            return response

        seconds = settings.PAGE_CACHE_SECONDS
        version = content.current_or_last_seen() if seconds > 0 else None
        key = page_key(request, version) if version else None
        if key:
            entry = content.get_cached(key)
            if entry is not None and entry["fresh_until"] > timezone.now().timestamp():
                return answer(request, entry)

        token_used_before = request.META.get("CSRF_COOKIE_NEEDS_UPDATE", False)
        response = self.get_response(request)
        entry = make_entry(request, response, token_used_before, version)
        if entry is None:
            return response
        if key:
            lifetime = entry["fresh_until"] - timezone.now().timestamp()
            content.set_cached(key, entry, timeout=max(1, min(seconds, int(lifetime) + 1)))
        return answer(request, entry)


def make_entry(request, response, token_used_before: bool, version: str | None) -> dict | None:
    """What the cache keeps of ``response``, or None when it must not be kept or reused:
    not a plain 200, a view that set its own caching headers or cookies, or a per-visitor
    value in a place we cannot find."""
    if (
        response.status_code != 200
        or response.streaming
        or response.cookies
        or response.has_header("Cache-Control")
        or response.has_header("Vary")
    ):
        return None
    body = response.content
    tokens = set(CSRF_INPUT.findall(body))
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE", False) and not token_used_before and not tokens:
        return None  # the page used a CSRF token, but not in a form field we know
    for token in tokens:
        body = body.replace(token, CSRF_MARK)
    # django-csp's lazy nonce is true only once a template has asked for it.
    nonce = getattr(request, "csp_nonce", None)
    nonce = str(nonce).encode() if nonce else b""
    if nonce and nonce in body:
        body = body.replace(nonce, NONCE_MARK)
    csrf, nonce = CSRF_MARK in body, NONCE_MARK in body

    # Nothing is reused past the moment the next scheduled publication appears. Looked up
    # once per content version when pages are stored; otherwise only for public responses,
    # whose max-age it caps.
    going_live = None
    if version:
        going_live = content.next_going_live(version)
    elif not (csrf or nonce):
        going_live = _next_going_live()
    going_live = going_live.timestamp() if going_live else None

    now = timezone.now().timestamp()
    fresh_until = now + settings.PAGE_CACHE_SECONDS
    # The view's own Last-Modified (feeds and the sitemap know theirs), else when it was stored.
    # Without either, only the ETag can confirm a copy: "now" would never match.
    modified = parse_http_date_safe(response.get("Last-Modified", "")) or (int(now) if version else None)
    return {
        "status": response.status_code,
        "headers": [
            (name, value) for name, value in response.items() if name.lower() not in UNSTORED_HEADERS
        ],
        "body": body,
        "csrf": csrf,
        "nonce": nonce,
        "etag": _digest(body),
        "modified": modified,
        "fresh_until": min(fresh_until, going_live) if going_live else fresh_until,
        "going_live": going_live,
        # django-csp's per-view policy changes (decorators) ride on the response object.
        "attributes": {name: value for name, value in vars(response).items() if name.startswith("_csp")},
    }


def _next_going_live():
    from publications.models import Publication

    return Publication.objects.next_going_live()


def answer(request, entry: dict):
    """The response for ``request`` from a stored ``entry``: a 304 when the visitor's copy is
    current, else the page with the visitor's own token and nonce filled in."""
    response = HttpResponse(status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    for name, value in entry["attributes"].items():
        setattr(response, name, value)
    if entry["modified"]:
        response["Last-Modified"] = http_date(entry["modified"])

    conditional = True
    if entry["nonce"]:
        # A nonce is new for every answer, so no copy of the page can be reused.
        response["Cache-Control"] = "private, no-cache"
        conditional = False
    elif entry["csrf"]:
        # A copy is good for as long as the token in it matches the visitor's cookie.
        response["Cache-Control"] = "private, no-cache"
        secret = request.META.get("CSRF_COOKIE")
        if secret:
            response["ETag"] = f'W/"{entry["etag"]}-{_digest(secret.encode())}"'
        else:
            conditional = False  # no cookie: no copy of theirs can hold a working token
    else:
        max_age = settings.PUBLIC_CACHE_MAX_AGE
        if entry["going_live"]:
            max_age = max(0, min(max_age, int(entry["going_live"] - timezone.now().timestamp())))
        response["Cache-Control"] = f"public, max-age={max_age}"
        response["ETag"] = f'"{entry["etag"]}"'
    if conditional:
        not_modified = get_conditional_response(
            request, etag=response.get("ETag"), last_modified=entry["modified"], response=response
        )
        if not_modified is not response:
            return not_modified

    body = entry["body"]
    if entry["csrf"]:
        body = body.replace(CSRF_MARK, get_token(request).encode())
        if not response.has_header("ETag"):  # a first visit: the token comes with a new cookie
            response["ETag"] = f'W/"{entry["etag"]}-{_digest(request.META["CSRF_COOKIE"].encode())}"'
    if entry["nonce"]:
        body = body.replace(NONCE_MARK, str(request.csp_nonce).encode())
    response.content = body
    return response
