"""What the search page reads from its query string: the words, the facets and the order."""

from django import forms

from authors.models import Author
from regions.models import Region
from research_areas.models import ResearchArea
from series.models import Series

from ..models import PublicationType

QUERY_MAX_LENGTH = 200


def _by_slug(queryset, **kwargs) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(queryset, to_field_name="slug", required=False, **kwargs)


class SearchForm(forms.Form):
    """Anything it cannot use is reported and left out, never a server error."""

    q = forms.CharField(label="Search terms", max_length=QUERY_MAX_LENGTH, required=False)
    # Publication or event: the kinds the page searches (``kinds`` below) are its choices.
    kind = forms.ChoiceField(label="Type", choices=[], required=False)
    type = _by_slug(PublicationType.objects.all(), label="Publication type")
    area = _by_slug(ResearchArea.objects.all(), label="Research area")
    region = _by_slug(Region.objects.all())
    series = _by_slug(Series.objects.all())
    author = _by_slug(Author.objects.all(), label="Expert")
    year = forms.IntegerField(min_value=1, max_value=9999, required=False)
    sort = forms.ChoiceField(
        choices=[("", "Relevance"), ("newest", "Newest first")], required=False, label="Sort by"
    )

    # The facets, in the order the page shows them (``kinds.Kind.facets`` says which apply to what).
    FACETS = ("kind", "type", "area", "region", "series", "author", "year")

    def __init__(self, *args, kinds: list[tuple[str, str]] = (("publication", "Publication"),), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", "Any"), *kinds]
        self.fields["kind"].error_messages["invalid_choice"] = (
            "“%(value)s” is not a type of result; choose " + " or ".join(label for _, label in kinds) + "."
        )

    def value(self, name: str):
        """The cleaned value of ``name``, or None when it was absent or not usable."""
        self.is_valid()
        return self.cleaned_data.get(name) or None

    def selected(self) -> dict:
        """{facet: chosen value or None}, in the page's order."""
        return {name: self.value(name) for name in self.FACETS}
