from django.db import models


class ContentVersion(models.Model):
    """A single row whose token changes whenever something a public page shows changes.

    The page cache keys every page by this token (see ``core/content_version.py``). It lives in the
    database rather than in the cache so every web process sees a change at the same moment,
    whichever cache backend is in use."""

    token = models.CharField(max_length=32)
    changed_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.token} ({self.changed_at:%Y-%m-%d %H:%M:%S})"
