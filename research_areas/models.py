from django.db import models
from django.urls import reverse

from core.slugs import also_save, unique_slug


class ResearchArea(models.Model):
    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(
        max_length=140,
        unique=True,
        blank=True,
        help_text="The last part of the area's web address. Leave empty to make one from the name.",
    )
    description = models.TextField(
        blank=True, help_text="One or two sentences shown at the top of the area's page."
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        help_text="Optional broader area this one belongs to.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.name)
        super().save(*args, **also_save(kwargs, "slug"))

    def get_absolute_url(self) -> str:
        return reverse("research_areas:detail", kwargs={"slug": self.slug})
