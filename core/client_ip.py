"""The visitor's address, found the one way every part of the site uses (rate limits, the login
lockout, the security log).

Not django-ipware: its ``proxy_count`` counts the proxies listed in ``X-Forwarded-For``, and
its current algorithm either refuses a chain holding an extra, client-written entry (strict) or
returns that forged left-most entry (not strict). Here the rule is the one a proxy we run
guarantees: it appends the address it saw, so with ``TRUSTED_PROXY_COUNT`` proxies the entry that
many from the right is the visitor, and whatever a client wrote further left counts for nothing.
"""

import ipaddress

from django.conf import settings


def client_network(request) -> str:
    """The visitor as the sign-up limits count them: ``REMOTE_ADDR``, unless
    ``TRUSTED_PROXY_COUNT`` proxies we run stand in front, in which case the address the
    outermost of them saw; an IPv6 visitor as its /64 network, "unknown" without an address.

    ``X-Forwarded-For`` is otherwise ignored: anyone can send one.
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


def client_ip(request) -> str | None:
    """The visitor's address for logs and the login lockout (django-axes'
    ``AXES_CLIENT_IP_CALLABLE``): as ``client_network``, an IPv6 /64 written as its first
    address; None when there is none."""
    address = client_network(request)
    return None if address == "unknown" else address.split("/")[0]
