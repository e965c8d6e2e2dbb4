from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from core import colours
from core.slugs import also_save, unique_slug
from core.uploads import validate_image_upload


class Series(models.Model):
    """A memo series or a project with its own identity (a "38 North"): its pages show its
    banner colour, logo, landing text and lead expert."""

    name = models.CharField(max_length=160, unique=True)
    slug = models.SlugField(
        max_length=180,
        unique=True,
        blank=True,
        help_text="The last part of the series' web address. Leave empty to make one from the name.",
    )
    description = models.TextField(
        blank=True,
        help_text='One or two sentences, shown as the "About this series" box on every publication '
        'in the series and under its name on the "Projects & series" page.',
    )
    landing_text = models.TextField(
        blank=True,
        help_text="The introduction on the series' own page, below its banner: what it covers, for "
        "whom, how often. Plain text; leave an empty line between paragraphs. Leave empty to show "
        "the description there instead.",
    )
    lead_expert = models.ForeignKey(
        "authors.Author",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="series_led",
        help_text="The expert who directs it, shown with photo and a link on the series' page.",
    )
    banner_colour = colours.BackgroundColourField(
        blank=True,
        help_text="The colour of the banner at the top of the series' page, as # and six digits "
        "(#1f2a44), as in a brand guide. The text on it is white or dark, whichever reads better; "
        "a colour on which neither is readable enough is refused. Leave empty for the site's colours.",
    )
    logo = models.ImageField(
        upload_to="series/",
        blank=True,
        validators=[validate_image_upload],
        width_field="logo_width",
        height_field="logo_height",
        help_text="Shown in the banner and on the list of projects and series. A PNG with a "
        "transparent background works on any banner colour; about 400 pixels across is plenty.",
    )
    logo_alt = models.CharField(
        "logo description",
        max_length=200,
        blank=True,
        help_text='What the logo shows, for readers who cannot see it, e.g. "Red Cell logo: a red '
        'square with a white cell". Required with a logo.',
    )
    # Filled in by Django from the image when a logo is saved: the page reserves its space.
    logo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)

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

    def clean(self):
        if self.logo and not self.logo_alt.strip():
            raise ValidationError({"logo_alt": "Describe the logo for readers who cannot see it."})

    @property
    def banner_text_colour(self) -> str:
        """White or near-black, whichever reads better on the banner colour; "" without one (or
        with one that no text reads well on, which the form refuses)."""
        return colours.readable_text_colour(colours.normalise(self.banner_colour)) or ""

    @property
    def banner_stylesheet(self) -> str:
        """The address of the stylesheet that paints the banner; "" without a colour. The page's
        Content-Security-Policy allows no inline style, so the colour comes from a stylesheet
        named by the colour itself (series/views.py)."""
        if not self.banner_text_colour:
            return ""
        colour = colours.normalise(self.banner_colour).removeprefix("#")
        return reverse("series:banner_css", kwargs={"colour": colour})

    @property
    def intro(self) -> str:
        """What the series' page says under its banner."""
        return self.landing_text or self.description
