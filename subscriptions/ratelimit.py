"""Sign-up rate limits, counted in Django's cache.

The counters live in the default cache: Redis when ``REDIS_URL`` is set, so every web process
shares them. (Without it each process counts on its own; a system check warns in production.)
While Redis is unreachable each process counts in its own memory (``redcell/cache_backend.py``):
the limits stay in force, looser by the number of processes. They are not counted in the
database instead, because the site does not store visitors' addresses.
"""

import hashlib
import ipaddress
import logging
import math
import time

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger("redcell.security")


def client_ip(request) -> str:
    """The visitor's address: ``REMOTE_ADDR``, unless ``TRUSTED_PROXY_COUNT`` proxies we run
    stand in front, in which case the address the outermost of them saw.

    ``X-Forwarded-For`` is otherwise ignored: anyone can send one. Each trusted proxy appends
    the address it received the request from, so the entry we want is that many from the right;
    entries further left were written by the client and prove nothing.
    """
    address = request.META.get("REMOTE_ADDR", "")
    trusted = settings.TRUSTED_PROXY_COUNT
    if trusted > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= trusted:
            address = forwarded[-trusted]
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return "unknown"
    if ip.version == 6:
        if ip.ipv4_mapped:
            return str(ip.ipv4_mapped)
        # One IPv6 household or server usually holds a whole /64.
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def _wait(kind: str, subject: str, limit: int, window: int) -> int:
    """Counts one attempt. 0 while there have been at most ``limit`` in this window; after
    that, the seconds until the window ends (for ``Retry-After``)."""
    digest = hashlib.sha256(subject.encode()).hexdigest()[:32]
    now = time.time()
    key = f"subscriptions:rate:{kind}:{digest}:{int(now // window)}"
    try:
        count = _count(key, window)
    except Exception as error:
        # Only a cache other than ours gets here (Redis falls back to local memory by itself):
        # a sign-up goes ahead uncounted rather than failing; double opt-in still guards it.
        logger.error("event=cache_error operation=rate_limit error=%s", type(error).__name__)
        return 0
    if count <= limit:
        return 0
    return max(1, math.ceil(window - now % window))


def _count(key: str, window: int) -> int:
    if cache.add(key, 1, timeout=window + 60):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=window + 60)
        return 1


def address_key(email: str) -> str:
    """One mailbox however it is written: case folded and a sub-address (``+tag``) dropped, so
    ``Ada+1@x`` and ``ada+2@x`` count as ``ada@x``. For counting only; the address is stored
    as typed."""
    local, _, domain = email.strip().lower().rpartition("@")
    return f"{local.split('+', 1)[0] or local}@{domain}"


def ip_wait(request) -> int:
    """Seconds this visitor must wait before another sign-up counts (0: go ahead)."""
    limit, window = settings.SUBSCRIBE_RATE_LIMIT_PER_IP
    return _wait("ip", client_ip(request), limit, window)


def address_wait(email: str) -> int:
    """Seconds before another sign-up for this mailbox is accepted (0: go ahead)."""
    limit, window = settings.SUBSCRIBE_RATE_LIMIT_PER_ADDRESS
    return _wait("address", address_key(email), limit, window)
