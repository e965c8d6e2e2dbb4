"""Everything the search page shows: results, facets with counts, and the links between them.

Facets are counted over the first ``FACET_SAMPLE`` results in the order the page shows them (the
best matches, or the newest), read in one statement that also counts every match, and the
results pages within them come from the same read. Most searches match fewer, and their counts
are exact. A word found in most of a large collection matches tens of thousands: counting facets
over all of those would cost more than everything else on the page (three passes over the
matches, 200 ms at 20,000 publications), so its facets count the first ``FACET_SAMPLE`` results
instead. The page then says so, and shows each count as "312+": at least that many, as the
first results are some of the matches. The number of results is always exact.
"""

from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db import connections
from django.db.models import CharField, Count, F, Q, RowRange, Value, Window
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, ExtractYear
from django.http import QueryDict

from regions.models import Region
from series.models import Series

from ..fulltext import engines
from ..models import Authorship, Publication, PublicationType
from .forms import SearchForm

PAGE_SIZE = 10
FACET_OPTIONS_SHOWN = 10
# Results whose facets are counted; past this many matches, counts are "at least".
FACET_SAMPLE = 500


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
    # Facets counted over the first ``counted`` results only, of ``matched`` (counts are "at least").
    facets_capped: bool = False
    counted: int = 0
    matched: int = 0
    active: list[ActiveFilter] = field(default_factory=list)
    query_string: str = ""  # the current search without its page number, for page links
    by_relevance_query: str = ""
    by_date_query: str = ""
    kept: list[tuple[str, str]] = field(default_factory=list)  # filters a new search keeps

    @property
    def searched(self) -> bool:
        return bool(self.query or self.active)


class KnownCountPaginator(Paginator):
    """A paginator told its total, which the read of the first results already gives."""

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
            matches = matches.filter(SearchForm.narrowing(name, value))
    return matches


def _in_order(matches, query: str, sort: str):
    """``matches`` in the page's order: best first, or newest first."""
    if query and sort != "newest":
        return engines.ranked(matches, query)
    return matches.order_by("-published_at", "-pk")


@dataclass
class Sample:
    """The first results, in order, with what each is filed under ({facet: [key]}), and each
    facet's labels and natural order by key."""

    order: list[int]
    filed: dict[int, dict[str, list]]
    labels: dict[str, dict[str, str]]
    sort_keys: dict[str, dict[str, tuple]]
    matched: int  # how many match, in the sample or not

    @property
    def capped(self) -> bool:
        return self.matched > len(self.order)


def _among(field: str, keys: list[int], using: str) -> Q:
    """``field`` is one of ``keys``: on Postgres as one array parameter, as a thousand
    placeholders cost more to write out and parse than the query takes to run."""
    if connections[using].vendor == "postgresql":
        return Q(**{f"{field}__in": RawSQL("SELECT unnest(%s::bigint[])", (keys,))})
    return Q(**{f"{field}__in": keys})


def _sample(ordered) -> Sample:
    """The first ``FACET_SAMPLE`` of ``ordered`` with their facets, in two statements: the rows,
    with the count of all matches from the same pass; then the labels of types, series and
    regions, and the sample's research areas, regions and experts, together."""
    # Counted over the whole frame, but in the results' first order (the rank): the database
    # then works out the rank as it reads each match, rather than carrying every match's search
    # vector past the count to rank it there, and sorts by one key, leaving the ties to the
    # first results. Names are read after, for the sample only, for the same reason: joined
    # here, they would be carried along for every match.
    matched = Window(Count("pk"), order_by=ordered.query.order_by[:1], frame=RowRange(None, None))
    rows = list(
        ordered.annotate(year=ExtractYear("published_at"), matched=matched).values_list(
            "pk", "type_id", "series_id", "year", "matched"
        )[:FACET_SAMPLE]
    )
    sample = Sample(
        [], {}, {name: {} for name in SearchForm.FACETS}, {name: {} for name in SearchForm.FACETS}, 0
    )
    if not rows:
        return sample
    sample.matched = rows[0][-1]
    labels, sort_keys = sample.labels, sample.sort_keys
    kinds, broader = {"type": {}, "series": {}}, {}
    for kind, key, slug, name, extra in _labels_and_links([row[0] for row in rows], ordered.db):
        if kind == "place":  # every region, with the one it lies in
            broader[slug], labels["region"][slug], sort_keys["region"][slug] = extra, name, (name,)
            continue
        if kind in kinds:
            kinds[kind][key] = slug
            labels[kind][slug] = name
            sort_keys[kind][slug] = (int(extra), name) if kind == "type" else (name,)
            continue
        sample.filed.setdefault(key, _unfiled())[kind].append(slug)
        labels[kind][slug] = name
        sort_keys[kind][slug] = (extra, name) if kind == "author" else (name,)
    for filed in sample.filed.values():
        filed["region"] = _with_broader(filed["region"], broader)
    for pk, type_id, series_id, year, _ in rows:
        filed = sample.filed.setdefault(pk, _unfiled())
        filed["type"].append(kinds["type"][type_id])
        if series_id is not None:
            filed["series"].append(kinds["series"][series_id])
        filed["year"].append(str(year))
        labels["year"][str(year)], sort_keys["year"][str(year)] = str(year), (-year,)
        sample.order.append(pk)
    return sample


