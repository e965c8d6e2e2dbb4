"""Parts of public pages kept in the cache between renders, so a page rendered afresh (the page
cache is off, or does not hold that address yet) skips what costs most: on a publication page
its byline, topics and series box, citations and "Recent & Related", with the queries behind
them; on each page of the list its filter form, count and cards; the home page whole; and
everywhere, the publication cards.

Everything is kept under the content version (``core/content_version.py``), like pages in the
page cache: any edit to anything public gives every fragment a new key, so none is ever shown
stale and nothing needs to know which fragment shows what. Nothing is kept longer than
``FRAGMENT_CACHE_SECONDS`` (a setting, 600 by default; 0 turns fragments off), nor past the
moment the next scheduled publication goes live, which may join a list. Since an edit turns
fragments over as it does the page cache, they pay off where the page cache does not hold the
page: with it off, for other addresses of a page (the list's pages 2, 3…, campaign tags), for
cards shared between pages, and after an edge cache's copy expires.

Fragments keep the surrogate keys (``core/surrogates.py``) of what they showed: a page put
together from them names the same objects for edge purges as one rendered from scratch.

Pages rendered inside a transaction (a test's own) neither read nor keep fragments: the content
version does not yet reflect that transaction's changes, and may never (a rollback).

    fragments = Fragments(request, "publication", publication.pk)   # one cache read
    with fragments.recording():                                      # around the render
        response.render()

and in the template ``{% load fragments %}{% fragment "byline" %}…{% endfragment %}``; cards
with ``cards()`` or ``{% cards publications as rendered %}``.
"""

import logging
from contextlib import contextmanager

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.template.loader import get_template
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from core import content_version, surrogates

from .models import byline

DEFAULT_SECONDS = 600
CARD_TEMPLATE = "includes/card/publication.html"

logger = logging.getLogger("redcell.security")


def seconds() -> int:
    return getattr(settings, "FRAGMENT_CACHE_SECONDS", DEFAULT_SECONDS)


def version_of(request) -> str | None:
    """The content version fragments are kept under, or None when none are: turned off, inside a
    transaction (a test's own), or the database never answered (``content_version.of_request``)."""
    if request is None or seconds() <= 0:
        return None
    return content_version.of_request(request)


def fresh_until(version: str) -> float:
    """When a fragment kept now under ``version`` stops being good: ``FRAGMENT_CACHE_SECONDS``
    from now, or the moment the next scheduled publication goes live if that comes first."""
    until = timezone.now().timestamp() + seconds()
    going_live = content_version.next_going_live(version)
    return min(until, going_live.timestamp()) if going_live is not None else until


class Fragments:
    """The fragments of one page (HTML, or values such as a count): read from the cache at
    once, or recorded as the page renders."""

    def __init__(self, request, page: str, *vary):
        self.version = version_of(request)
        self.enabled = self.version is not None
        self.stored: dict | None = None
        self.rendered: dict[str, object] = {}
        if self.enabled:
            self.key = ":".join(["redcell:fragments", self.version, page, *map(str, vary)])
            entry = content_version.get_cached(self.key)
            if entry is not None and entry["fresh_until"] > timezone.now().timestamp():
                self.stored = entry

    @property
    def found(self) -> bool:
        return self.stored is not None

    def get(self, name: str):
        return self.stored["parts"].get(name) if self.stored else None

    def put(self, name: str, part) -> None:
        """Keep ``part`` (HTML, or a value such as a count) as ``name``."""
        if self.enabled:
            self.rendered[name] = part

    @contextmanager
    def recording(self):
        """Around the page's render: replays the stored entry's surrogate keys, or collects
        those of what the fragments load and keeps the entry once the page has rendered."""
        if not self.enabled:
            yield
            return
        if self.stored is not None:
            surrogates.add(*self.stored["keys"])
            yield
            return
        with surrogates.collecting() as collected:
            yield
        keys = collected.sorted()
        surrogates.add(*keys)
        if self.rendered:
            self._keep({"parts": self.rendered, "keys": keys})

    def _keep(self, entry: dict) -> None:
        entry["fresh_until"] = until = fresh_until(self.version)
        lifetime = until - timezone.now().timestamp()
        if lifetime > 0:
            content_version.set_cached(self.key, entry, timeout=int(lifetime) + 1)


def cards(request, publications, large_first: bool = False) -> list[SafeString]:
    """The card of each of ``publications`` (the first one large, if asked), each kept under the
    content version and shared by every page that lists it: the home page, the lists, the pages
    of experts, areas and series, "Recent & Related". Bylines are read, in one query, only for
    the cards not kept, and only where the caller has not read them already."""
    publications = list(publications)
    sizes = [large_first and index == 0 for index in range(len(publications))]
    keys = [None] * len(publications)
    kept = {}
    version = version_of(request)
    if version is not None:
        keys = [
            f"redcell:card:{version}:{p.pk}:{int(big)}" for p, big in zip(publications, sizes, strict=True)
        ]
        now = timezone.now().timestamp()
        kept = {key: entry for key, entry in _get_many(keys).items() if entry["fresh_until"] > now}
    unread = [
        publication
        for publication, key in zip(publications, keys, strict=True)
        if key not in kept and "authorships" not in getattr(publication, "_prefetched_objects_cache", {})
    ]
    if unread:
        models.prefetch_related_objects(unread, byline())
    template = get_template(CARD_TEMPLATE)
    rendered, new = [], {}
    for publication, big, key in zip(publications, sizes, keys, strict=True):
        if key in kept:
            surrogates.add(*kept[key]["keys"])
            rendered.append(mark_safe(kept[key]["html"]))
            continue
        html = template.render({"publication": publication, "large": big})
        rendered.append(mark_safe(html))
        if key is not None:
            shown = [publication, publication.type, *publication.ordered_authors()]
            new[key] = {"html": str(html), "keys": [surrogates.key_for(item) for item in shown]}
    if new:
        until = fresh_until(version)
        for entry in new.values():
            entry["fresh_until"] = until
        _set_many(new, until - timezone.now().timestamp())
    return rendered


def _get_many(keys: list[str]) -> dict:
    """``cache.get_many()``, or nothing when the cache fails: the cards are then rendered."""
    try:
        return cache.get_many(keys)
    except Exception as error:
        logger.error("event=cache_error operation=get error=%s", type(error).__name__)
        return {}


def _set_many(entries: dict, lifetime: float) -> None:
    if lifetime <= 0:
        return
    try:
        cache.set_many(entries, timeout=int(lifetime) + 1)
    except Exception as error:
        logger.error("event=cache_error operation=set error=%s", type(error).__name__)
