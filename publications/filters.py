"""The publication list's filters, one query parameter each: ``type``, ``area``, ``region``,
``series``, ``author`` (slugs), ``tag`` (a tag's slug) and ``year``. A region takes in the regions
inside it (Asia: China too).

A value that names nothing ("no such expert", a year without publications, a tag that only
unpublished work carries) is reported on the page and matches nothing: the list never quietly
shows everything instead, and never fails."""

import django_filters
from taggit.models import Tag

from authors.models import Author
from regions.models import Region
from research_areas.models import ResearchArea
from series.models import Series

from .models import Publication, PublicationType

# What the filters (and the search page's facets) list every one of: a page showing them
# changes when any of these does.
FILTERED_BY = (PublicationType, ResearchArea, Region, Series, Author, Tag)


def published_tags(request):
    """Tags of published work only, so a tag that only drafts carry answers as an unknown one
    and the list's tag box offers no other; by name, as the box lists them."""
    return Publication.objects.published().tags().order_by("name")


class ListFilterSet(django_filters.FilterSet):
    """What the public lists' filters share (publications here, events too): a region takes in
    the regions inside it, a value that names nothing matches nothing, and what is chosen is
    counted."""

    def in_region(self, queryset, name, region):
        return queryset.in_regions(Region.objects.within(region))

    def filter_queryset(self, queryset):
        if not self.form.is_valid():
            return queryset.none()
        return super().filter_queryset(queryset)

    @property
    def active_filters(self) -> list:
        """What the list is narrowed to (an expert, a year…), for the result count."""
        if not self.is_valid():
            return []
        return [value for value in self.form.cleaned_data.values() if value]


class PublicationFilter(ListFilterSet):
    type = django_filters.ModelChoiceFilter(
        queryset=PublicationType.objects.all(), to_field_name="slug", label="Type", empty_label="All types"
    )
    area = django_filters.ModelChoiceFilter(
        field_name="areas",
        queryset=ResearchArea.objects.all(),
        to_field_name="slug",
        distinct=True,
        label="Research area",
        empty_label="All research areas",
    )
    region = django_filters.ModelChoiceFilter(
        queryset=Region.objects.all(),
        to_field_name="slug",
        method="in_region",
        label="Region",
        empty_label="All regions",
    )
    series = django_filters.ModelChoiceFilter(
        queryset=Series.objects.all(), to_field_name="slug", label="Series", empty_label="All series"
    )
    author = django_filters.ModelChoiceFilter(
        field_name="authorships__author",
        queryset=Author.objects.all(),
        to_field_name="slug",
        distinct=True,
        label="Expert",
        empty_label="All experts",
    )
    tag = django_filters.ModelChoiceFilter(
        field_name="tags",
        queryset=published_tags,
        to_field_name="slug",
        distinct=True,
        label="Tag",
        empty_label="All tags",
    )
    year = django_filters.ChoiceFilter(
        field_name="published_at", lookup_expr="year", label="Year", empty_label="Any year"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The years that have publications among those being filtered (published work on the list),
        # read only when the form is shown or a year is asked for: the list keeps its form as a
        # fragment (fragments.py), and reading every year costs milliseconds at tens of thousands.
        years = self.queryset.prefetch_related(None).dates("published_at", "year", order="DESC")
        self.filters["year"].extra["choices"] = lambda: [(day.year, str(day.year)) for day in years]
