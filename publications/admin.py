from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.db.models import Prefetch
from django.urls import path, reverse
from django.utils.html import format_html
from taggit.models import Tag
from taggit.utils import parse_tags

from . import views
from .models import Authorship, Publication, PublicationType


@admin.register(PublicationType)
class PublicationTypeAdmin(admin.ModelAdmin):
    list_display = ["name", "plural_name", "position"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class AuthorshipInline(admin.TabularInline):
    model = Authorship
    extra = 1
    autocomplete_fields = ["author"]
    verbose_name = "author"
    verbose_name_plural = "authors (in byline order)"


class PublicationAdminForm(forms.ModelForm):
    """Tags are picked from existing ones with autocomplete; new ones are typed beside them."""

    tags = forms.ModelMultipleChoiceField(
        Tag.objects.all(),
        required=False,
        widget=AutocompleteSelectMultiple(Publication._meta.get_field("tags"), admin.site),
        help_text="Start typing to find an existing tag.",
    )
    new_tags = forms.CharField(
        required=False,
        label="New tags",
        help_text='Tags that do not exist yet, separated by commas: "energy, shipping".',
    )

    class Meta:
        model = Publication
        fields = "__all__"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["tags"] = list(self.instance.tags.values_list("pk", flat=True))

    def chosen_tags(self) -> list:
        names = [tag.name for tag in self.cleaned_data.get("tags") or []]
        return names + parse_tags(self.cleaned_data.get("new_tags", ""))

    def _save_m2m(self):
        self.cleaned_data["tags"] = self.chosen_tags()
        super()._save_m2m()


@admin.register(Publication)
class PublicationAdmin(admin.ModelAdmin):
    form = PublicationAdminForm
    inlines = [AuthorshipInline]
    list_display = ["title", "type", "byline", "status", "is_live", "published_at", "featured"]
    list_filter = ["status", "type", "featured", "areas", "series"]
    list_select_related = ["type"]
    search_fields = ["title", "dek", "summary", "authors__name"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["areas", "series", "related"]
    readonly_fields = ["preview_link", "created_at", "updated_at"]
    save_on_top = True

    class Media:
        css = {"all": ["css/admin.css"]}
    fieldsets = [
        (None, {"fields": ["title", "slug", "type", "dek"]}),
        ("Text", {"fields": ["summary", "body"]}),
        ("Publishing", {"fields": ["status", "published_at", "featured", "preview_link"]}),
        ("Classification", {"fields": ["areas", "series", "tags", "new_tags", "related"]}),
        (
            "Hero image and PDF",
            {"fields": ["hero_image", "hero_alt", "hero_caption", "hero_credit", "pdf"]},
        ),
        ("History", {"classes": ["collapse"], "fields": ["created_at", "updated_at"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(Prefetch("authorships", queryset=Authorship.objects.select_related("author")))
        )

    def get_urls(self):
        return [
            path(
                "<int:pk>/preview/",
                self.admin_site.admin_view(views.preview),
                name="publications_publication_preview",
            )
        ] + super().get_urls()

    def view_on_site(self, obj):
        if obj.is_published:
            return obj.get_absolute_url()
        return reverse("admin:publications_publication_preview", args=[obj.pk])

    @admin.display(description="authors")
    def byline(self, obj):
        return ", ".join(author.name for author in obj.ordered_authors())

    @admin.display(boolean=True, description="live")
    def is_live(self, obj):
        return obj.is_published

    @admin.display(description="preview")
    def preview_link(self, obj):
        if not obj.pk:
            return "Save the publication first."
        url = reverse("admin:publications_publication_preview", args=[obj.pk])
        return format_html('<a href="{}" target="_blank">Preview as readers will see it</a>', url)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Keep byline positions 1, 2, 3… in the order staff gave (or the rows' order).
        for position, authorship in enumerate(form.instance.authorships.order_by("position", "id"), 1):
            if authorship.position != position:
                authorship.position = position
                authorship.save(update_fields=["position"])
