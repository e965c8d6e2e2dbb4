from django.db import models

from .slugs import also_save, unique_slug


class ContentVersion(models.Model):
    """A single row whose token changes whenever something a public page shows changes.

    The page cache keys every page by this token (see ``core/content_version.py``). It lives in the
    database rather than in the cache so every web process sees a change at the same moment,
    whichever cache backend is in use."""

    token = models.CharField(max_length=32)
    changed_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.token} ({self.changed_at:%Y-%m-%d %H:%M:%S})"


class KindOfWork(models.Model):
    """A kind of publication or event ("Policy Memo", "Panel"), as staff edit them: a slug and
    a plural made from the name when left blank. Subclasses declare ``name``, ``plural_name``,
    ``slug`` and ``position``."""

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.name)
        if not self.plural_name:
            self.plural_name = f"{self.name}s"
        super().save(*args, **also_save(kwargs, "slug", "plural_name"))
