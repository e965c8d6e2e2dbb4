"""Sign-up rate limits, counted in Django's cache.

The counters live in the default cache: Redis when ``REDIS_URL`` is set, so every web process
shares them. (Without it each process counts on its own; a system check warns in production.)
"""

import hashlib
import ipaddress
import time

from django.conf import settings
from django.core.cache import cache


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


def _allow(kind: str, subject: str, limit: int, window: int) -> bool:
    """Counts one attempt; False once there have been more than ``limit`` in this window."""
    digest = hashlib.sha256(subject.encode()).hexdigest()[:32]
    key = f"subscriptions:rate:{kind}:{digest}:{int(time.time() // window)}"
    if cache.add(key, 1, timeout=window + 60):
        return limit >= 1
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=window + 60)
        count = 1
    return count <= limit


def allow_ip(request) -> bool:
    limit, window = settings.SUBSCRIBE_RATE_LIMIT_PER_IP
    return _allow("ip", client_ip(request), limit, window)


def allow_address(email: str) -> bool:
    limit, window = settings.SUBSCRIBE_RATE_LIMIT_PER_ADDRESS
    return _allow("address", email.lower(), limit, window)
