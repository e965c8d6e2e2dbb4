"""The publication list's filters, one query parameter each: ``type``, ``area``, ``series``,
``author`` (slugs), ``tag`` (a tag's slug) and ``year``.

A value that names nothing ("no such expert", a year without publications, a tag that only
unpublished work carries) is reported on the page and matches nothing: the list never quietly
shows everything instead, and never fails."""

import django_filters
from taggit.models import Tag

from authors.models import Author
from research_areas.models import ResearchArea
from series.models import Series

from .models import Publication, PublicationType

# What the filters (and the search page's facets) list every one of: a page showing them
# changes when any of these does.
FILTERED_BY = (PublicationType, ResearchArea, Series, Author, Tag)


def published_tags(request):
    """Tags of published work only, so a tag that only drafts carry answers as an unknown one."""
    return Publication.objects.published().tags()


class PublicationFilter(django_filters.FilterSet):
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
        field_name="tags", queryset=published_tags, to_field_name="slug", distinct=True, label="Tag"
    )
    year = django_filters.ChoiceFilter(
        field_name="published_at", lookup_expr="year", label="Year", empty_label="Any year"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The years that have publications among those being filtered (published work on the list).
        years = self.queryset.prefetch_related(None).dates("published_at", "year", order="DESC")
        self.filters["year"].extra["choices"] = [(day.year, str(day.year)) for day in years]

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
