from django import forms
from taggit.models import Tag

from authors.models import Author
from research_areas.models import ResearchArea
from series.models import Series

from .models import Publication, PublicationType


class PublicationFilterForm(forms.Form):
    """The list page's filters. Unknown values are reported, never a server error."""

    type = forms.ModelChoiceField(
        PublicationType.objects.all(), to_field_name="slug", required=False, empty_label="All types"
    )
    area = forms.ModelChoiceField(
        ResearchArea.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="All research areas",
        label="Research area",
    )
    series = forms.ModelChoiceField(
        Series.objects.all(), to_field_name="slug", required=False, empty_label="All series"
    )
    author = forms.ModelChoiceField(
        Author.objects.all(), to_field_name="slug", required=False, empty_label="All experts", label="Expert"
    )
    tag = forms.ModelChoiceField(Tag.objects.all(), to_field_name="slug", required=False)
    year = forms.TypedChoiceField(coerce=int, required=False, empty_value=None)

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", "Any year")] + [(y, str(y)) for y in years]
        # Only tags of published work: a tag used only by drafts answers as an unknown one does.
        self.fields["tag"].queryset = Publication.objects.published().tags()

    def filter(self, queryset):
        if not self.is_valid():
            return queryset.none()
        data = self.cleaned_data
        if data["type"]:
            queryset = queryset.filter(type=data["type"])
        if data["area"]:
            queryset = queryset.filter(areas=data["area"])
        if data["series"]:
            queryset = queryset.filter(series=data["series"])
        if data["author"]:
            queryset = queryset.filter(authorships__author=data["author"])
        if data["tag"]:
            queryset = queryset.filter(tags=data["tag"])
        if data["year"]:
            queryset = queryset.filter(published_at__year=data["year"])
        return queryset

    def active_filters(self) -> list:
        if not self.is_valid():
            return []
        return [value for name, value in self.cleaned_data.items() if value]
