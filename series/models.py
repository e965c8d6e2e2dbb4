from django.db import models
from django.urls import reverse

from core.slugs import also_save, unique_slug


class Series(models.Model):
    name = models.CharField(max_length=160, unique=True)
    slug = models.SlugField(
        max_length=180,
        unique=True,
        blank=True,
        help_text="The last part of the series' web address. Leave empty to make one from the name.",
    )
    description = models.TextField(
        blank=True,
        help_text='Shown as the "About this series" box on every publication in the series.',
    )
    logo = models.ImageField(upload_to="series/", blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "series"

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.name)
        super().save(*args, **also_save(kwargs, "slug"))

    def get_absolute_url(self) -> str:
        return reverse("series:detail", kwargs={"slug": self.slug})
