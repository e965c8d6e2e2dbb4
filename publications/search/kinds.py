"""The kinds of result the site search mixes: publications (here) and any other kind its caller
passes in. Events are one (``events.search``): this app may not import them, so the view that
knows both (``website.views.search``) hands them to ``search_page``.

A kind says how its items are found and ordered, what each is filed under for the facets, and
how a page of them is read for display; ``page.py`` merges the kinds' results into one order
(best match first, or newest first) and counts the facets over all of them.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import connections
from django.db.models import CharField, Count, Q, RowRange, Value, Window
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, ExtractYear

from regions.models import Region

from ..fulltext import engines


@dataclass(frozen=True)
class Row:
    """One result among the first ones, with what ordering and counting it takes."""

    kind: str
    pk: int
    type_id: int | None  # its publication type (the "type" facet); None for other kinds
    series_id: int | None
    year: int
    rank: float
    date: datetime

    @property
    def key(self) -> tuple[str, int]:
        return (self.kind, self.pk)


def among(field: str, keys: list[int], using: str) -> Q:
    """``field`` is one of ``keys``: on Postgres as one array parameter, as a thousand
    placeholders cost more to write out and parse than the query takes to run."""
    if connections[using].vendor == "postgresql":
        return Q(**{f"{field}__in": RawSQL("SELECT unnest(%s::bigint[])", (keys,))})
    return Q(**{f"{field}__in": keys})


TEXT = CharField()


class Kind:
    """One kind of result. ``queryset`` is what the public may see of it (its ``published()``)."""

    name = ""  # its value in the "kind" facet (``?kind=…``)
    label = ""  # shown in that facet and on each result
    template = ""  # the result's partial, given the item as ``result``
    date_field = ""  # its date: the order of "newest first", its year in the "year" facet
    has_type = False  # whether it has a publication type (the "type" facet)
    # The facets that apply, and the lookup each narrows this kind by. A facet not named here
    # does not apply: choosing it leaves none of this kind among the results.
    facets: dict[str, str] = {}

    def __init__(self, queryset):
        self.queryset = queryset

    def matching(self, query: str):
        """Everything of this kind that matches ``query``, or all of it when there is none."""
        return engines.matching(self.queryset, query) if query else self.queryset

    def ordered(self, matches, query: str, by_relevance: bool):
        """``matches`` best first (``rank`` annotated) or newest first, ``-pk`` breaking ties:
        the order ``page.py`` merges the kinds in."""
        if by_relevance:
            ranked = engines.engine(matches.db).ranked(matches, query)
            return ranked.order_by("-rank", f"-{self.date_field}", "-pk")
        return matches.order_by(f"-{self.date_field}", "-pk")

    def narrowing(self, name: str, value) -> Q | None:
        """The condition choosing ``value`` in facet ``name`` puts on this kind; None when the
        facet does not apply. A region takes in the regions inside it, as its counts do."""
        lookup = self.facets.get(name)
        if lookup is None:
            return None
        if name == "region":
            return Q(pk__in=self.queryset.model.objects.in_regions(Region.objects.within(value)).values("pk"))
        return Q(**{lookup: value})

    def applies(self, selected: dict) -> bool:
        """Whether every chosen facet but the kind applies to this kind: if not, none of it can
        be among the results or count towards any facet, and it need not be read at all."""
        return all(value is None or name == "kind" or name in self.facets for name, value in selected.items())

    def narrowed(self, matches, selected: dict):
        """``matches`` narrowed by every chosen facet, or None when a choice rules this kind out."""
        for name, value in selected.items():
            if value is None:
                continue
            if name == "kind":
                if value != self.name:
                    return None
                continue
            condition = self.narrowing(name, value)
            if condition is None:
                return None
            matches = matches.filter(condition)
        return matches

    def first_rows(self, ordered, limit: int) -> tuple[list[Row], int]:
        """The first ``limit`` of ``ordered`` and how many there are in all, in one statement."""
        # Counted over the whole frame, but in the results' first order (the rank): the database
        # then works out the rank as it reads each match, rather than carrying every match's
        # search vector past the count to rank it there.
        matched = Window(Count("pk"), order_by=ordered.query.order_by[:1], frame=RowRange(None, None))
        ranked = "rank" in ordered.query.annotations
        columns = ["pk", "series_id", "year", self.date_field, "matched"]
        columns += ["type_id"] * self.has_type + ["rank"] * ranked
        found = list(
            ordered.annotate(year=ExtractYear(self.date_field), matched=matched).values(*columns)[:limit]
        )
        rows = [
            Row(
                self.name,
                row["pk"],
                row.get("type_id"),
                row["series_id"],
                row["year"],
                row.get("rank", 0.0),
                row[self.date_field],
            )
            for row in found
        ]
        return rows, found[0]["matched"] if found else 0

    def label_parts(self, keys: list[int], using: str) -> list:
        """Querysets of (tag, key, slug, name, extra) rows for the union ``page.py`` reads the
        facets' names in: what each of ``keys`` is filed under, tagged ``"<kind>:<facet>"``."""
        return []

    def read(self, keys: list[int], query: str) -> dict[int, object]:
        """The items ``keys``, ready to show, by key."""
        raise NotImplementedError


class Publications(Kind):
    """Published work: every facet applies."""

    name, label = "publication", "Publication"
    template = "includes/search_result.html"
    date_field = "published_at"
    has_type = True
    facets = {
        "type": "type",
        "area": "areas",
        "region": "regions",
        "series": "series",
        "author": "authorships__author",
        "year": "published_at__year",
    }

    def label_parts(self, keys: list[int], using: str) -> list:
        from ..models import Authorship, Publication, PublicationType

        return [
            # Every type, by id, with its position: the rows name their type by id.
            PublicationType.objects.annotate(tag=Value("type"), extra=Cast("position", TEXT)).values_list(
                "tag", "pk", "slug", "name", "extra"
            ),
            Publication.areas.through.objects.filter(among("publication_id", keys, using))
            .annotate(tag=Value("publication:area"), extra=Value("", TEXT))
            .values_list("tag", "publication_id", "researcharea__slug", "researcharea__name", "extra"),
            Publication.regions.through.objects.filter(among("publication_id", keys, using))
            .annotate(tag=Value("publication:region"), extra=Value("", TEXT))
            .values_list("tag", "publication_id", "region__slug", "region__name", "extra"),
            Authorship.objects.filter(among("publication_id", keys, using))
            .annotate(tag=Value("publication:author"))
            .values_list("tag", "publication_id", "author__slug", "author__name", "author__sort_name"),
        ]

    def read(self, keys: list[int], query: str) -> dict[int, object]:
        # Cards, but with the body: without Postgres headlines, snippets are cut from it here.
        rows = self.queryset.with_bylines().defer("body_html", "toc")
        if query:
            rows = engines.with_headlines(rows, query)
        found = {publication.pk: publication for publication in rows.filter(pk__in=keys).order_by()}
        if query:
            engines.add_highlights(list(found.values()), query, using=rows.db)
        return found
