from django import forms
from django.contrib import admin
from django.db.models import Count
from django.utils.html import format_html

from core import colours
from core.admin_mixins import CheckedPrefill, NamesFirst

from .models import Series


@admin.register(Series)
class SeriesAdmin(NamesFirst, CheckedPrefill, admin.ModelAdmin):
    list_display = ["name", "lead_expert", "banner", "has_logo", "publication_count"]
    list_select_related = ["lead_expert"]
    search_fields = ["name", "description", "landing_text"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["lead_expert"]
    readonly_fields = ["banner_preview"]
    view_on_site = True
    fieldsets = [
        (None, {"fields": ["name", "slug", "description"]}),
        (
            "The series' own page",
            {
                "description": "What readers see at the top of the series' page, above its publications.",
                "fields": ["landing_text", "lead_expert"],
            },
        ),
        (
            "Identity",
            {
                "description": "A banner colour and a logo make a project look like itself on its page "
                'and on the "Projects & series" list. Both are optional.',
                "fields": ["banner_colour", "banner_preview", "logo", "logo_alt"],
            },
        ),
    ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "banner_colour":
            kwargs["widget"] = forms.TextInput(
                attrs={"placeholder": "#1f2a44", "size": 9, "spellcheck": "false", "autocomplete": "off"}
            )
        if db_field.name == "logo_alt":
            kwargs["widget"] = forms.TextInput(attrs={"class": "vLargeTextField", "maxlength": 200})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(Count("publications"))

    @admin.display(description="publications", ordering="publications__count")
    def publication_count(self, obj):
        return obj.publications__count

    @admin.display(boolean=True, description="logo")
    def has_logo(self, obj):
        return bool(obj.logo)

    @admin.display(description="banner", ordering="banner_colour")
    def banner(self, obj):
        return self._swatch(obj, obj.banner_colour or "—") if obj.banner_text_colour else "—"

    @admin.display(description="banner preview")
    def banner_preview(self, obj):
        """The name as it will look on the banner, with the text colour chosen and its contrast."""
        if not obj.pk or not obj.banner_text_colour:
            return "Save a banner colour to see the banner here, with the text colour chosen for it."
        colour = colours.normalise(obj.banner_colour)
        ink, ratio = colours.text_colour_on(colour)
        which = "white" if ink == colours.WHITE else "dark"
        return format_html(
            "{}<br>Text on it is {} ({}), with a contrast of {}:1 (WCAG AA asks for {}:1).",
            self._swatch(obj, obj.name),
            which,
            ink,
            f"{ratio:.1f}",
            colours.AA_NORMAL_TEXT,
        )

    def _swatch(self, obj, label):
        # The admin's policy allows style attributes (website/middleware.py); public pages do not.
        return format_html(
            '<span style="display:inline-block;padding:.3em .8em;border-radius:3px;'
            'background:{};color:{};font-weight:700">{}</span>',
            colours.normalise(obj.banner_colour),
            obj.banner_text_colour,
            label,
        )
