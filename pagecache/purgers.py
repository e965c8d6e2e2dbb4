"""Purging an edge cache by surrogate keys: the response header that tags a page with its keys,
and the request that drops every page carrying some of them.

``EDGE_PURGER`` names the edge: ``none`` (the default: purge nothing), ``varnish`` (xkey purges
sent to every Varnish in ``VARNISH_PURGE_URLS``; the VCL is ``deploy/varnish/default.vcl``),
``cloudflare`` (cache tags, purged through Cloudflare's API), or several separated by commas,
such as ``varnish,cloudflare`` for a CDN in front of Varnish. ``get_purger()`` returns it.

``purge()`` raises ``PurgeError`` when any edge did not confirm; ``pagecache.tasks.purge_keys``
runs it after the edit has committed and tries again later, so no save ever waits on an edge.
"""

import json
import logging
import re
import urllib.request
from collections.abc import Iterable, Iterator
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

logger = logging.getLogger(__name__)

# What core/surrogates.py makes; anything else in a header or a purge is a bug, not a key.
KEY = re.compile(r"[a-z0-9:_-]{1,128}")
# Seconds to wait for an edge to answer a purge; the task retries a slow one later.
TIMEOUT = 5
# Bytes of keys in one Varnish purge request's header, well under its http_req_hdr_len (8k).
VARNISH_HEADER_BYTES = 4000
# Tags in one purge call: the limit of Cloudflare's API on every plan.
CLOUDFLARE_TAGS_PER_CALL = 100
CLOUDFLARE_API = "https://api.cloudflare.com/client/v4"


class PurgeError(Exception):
    """An edge did not confirm a purge (unreachable, refused, or an error answer)."""


def clean(keys: Iterable[str]) -> list[str]:
    """``keys`` once each, in order; a malformed key would corrupt a header, so it is refused."""
    unique = sorted(set(keys))
    wrong = [key for key in unique if not KEY.fullmatch(key)]
    if wrong:
        raise ValueError(f"Not surrogate keys: {wrong!r}")
    return unique


class Purger:
    """An edge cache that tags responses with surrogate keys and drops them by key."""

    name = "none"
    # Whether purges reach anything: with no edge configured, none are worked out or queued.
    sends = False

    def header(self, keys: Iterable[str]) -> dict[str, str]:
        """The response headers that tag a page with ``keys``. ``xkey`` by default: Varnish
        reads it whether or not purges are sent, and it means nothing to anything else."""
        keys = clean(keys)
        return {"xkey": " ".join(keys)} if keys else {}

    def purge(self, keys: Iterable[str]) -> None:
        """Drop every cached response tagged with any of ``keys``."""


class VarnishPurger(Purger):
    """``PURGE /`` with ``xkey-purge: <keys>`` to each Varnish, as deploy/varnish/default.vcl
    expects; each drops every object tagged with one of the keys."""

    name = "varnish"
    sends = True

    def __init__(self, urls: Iterable[str]):
        self.urls = [url.rstrip("/") + "/" for url in urls]
        if not self.urls:
            raise ImproperlyConfigured(
                "EDGE_PURGER includes varnish: set VARNISH_PURGE_URLS (http://varnish)."
            )
        # Varnish sits next to the site: straight there, never through an HTTP(S)_PROXY.
        self.opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    def purge(self, keys: Iterable[str]) -> None:
        keys = clean(keys)
        failures = []
        # Every instance is tried, so one that is down does not keep the others stale.
        for url in self.urls:
            for chunk in _chunks(keys, VARNISH_HEADER_BYTES):
                request = urllib.request.Request(url, method="PURGE", headers={"xkey-purge": chunk})
                try:
                    with self.opener.open(request, timeout=TIMEOUT) as response:
                        logger.info("Purged %s from %s: %s", chunk, url, response.reason)
                except OSError as error:  # URLError, HTTPError (a non-2xx answer), timeouts
                    failures.append(f"{url}: {error}")
                    break
        if failures:
            raise PurgeError("Varnish did not purge: " + "; ".join(failures))


