"""Editable pages (About, Contact, Privacy) at their own addresses, and the header and footer
menus that editors arrange.

A page lives at its *path*, its parent's path and its own slug (``about/contact``), served by
the catch-all address added last to the site's URLs, so it never shadows another page. Its body
is written in the publications' editor and goes through the same sanitiser and renderer.
"""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import CharField, Exists, OuterRef, Q, Value
from django.db.models.functions import Concat
from django.db.models.lookups import StartsWith
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django_prose_editor.fields import ProseEditorField

from core.slugs import also_save, readable_slug
from publications import body

# The URL name of the catch-all that serves pages (redcell/urls.py, last).
PAGE_ROUTE = "page"


def is_public() -> Q:
    """A page's own state: published, and its time has come."""
    return Q(status=Page.Status.PUBLISHED, published_at__lte=timezone.now())


class PageQuerySet(models.QuerySet):
    def published(self):
        """The one rule of visibility, for pages: published, its time has come, and the same
        holds for every page above it, whose slugs are part of its address."""
        hidden_above = Page.objects.filter(~is_public()).filter(
            StartsWith(OuterRef("path"), Concat("path", Value("/"), output_field=CharField()))
        )
        return self.filter(is_public()).exclude(Exists(hidden_above))


class Page(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    title = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=100,
        blank=True,
        help_text="The last part of the page's address. Leave empty to make one from the title; "
        "avoid changing it once published, as links to the old address will break.",
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text='The page this one sits under: "Contact" under "About" is at /about/contact/.',
    )
    path = models.CharField(max_length=500, unique=True, editable=False)
    description = models.CharField(
        max_length=300,
        blank=True,
        help_text="One or two plain sentences for search engines and link previews.",
    )
    body = ProseEditorField(
        extensions=body.EXTENSIONS,
        sanitize=True,
        blank=True,
        help_text="Use Heading 2 for sections; footnotes and pull quotes work as in publications.",
    )
    body_html = models.TextField(editable=False, blank=True)
    toc = models.JSONField(editable=False, default=list, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(
        "publication date",
        null=True,
        blank=True,
        help_text="Left empty, publishing sets it to now. A date in the future keeps the page "
        "hidden until then.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PageQuerySet.as_manager()

    # Filled in by save(); stored along with any partial save (``update_fields``).
    DERIVED_FIELDS = ("slug", "path", "published_at", "body", "body_html", "toc")

    class Meta:
        ordering = ["path"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="published_page_has_date",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = readable_slug(self.title, fallback="page")
        old_path, self.path = self.path, self.address()
        self._date_if_published()
        # The admin form sanitises too; this keeps every other path (shell, the demo) safe.
        self.body = body.sanitize(self.body)
        rendered = body.render(self.body)
        self.body_html, self.toc = rendered.html, rendered.toc
        super().save(*args, **also_save(kwargs, *self.DERIVED_FIELDS))
        if old_path and old_path != self.path:
            # The pages below take their addresses from this one.
            for child in self.children.all():
                child.parent = self
                child.save()

    def get_absolute_url(self) -> str:
        return reverse(PAGE_ROUTE, kwargs={"path": self.path})

    def address(self) -> str:
        """The path this page has with its current parent and slug."""
        return f"{self.parent.path}/{self.slug}" if self.parent else self.slug

    def clean(self):
        if not self.slug:
            self.slug = readable_slug(self.title, fallback="page")
        self._date_if_published()
        ancestor = self.parent
        while ancestor is not None:
            if self.pk and ancestor.pk == self.pk:
                raise ValidationError({"parent": "A page cannot sit under itself or a page below it."})
            ancestor = ancestor.parent
        path = self.address()
        if Page.objects.filter(path=path).exclude(pk=self.pk).exists():
            raise ValidationError({"slug": f"Another page is already at /{path}/: choose another slug."})
        try:
            match = resolve(f"/{path}/")
        except Resolver404:  # not a slug at all, which the field itself reports
            return
        if match.url_name != PAGE_ROUTE:
            raise ValidationError({"slug": f"/{path}/ is another part of the site: choose another slug."})

    def _date_if_published(self):
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()

    @property
    def depth(self) -> int:
        return self.path.count("/")

    @property
    def show_toc(self) -> bool:
        return sum(1 for entry in self.toc if entry["level"] == 2) >= 3


# The site's own lists a menu item may lead to: key -> (label, URL name). The addresses are
# looked up as menus are drawn, and a list whose address does not exist is left out.
LISTS = {
    "home": ("Home", "home"),
    "publications": ("Publications", "publications:list"),
    "research-areas": ("Research Areas", "research_areas:list"),
    "regions": ("Regions", "regions:list"),
    "series": ("Projects & Series", "series:list"),
    "experts": ("Experts", "authors:list"),
    "search": ("Search", "search"),
    "subscribe": ("Subscribe", "subscriptions:subscribe"),
    "feed": ("RSS feed", "feeds:latest"),
}


def validate_link(value: str) -> None:
    """A web address, or an address on this site starting with one /."""
    if value.startswith("/") and not value.startswith("//"):
        return
    URLValidator(schemes=["http", "https"], message="Enter a web address (https://…) or a path (/…).")(value)


class MenuItem(models.Model):
    class Menu(models.TextChoices):
        HEADER = "header", "Header"
        FOOTER = "footer", "Footer"

    menu = models.CharField(max_length=10, choices=Menu.choices)
    position = models.PositiveSmallIntegerField(default=0, help_text="Lower numbers come first.")
    label = models.CharField(max_length=60, help_text="The words of the link.")
    page = models.ForeignKey(
        Page,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="menu_items",
        help_text="Leads to this page; shown only while the page is published.",
    )
    named = models.CharField(
        "list",
        max_length=20,
        blank=True,
        choices=[(key, label) for key, (label, _) in LISTS.items()],
        help_text="Or leads to one of the site's lists.",
    )
    url = models.CharField(
        "address",
        max_length=500,
        blank=True,
        validators=[validate_link],
        help_text="Or leads to this address: https://… elsewhere, or /… on this site.",
    )

    class Meta:
        ordering = ["menu", "position", "pk"]
        verbose_name = "menu item"
        constraints = [
            models.CheckConstraint(
                condition=Q(page__isnull=False, named="", url="")
                | Q(page__isnull=True, url="", named__gt="")
                | Q(page__isnull=True, named="", url__gt=""),
                name="menu_item_has_one_target",
                violation_error_message="Choose one thing for the item to lead to: a page, a list or an "
                "address.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_menu_display()}: {self.label}"