def _with_broader(regions: list[str], broader: dict[str, str | None]) -> list[str]:
    """``regions`` and those they lie in: work on China counts towards East Asia and Asia, as
    choosing Asia finds it (``SearchForm.narrowing``)."""
    found = []
    for region in regions:
        while region and region not in found:
            found.append(region)
            region = broader.get(region)
    return found


def _unfiled() -> dict[str, list]:
    return {name: [] for name in SearchForm.FACETS}


def _labels_and_links(keys: list[int], using: str):
    """(kind, key, slug, name, extra) rows, in one statement: every type (by id, with its
    position), series (by id) and region (by id, with the one it lies in), and the research
    areas, regions and experts (with their sort names) of the publications ``keys`` (by
    publication)."""
    text = CharField()
    parts = [
        PublicationType.objects.annotate(kind=Value("type"), extra=Cast("position", text)).values_list(
            "kind", "pk", "slug", "name", "extra"
        ),
        Series.objects.annotate(kind=Value("series"), extra=Value("", text)).values_list(
            "kind", "pk", "slug", "name", "extra"
        ),
        Publication.areas.through.objects.filter(_among("publication_id", keys, using))
        .annotate(kind=Value("area"), extra=Value("", text))
        .values_list("kind", "publication_id", "researcharea__slug", "researcharea__name", "extra"),
        Region.objects.annotate(kind=Value("place"), extra=F("parent__slug")).values_list(
            "kind", "pk", "slug", "name", "extra"
        ),
        Publication.regions.through.objects.filter(_among("publication_id", keys, using))
        .annotate(kind=Value("region"), extra=Value("", text))
        .values_list("kind", "publication_id", "region__slug", "region__name", "extra"),
        Authorship.objects.filter(_among("publication_id", keys, using))
        .annotate(kind=Value("author"))
        .values_list("kind", "publication_id", "author__slug", "author__name", "author__sort_name"),
    ]
    parts = [part.using(using).order_by() for part in parts]
    return parts[0].union(*parts[1:], all=True)


def _counts(sample: Sample, chosen: dict[str, str | None]) -> tuple[dict[str, list[tuple]], list[int]]:
    """For each facet, [(key, label, count)] among the sample narrowed by every *other* chosen
    facet (so with a type chosen the other types still show, to switch to), the commonest
    first (years newest first); and the sample's results with every chosen facet applied."""
    chosen = [(name, key) for name, key in chosen.items() if key is not None]
    counted = {name: [] for name in SearchForm.FACETS}
    fitting = []
    for pk in sample.order:
        filed = sample.filed[pk]
        missed = [name for name, key in chosen if key not in filed[name]]
        if not missed:
            fitting.append(pk)
            for name, keys in counted.items():
                keys += filed[name]
        elif len(missed) == 1:  # it counts towards the one facet it misses: choosing otherwise there
            counted[missed[0]] += filed[missed[0]]
    tallies = {name: Counter(keys) for name, keys in counted.items()}
    counts = {
        name: [(key, sample.labels[name][key], tally[key]) for key in _ordered(name, tally, sample)]
        for name, tally in tallies.items()
    }
    return counts, fitting


def _ordered(name: str, tally: Counter, sample: Sample) -> list[str]:
    """A facet's keys, the commonest first, then in their natural order; years newest first."""
    natural = sample.sort_keys[name]
    if name == "year":
        return sorted(tally, key=natural.get)
    return sorted(tally, key=lambda key: (-tally[key], natural[key]))


class _Results:
    """The results as a sequence the paginator slices: a page within the sample is read by its
    keys; one past it (only when the sample is capped), in order from the database."""

    def __init__(self, rows, fitting: list[int], beyond):
        self.rows, self.fitting, self.beyond = rows, fitting, beyond

    def __getitem__(self, window: slice) -> list:
        keys = self.fitting[window]
        if self.beyond is not None and window.stop > len(self.fitting):
            keys = list(self.beyond.values_list("pk", flat=True)[window])
        found = {publication.pk: publication for publication in self.rows.filter(pk__in=keys).order_by()}
        return [found[key] for key in keys if key in found]


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
    sample = _sample(_in_order(matches, result.query, result.sort))
    chosen = {name: base.get(name) for name in SearchForm.FACETS}
    counts, fitting = _counts(sample, chosen)
    if not sample.capped:
        total = len(fitting)
    elif not result.active:
        total = sample.matched
    else:
        total = _narrowed(matches, selected).count()
    result.facets_capped, result.counted, result.matched = sample.capped, len(sample.order), sample.matched
    # Cards, but with the body: without Postgres headlines, snippets are cut from it here.
    rows = queryset.with_bylines().defer("body_html", "toc")
    if result.query:
        rows = engines.with_headlines(rows, result.query)
    beyond = _in_order(_narrowed(matches, selected), result.query, result.sort) if sample.capped else None
    results = _Results(rows, fitting, beyond)
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
