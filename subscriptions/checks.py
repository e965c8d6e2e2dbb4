from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.caches)
def rate_limit_cache_is_shared(app_configs=None, **kwargs):
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if not settings.DEBUG and backend.endswith("LocMemCache"):
        return [
            checks.Warning(
                "The sign-up rate limit is counted in a per-process memory cache.",
                hint="Set REDIS_URL so every web process shares one count.",
                id="subscriptions.W001",
            )
        ]
    return []