class CloudflarePurger(Purger):
    """Cloudflare's purge by cache tag: responses carry ``Cache-Tag`` (Cloudflare keeps it and
    does not pass it on to browsers), and ``POST /zones/<zone>/purge_cache`` with
    ``{"tags": [...]}`` drops them, 100 tags a call."""

    name = "cloudflare"
    sends = True

    def __init__(self, zone_id: str, api_token: str):
        if not (zone_id and api_token):
            raise ImproperlyConfigured(
                "EDGE_PURGER includes cloudflare: set CLOUDFLARE_ZONE_ID and CLOUDFLARE_API_TOKEN."
            )
        self.url = f"{CLOUDFLARE_API}/zones/{zone_id}/purge_cache"
        self.api_token = api_token

    def header(self, keys: Iterable[str]) -> dict[str, str]:
        keys = clean(keys)
        return {"Cache-Tag": ",".join(keys)} if keys else {}

    def purge(self, keys: Iterable[str]) -> None:
        keys = clean(keys)
        for start in range(0, len(keys), CLOUDFLARE_TAGS_PER_CALL):
            tags = keys[start : start + CLOUDFLARE_TAGS_PER_CALL]
            request = urllib.request.Request(
                self.url,
                method="POST",
                data=json.dumps({"tags": tags}).encode(),
                headers={"Authorization": f"Bearer {self.api_token}", "Content-Type": "application/json"},
            )
            try:
                with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
                    answer = json.load(response)
            except (OSError, ValueError) as error:  # unreachable, a non-2xx answer, not JSON
                raise PurgeError(f"Cloudflare did not purge {len(tags)} tags: {error}") from error
            if not answer.get("success"):
                raise PurgeError(f"Cloudflare refused to purge {len(tags)} tags: {answer.get('errors')}")
            logger.info("Purged %s tags from Cloudflare", len(tags))


class Purgers(Purger):
    """Several edges, one behind the other (a CDN in front of Varnish): each gets its header
    and every purge."""

    def __init__(self, purgers: list[Purger]):
        self.purgers = purgers
        self.name = ",".join(purger.name for purger in purgers)
        self.sends = any(purger.sends for purger in purgers)

    def header(self, keys: Iterable[str]) -> dict[str, str]:
        keys = clean(keys)
        headers = {}
        for purger in self.purgers:
            headers.update(purger.header(keys))
        return headers

    def purge(self, keys: Iterable[str]) -> None:
        keys = clean(keys)
        failures = []
        for purger in self.purgers:
            try:
                purger.purge(keys)
            except PurgeError as error:
                failures.append(str(error))
        if failures:
            raise PurgeError("; ".join(failures))


def _chunks(keys: list[str], limit: int) -> Iterator[str]:
    chunk: list[str] = []
    size = 0
    for key in keys:
        if chunk and size + 1 + len(key) > limit:
            yield " ".join(chunk)
            chunk, size = [], 0
        chunk.append(key)
        size += len(key) + 1
    if chunk:
        yield " ".join(chunk)


def _listed(value: str | Iterable[str]) -> tuple[str, ...]:
    items = value.split(",") if isinstance(value, str) else value
    return tuple(item.strip() for item in items if item.strip())


def get_purger() -> Purger:
    """The edge(s) ``EDGE_PURGER`` names, with their settings; called for every cached page, so
    built once per configuration."""
    edge, varnish = settings.EDGE_PURGER, settings.VARNISH_PURGE_URLS
    return _build(
        edge if isinstance(edge, str) else tuple(edge),
        varnish if isinstance(varnish, str) else tuple(varnish),
        settings.CLOUDFLARE_ZONE_ID,
        settings.CLOUDFLARE_API_TOKEN,
    )


@lru_cache(maxsize=8)
def _build(edge, varnish_urls, zone_id: str, api_token: str) -> Purger:
    edges = [name.lower() for name in _listed(edge)]
    unknown = sorted(set(edges) - {"none", "varnish", "cloudflare"})
    if unknown:
        raise ImproperlyConfigured(
            f"EDGE_PURGER names {', '.join(unknown)}; use none, varnish, cloudflare, or several "
            "separated by commas."
        )
    purgers: list[Purger] = []
    if "varnish" in edges:
        purgers.append(VarnishPurger(_listed(varnish_urls)))
    if "cloudflare" in edges:
        purgers.append(CloudflarePurger(zone_id, api_token))
    if not purgers:
        return Purger()
    return purgers[0] if len(purgers) == 1 else Purgers(purgers)


# At start-up (the page cache's app loads this module), not at the first page: a misconfigured
# edge stops every process with a clear message, as a missing setting does.
get_purger()
