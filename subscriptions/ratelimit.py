"""Sign-up rate limits, counted in Django's cache.

The counters live in the default cache: Redis when ``REDIS_URL`` is set, so every web process
shares them. (Without it each process counts on its own; a system check warns in production.)
While Redis is unreachable each process counts in its own memory (``core/cache_backend.py``):
the limits stay in force, looser by the number of processes. They are not counted in the
database instead, because the site does not store visitors' addresses.
"""

import hashlib
import logging
import math
import time

from django.conf import settings
from django.core.cache import cache

from core.client_ip import client_network

logger = logging.getLogger("redcell.security")


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
    return _wait("ip", client_network(request), limit, window)


def address_wait(email: str) -> int:
    """Seconds before another sign-up for this mailbox is accepted (0: go ahead)."""
    limit, window = settings.SUBSCRIBE_RATE_LIMIT_PER_ADDRESS
    return _wait("address", address_key(email), limit, window)
