"""Regions: the places work is about ("Pivotal Places"), a second taxonomy beside research
areas. Regions nest (Asia > East Asia > China): a region's page, feed and filter take in the
work filed under the regions inside it, at any depth."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.urls import reverse

from core.slugs import also_save, unique_slug

# A region and the regions below it (DOWN) or above it (UP), at any depth, in one statement
# that SQLite and Postgres both run. UNION (not UNION ALL) stops at a row already found, so
# even a cycle made behind the admin's back cannot make it run forever.
_TREE = """WITH RECURSIVE tree(id, parent_id) AS (
    SELECT id, parent_id FROM {table} WHERE id = %s
    UNION
    SELECT region.id, region.parent_id FROM {table} region JOIN tree ON {step}
) SELECT id FROM tree"""
DOWN = "region.parent_id = tree.id"
UP = "region.id = tree.parent_id"


class RegionQuerySet(models.QuerySet):
    def _tree(self, region, step: str) -> RawSQL:
        return RawSQL(_TREE.format(table=self.model._meta.db_table, step=step), (region.pk,))

    def within(self, region):
        """``region`` and every region inside it, at any depth. Unevaluated, it is a subquery:
        ``Publication.objects.in_regions(Region.objects.within(asia))`` is one statement."""
        return self.filter(pk__in=self._tree(region, DOWN))

    def lineage(self, region):
        """``region``, the regions it lies in and those inside it: what its page shows."""
        return self.filter(Q(pk__in=self._tree(region, DOWN)) | Q(pk__in=self._tree(region, UP)))


class Region(models.Model):
    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(
        max_length=140,
        unique=True,
        blank=True,
        help_text="The last part of the region's web address. Leave empty to make one from the name.",
    )
    description = models.TextField(
        blank=True, help_text="One or two sentences shown at the top of the region's page."
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        help_text="The broader region this one lies in (a country in its region). Its page then "
        "lists this region's publications too.",
    )

    objects = RegionQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.name)
        super().save(*args, **also_save(kwargs, "slug"))

    def get_absolute_url(self) -> str:
        return reverse("regions:detail", kwargs={"slug": self.slug})

    def clean(self):
        """A region may not lie inside itself, directly or through its own sub-regions."""
        seen, parent = set(), self.parent
        while parent is not None and parent.pk not in seen:
            if self.pk is not None and parent.pk == self.pk:
                where = "itself" if self.parent.pk == self.pk else f"“{self.parent}”, which lies inside it"
                raise ValidationError(
                    {"parent": f"“{self.name}” cannot lie inside {where}. Choose a broader region."}
                )
            seen.add(parent.pk)
            parent = parent.parent
