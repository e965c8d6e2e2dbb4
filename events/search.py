"""Events in the site search (``/search/``): how they are found, what each is filed under for
the facets, and how a page of them is read. ``publications.search.page`` mixes them with
publications; ``website.views.search`` hands them over, as publications may not import events.

Only ``Event.objects.published()`` is searched: drafts, events scheduled to appear later and
unpublished ones are never found. Found by title, dek, summary, description and the names of
speakers (experts or guests), on Postgres through the stored vector (``search_index``), else as
text, with the same query syntax and title matches first. Their date is the start: "newest
first" puts the latest-starting first (upcoming ones ahead), and the year facet counts it.

Of the facets, research area, region, series, expert (a speaker or moderator) and year apply to
events; publication type does not, so choosing one leaves events out. ``kind=event`` leaves
publications out.
"""

from django.db.models import Exists, OuterRef, Q, Value

from core.slugs import readable_slug
from publications.fulltext import engines
from publications.search.kinds import TEXT, Kind, among

from .models import Event, Speaker


def _contains(term: str) -> Q:
    """Events with ``term`` in any field their Postgres vector holds (the fallback engine)."""
    named = Q(name__icontains=term) | Q(author__name__icontains=term)
    if plain := readable_slug(term, ""):  # "Orsted" finds "Ørsted", whose slug is plain
        named |= Q(author__slug__icontains=plain)
    return (
        Q(title__icontains=term)
        | Q(dek__icontains=term)
        | Q(summary__icontains=term)
        | Q(description__icontains=term)
        | Q(Exists(Speaker.objects.filter(named, event=OuterRef("pk"))))
    )


class Events(Kind):
    name, label = "event", "Event"
    template = "includes/search_result_event.html"
    date_field = "starts_at"
    facets = {
        "area": "areas",
        "region": "regions",
        "series": "series",
        "author": "speakers__author",
        "year": "starts_at__year",
    }

    def __init__(self, queryset=None):
        super().__init__(Event.objects.published() if queryset is None else queryset)

    def matching(self, query: str):
        return engines.matching(self.queryset, query, contains=_contains) if query else self.queryset

    def narrowing(self, name: str, value) -> Q | None:
        if name == "author":  # one row per event, however often the expert appears on it
            return Q(pk__in=Speaker.objects.filter(author=value).values("event_id"))
        return super().narrowing(name, value)

    def label_parts(self, keys: list[int], using: str) -> list:
        return [
            Event.areas.through.objects.filter(among("event_id", keys, using))
            .annotate(tag=Value("event:area"), extra=Value("", TEXT))
            .values_list("tag", "event_id", "researcharea__slug", "researcharea__name", "extra"),
            Event.regions.through.objects.filter(among("event_id", keys, using))
            .annotate(tag=Value("event:region"), extra=Value("", TEXT))
            .values_list("tag", "event_id", "region__slug", "region__name", "extra"),
            Speaker.objects.filter(among("event_id", keys, using), author__isnull=False)
            .annotate(tag=Value("event:author"))
            .values_list("tag", "event_id", "author__slug", "author__name", "author__sort_name"),
        ]

    def read(self, keys: list[int], query: str) -> dict[int, object]:
        rows = self.queryset.select_related("type").defer("description_html", "transcript", "search_vector")
        if query:
            rows = engines.with_headlines(rows, query, body="description")
        found = {event.pk: event for event in rows.filter(pk__in=keys).order_by()}
        if query:
            engines.add_highlights(list(found.values()), query, using=rows.db, body="description")
        return found
