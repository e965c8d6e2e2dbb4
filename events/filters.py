"""The event list's filters: ``q`` (words), ``type``, ``area``, ``region`` (slugs) and ``year``.
A value that names nothing is reported on the page and matches nothing (as publications/filters.py)."""

import django_filters
from django.db.models import Q

from publications.filters import ListFilterSet
from regions.models import Region
from research_areas.models import ResearchArea

from .models import Event, EventType

FILTERED_BY = (EventType, ResearchArea, Region)


class EventFilter(ListFilterSet):
    q = django_filters.CharFilter(method="search", label="Words", max_length=200)
    type = django_filters.ModelChoiceFilter(
        queryset=EventType.objects.all(), to_field_name="slug", label="Type", empty_label="All types"
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
    year = django_filters.ChoiceFilter(
        field_name="starts_at", lookup_expr="year", label="Year", empty_label="Any year"
    )

    class Meta:
        model = Event
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        years = self.queryset.order_by().dates("starts_at", "year", order="DESC")
        self.filters["year"].extra["choices"] = lambda: [(day.year, str(day.year)) for day in years]

    def search(self, queryset, name, words):
        """Events whose title, subtitle, summary or description holds every word (of published
        events only: the list's queryset is ``published()``)."""
        for word in words.split()[:10]:
            queryset = queryset.filter(
                Q(title__icontains=word)
                | Q(dek__icontains=word)
                | Q(summary__icontains=word)
                | Q(description_html__icontains=word)
            )
        return queryset
