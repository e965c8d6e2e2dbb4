"""The cache configuration, read by settings.py. Imports nothing, so settings can load it."""


def cache_settings(redis_url: str | None) -> dict:
    """CACHES for a site with Redis at ``redis_url``, or without one: what settings.py uses, and
    what tests/security/test_cache_outage.py builds to run on exactly what production runs on."""
    # Each web process keeps its own; pages are 30-60 kB, so this holds up to ~60 MB a process.
    local_entries = 1000
    if not redis_url:
        return {
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "OPTIONS": {"MAX_ENTRIES": local_entries},
            }
        }
    # Shared by every process. While Redis does not answer, each process uses its own memory, as
    # without Redis, and asks again every few seconds; socket timeouts of a second keep a
    # vanished host from holding requests (core/cache_backend.py).
    return {
        "default": {
            "BACKEND": "core.cache_backend.FallbackRedisCache",
            "LOCATION": redis_url,
            "OPTIONS": {"FALLBACK_MAX_ENTRIES": local_entries},
        }
    }
