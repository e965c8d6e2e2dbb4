"""Everything the search page shows: results, facets with counts, and the links between them."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.http import QueryDict

from ..fulltext import engines
from .forms import SearchForm

PAGE_SIZE = 10
FACET_OPTIONS_SHOWN = 10
# Facets read off the publication row itself, counted together in one grouped query.
ROW_FACETS = ("type", "series", "year")


@dataclass
class FacetOption:
    label: str
    value: str
    count: int
    selected: bool
    query: str  # the query string that selects (or, when selected, clears) this option


@dataclass
class Facet:
    name: str
    label: str
    options: list[FacetOption]


@dataclass
class ActiveFilter:
    facet: str
    label: str
    remove_query: str


@dataclass
class SearchPage:
    form: SearchForm
    query: str = ""
    sort: str = ""
    page: object = None
    facets: list[Facet] = field(default_factory=list)
    active: list[ActiveFilter] = field(default_factory=list)
    query_string: str = ""  # the current search without its page number, for page links
    by_relevance_query: str = ""
    by_date_query: str = ""
    kept: list[tuple[str, str]] = field(default_factory=list)  # filters a new search keeps

    @property
    def searched(self) -> bool:
        return bool(self.query or self.active)


class KnownCountPaginator(Paginator):
    """A paginator told its total, which the facet counts already give, saving a COUNT query."""

    def __init__(self, object_list, per_page, *, count: int, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self._known_count = count

    @property
    def count(self) -> int:
        return self._known_count


def _narrowed(matches, selected: dict, *skip: str):
    """``matches`` narrowed by every selected facet but those in ``skip``."""
    for name, value in selected.items():
        if value is not None and name not in skip:
            matches = matches.filter(**{SearchForm.FACETS[name]: value})
    return matches


def _counts(matches, selected: dict) -> tuple[dict[str, list[tuple]], int]:
    """For each facet, [(key, label, count)] among ``matches`` narrowed by every *other*
    selected facet (so with a type chosen the other types still show, to switch to); and how
    many results there are with every facet applied.

    Three queries, however many facets are chosen: one grouped by type, series and year
    together (tallied here), one by research area, one by expert."""
    rows = list(
        _narrowed(matches, selected, *ROW_FACETS)
        .order_by()
        .annotate(year=ExtractYear("published_at"))
        .values("type__slug", "type__name", "type__position", "series__slug", "series__name", "year")
        .annotate(n=Count("pk"))
    )
    columns = {"type": "type__slug", "series": "series__slug", "year": "year"}
    chosen = {name: _key(selected[name]) if selected[name] else None for name in ROW_FACETS}

    def fits(row, skip: str = "") -> bool:
        return all(chosen[name] in (None, str(row[columns[name]])) for name in ROW_FACETS if name != skip)

    def tally(name: str, label, order) -> list[tuple]:
        totals, labels, orders = {}, {}, {}
        for row in rows:
            key = row[columns[name]]
            if key is not None and fits(row, skip=name):
                totals[key] = totals.get(key, 0) + row["n"]
                labels[key], orders[key] = label(row), order(row)
        return [(str(key), labels[key], totals[key]) for key in sorted(totals, key=orders.get)]

    counts = {
        "type": tally("type", lambda r: r["type__name"], lambda r: (r["type__position"], r["type__name"])),
        "series": tally("series", lambda r: r["series__name"], lambda r: r["series__name"]),
        "year": tally("year", lambda r: str(r["year"]), lambda r: -r["year"]),
    }
    # The commonest first (sorts are stable, so ties keep the natural order); years stay in order.
    for name in ("type", "series"):
        counts[name].sort(key=lambda option: -option[2])
    for name, relation, order in (
        ("area", "areas", ("areas__name",)),
        ("author", "authorships__author", ("authorships__author__sort_name", "authorships__author__name")),
    ):
        grouped = (
            _narrowed(matches, selected, name)
            .filter(**{f"{relation}__isnull": False})
            .values(f"{relation}__slug", f"{relation}__name")
            .annotate(n=Count("pk"))
            .order_by("-n", *order)
        )
        counts[name] = [(row[f"{relation}__slug"], row[f"{relation}__name"], row["n"]) for row in grouped]
    return counts, sum(row["n"] for row in rows if fits(row))


def _key(value) -> str:
    """How a facet value appears in the query string: a slug, or a year."""
    return str(value) if isinstance(value, int) else value.slug


def _query_string(base: dict, **changes) -> str:
    params = {**base, **changes}
    return urlencode({name: value for name, value in params.items() if value not in (None, "")})


def search_page(params: QueryDict, queryset) -> SearchPage:
    """Everything the search page shows for ``params`` (a request's GET), searching ``queryset``
    (which the caller has already limited to published work)."""
    form = SearchForm(params)
    result = SearchPage(form=form, query=(form.value("q") or "").strip(), sort=form.value("sort") or "")
    selected = form.selected()
    # Only what the form accepted carries over into links: bad values are dropped, not repeated.
    base = {"q": result.query, "sort": result.sort} | {
        name: _key(value) for name, value in selected.items() if value is not None
    }
    result.active = [
        ActiveFilter(form[name].label, label=str(value), remove_query=_query_string(base, **{name: None}))
        for name, value in selected.items()
        if value is not None
    ]
    result.query_string = _query_string(base)
    result.by_relevance_query = _query_string(base, sort=None)
    result.by_date_query = _query_string(base, sort="newest")
    result.kept = [(name, _key(value)) for name, value in selected.items() if value is not None]
    if not result.searched:
        return result

    matches = engines.matching(queryset, result.query) if result.query else queryset
    counts, total = _counts(matches, selected)
    results = _narrowed(matches, selected)
    if result.query and result.sort != "newest":
        results = engines.ranked(results, result.query)
    else:
        results = results.order_by("-published_at", "-pk")
    # Cards, but with the body: without Postgres headlines, snippets are cut from it here.
    results = results.with_bylines().defer("body_html", "toc")
    if result.query:
        results = engines.with_headlines(results, result.query)
    result.page = KnownCountPaginator(results, PAGE_SIZE, count=total).get_page(params.get("page"))
    result.page.object_list = list(result.page.object_list)
    if result.query:
        engines.add_highlights(result.page.object_list, result.query, using=queryset.db)

    for name in SearchForm.FACETS:
        chosen = base.get(name)
        options = [
            FacetOption(
                label=text,
                value=key,
                count=count,
                selected=key == chosen,
                query=_query_string(base, **{name: None if key == chosen else key}),
            )
            for index, (key, text, count) in enumerate(counts[name])
            if name == "year" or index < FACET_OPTIONS_SHOWN or key == chosen
        ]
        if options:
            result.facets.append(Facet(name=name, label=form[name].label, options=options))
    return result
