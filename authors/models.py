from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from core.slugs import also_save, unique_slug
from core.uploads import validate_image_upload


class Author(models.Model):
    """An expert: anyone who writes for the institute, staff or not."""

    name = models.CharField(max_length=160)
    slug = models.SlugField(
        max_length=180,
        unique=True,
        blank=True,
        help_text="The last part of the expert's web address. Leave empty to make one from the name.",
    )
    sort_name = models.CharField(
        max_length=160,
        blank=True,
        help_text='How the expert is alphabetised, e.g. "Okafor, Ada". '
        "Defaults to the last word of the name.",
    )
    role = models.CharField(max_length=160, blank=True, help_text='For example "Senior Fellow".')
    bio = models.TextField(
        blank=True,
        help_text='A short biography in two or three sentences, shown under "About the authors".',
    )
    photo = models.ImageField(upload_to="authors/", blank=True, validators=[validate_image_upload])
    photo_alt = models.CharField(
        max_length=200, blank=True, help_text="Describe the photo. Required with a photo."
    )
    website = models.URLField(blank=True)
    email = models.EmailField(blank=True, help_text="Public contact address, if any.")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author",
        help_text="The staff account of this expert, if they have one.",
    )

    class Meta:
        ordering = ["sort_name", "name"]
        verbose_name = "expert"

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.name)
        if not self.sort_name:
            parts = self.name.split()
            self.sort_name = ", ".join([parts[-1], " ".join(parts[:-1])]).strip(", ") if parts else ""
        super().save(*args, **also_save(kwargs, "slug", "sort_name"))

    def get_absolute_url(self) -> str:
        return reverse("authors:detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.photo and not self.photo_alt.strip():
            raise ValidationError({"photo_alt": "Describe the photo for readers who cannot see it."})
