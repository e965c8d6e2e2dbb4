from django.conf import settings


def absolute_url(path: str) -> str:
    """``path`` (a site path or a storage URL) as an absolute URL on ``SITE_URL``, for feeds,
    sitemaps, metadata and citations, which leave the site and must not depend on the request."""
    if not path or "://" in path or path.startswith("//"):
        return path
    return f"{settings.SITE_URL}/{path.lstrip('/')}"
