"""Everything the search page shows: results, facets with counts, and the links between them.

Results are of several kinds (``kinds.py``): publications, and events when the caller passes
them. Each kind is searched and ordered on its own (best match first, or newest first: a
publication by its publication date, an event by its start), and the first results of each are
merged into one order in Python. A facet that does not apply to a kind (the publication type,
for events) rules that kind out when it is chosen; the "kind" facet ("Type": Publication,
Event) narrows to one kind.

Facets are counted over the first ``FACET_SAMPLE`` results in the order the page shows them (the
best matches, or the newest), read in one statement per kind that also counts its matches, and the
results pages within them come from the same read. Most searches match fewer, and their counts
are exact. A word found in most of a large collection matches tens of thousands: counting facets
over all of those would cost more than everything else on the page (three passes over the
matches, 200 ms at 20,000 publications), so its facets count the first ``FACET_SAMPLE`` results
instead. The page then says so, and shows each count as "312+": at least that many, as the
first results are some of the matches. The number of results is always exact.
"""

import heapq
from collections import Counter
from dataclasses import dataclass, field
from itertools import islice
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import F, Value
from django.http import QueryDict

from regions.models import Region
from series.models import Series

from .forms import SearchForm
from .kinds import TEXT, Kind, Publications, Row

PAGE_SIZE = 10
FACET_OPTIONS_SHOWN = 10
# Results whose facets are counted; past this many matches, counts are "at least".
FACET_SAMPLE = 200


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


def _merged(rows: list[list[Row]], kinds: list[Kind], by_relevance: bool, limit: int) -> list[Row]:
    """The first ``limit`` of the kinds' ``rows`` (each already in the page's order) in one order."""
    position = {kind.name: index for index, kind in enumerate(kinds)}

    def order(row: Row) -> tuple:
        return (-row.rank if by_relevance else 0.0, -row.date.timestamp(), position[row.kind], -row.pk)

    return list(islice(heapq.merge(*rows, key=order), limit))


@dataclass
class Sample:
    """The first results, in order, with what each is filed under ({facet: [key]}), and each
    facet's labels and natural order by key."""

    order: list[tuple[str, int]]
    filed: dict[tuple[str, int], dict[str, list]]
    labels: dict[str, dict[str, str]]
    sort_keys: dict[str, dict[str, tuple]]
    matched: int  # how many match, in the sample or not

    @property
    def capped(self) -> bool:
        return self.matched > len(self.order)


def _sample(kinds: list[Kind], ordered: dict[str, object], by_relevance: bool, selected: dict) -> Sample:
    """The first ``FACET_SAMPLE`` results with their facets: one statement per kind for its
    first rows, with the count of all its matches from the same pass (none for a kind a chosen
    facet rules out); then one for the labels of types, series and regions, and the sample's
    research areas, regions and experts."""
    firsts, matched = [], 0
    for kind in kinds:
        if not kind.applies(selected):
            continue
        rows, count = kind.first_rows(ordered[kind.name], FACET_SAMPLE)
        firsts.append(rows)
        matched += count
    rows = _merged(firsts, kinds, by_relevance, FACET_SAMPLE)
    sample = Sample(
        [], {}, {name: {} for name in SearchForm.FACETS}, {name: {} for name in SearchForm.FACETS}, matched
    )
    if not rows:
        return sample
    labels, sort_keys = sample.labels, sample.sort_keys
    for index, kind in enumerate(kinds):
        labels["kind"][kind.name], sort_keys["kind"][kind.name] = kind.label, (index,)
    keys = {kind.name: [row.pk for row in rows if row.kind == kind.name] for kind in kinds}
    named, broader = {"type": {}, "series": {}}, {}
    for tag, key, slug, name, extra in _labels_and_links(kinds, keys, ordered[kinds[0].name].db):
        if tag == "place":  # every region, with the one it lies in
            broader[slug], labels["region"][slug], sort_keys["region"][slug] = extra, name, (name,)
            continue
        if tag in named:
            named[tag][key] = slug
            labels[tag][slug] = name
            sort_keys[tag][slug] = (int(extra), name) if tag == "type" else (name,)
            continue
        kind, facet = tag.split(":")
        filed = _filed(sample, (kind, key))[facet]
        if slug not in filed:  # an expert both speaking and moderating counts once
            filed.append(slug)
        labels[facet][slug] = name
        sort_keys[facet][slug] = (extra, name) if facet == "author" else (name,)
    for filed in sample.filed.values():
        filed["region"] = _with_broader(filed["region"], broader)
    for row in rows:
        filed = _filed(sample, row.key)
        filed["kind"].append(row.kind)
        if row.type_id is not None:
            filed["type"].append(named["type"][row.type_id])
        if row.series_id is not None:
            filed["series"].append(named["series"][row.series_id])
        filed["year"].append(str(row.year))
        labels["year"][str(row.year)], sort_keys["year"][str(row.year)] = str(row.year), (-row.year,)
        sample.order.append(row.key)
    return sample


def _with_broader(regions: list[str], broader: dict[str, str | None]) -> list[str]:
    """``regions`` and those they lie in: work on China counts towards East Asia and Asia, as
    choosing Asia finds it (``Kind.narrowing``)."""
    found = []
    for region in regions:
        while region and region not in found:
            found.append(region)
            region = broader.get(region)
    return found


def _filed(sample: Sample, key: tuple[str, int]) -> dict[str, list]:
    """What the result ``key`` is filed under, by facet (empty lists until read)."""
    filed = sample.filed.get(key)
    if filed is None:
        filed = sample.filed[key] = {name: [] for name in SearchForm.FACETS}
    return filed


def _labels_and_links(kinds: list[Kind], keys: dict[str, list[int]], using: str):
    """(tag, key, slug, name, extra) rows, in one statement: every series (by id) and region (by
    id, with the one it lies in), and what each kind with results among ``keys`` adds: for
    publications every type (by id, with its position), and for each kind the research areas,
    regions and experts of its results (by result)."""
    parts = [
        Series.objects.annotate(tag=Value("series"), extra=Value("", TEXT)).values_list(
            "tag", "pk", "slug", "name", "extra"
        ),
        Region.objects.annotate(tag=Value("place"), extra=F("parent__slug")).values_list(
            "tag", "pk", "slug", "name", "extra"
        ),
    ]
    for kind in kinds:
        if keys[kind.name]:
            parts += kind.label_parts(keys[kind.name], using)
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
    """A facet's keys, the commonest first, then in their natural order; years newest first,
    kinds in the page's order (publications, then events)."""
    natural = sample.sort_keys[name]
    if name in ("year", "kind"):
        return sorted(tally, key=natural.get)
    return sorted(tally, key=lambda key: (-tally[key], natural[key]))


class _Results:
    """The results as a sequence the paginator slices: a page within the sample is read by its
    keys; one past it (only when the sample is capped) is ordered afresh (``beyond``)."""

    def __init__(self, kinds: list[Kind], query: str, fitting: list, beyond):
        self.kinds, self.query, self.fitting, self.beyond = kinds, query, fitting, beyond

    def __getitem__(self, window: slice) -> list:
        keys = self.fitting[window]
        if self.beyond is not None and window.stop > len(self.fitting):
            keys = self.beyond(window)
        found = {}
        for kind in self.kinds:
            wanted = [pk for name, pk in keys if name == kind.name]
            for pk, item in (kind.read(wanted, self.query) if wanted else {}).items():
                item.search_kind, item.search_template = kind.label, kind.template
                found[(kind.name, pk)] = item
        return [found[key] for key in keys if key in found]


def _beyond(kinds: list[Kind], matches: dict, selected: dict, query: str, by_relevance: bool):
    """Keys of the results in ``window``, when it lies past the sample: the first ``window.stop``
    of each kind, merged, then cut. Only pages past the first ``FACET_SAMPLE`` results ask."""

    def keys(window: slice) -> list[tuple[str, int]]:
        firsts = []
        for kind in kinds:
            narrowed = kind.narrowed(matches[kind.name], selected)
            if narrowed is not None:
                firsts.append(kind.first_rows(kind.ordered(narrowed, query, by_relevance), window.stop)[0])
        return [row.key for row in _merged(firsts, kinds, by_relevance, window.stop)[window]]

    return keys


def _count(kinds: list[Kind], matches: dict, selected: dict) -> int:
    """How many results fit every chosen facet, counted in the database (a capped sample)."""
    total = 0
    for kind in kinds:
        narrowed = kind.narrowed(matches[kind.name], selected)
        total += narrowed.count() if narrowed is not None else 0
    return total


def _key(value) -> str:
    """How a facet value appears in the query string: a slug, a year or a kind."""
    return value if isinstance(value, str) else str(value) if isinstance(value, int) else value.slug


def _query_string(base: dict, **changes) -> str:
    params = {**base, **changes}
    return urlencode({name: value for name, value in params.items() if value not in (None, "")})


def search_page(params: QueryDict, queryset, others: tuple[Kind, ...] = ()) -> SearchPage:
    """Everything the search page shows for ``params`` (a request's GET), searching ``queryset``
    (publications the caller has already limited to published work) and the ``others`` kinds
    of result (events, each limited the same way)."""
    kinds = [Publications(queryset), *others]
    form = SearchForm(params, kinds=[(kind.name, kind.label) for kind in kinds])
    result = SearchPage(form=form, query=(form.value("q") or "").strip(), sort=form.value("sort") or "")
    selected = form.selected()
    # Only what the form accepted carries over into links: bad values are dropped, not repeated.
    base = {"q": result.query, "sort": result.sort} | {
        name: _key(value) for name, value in selected.items() if value is not None
    }
    kind_labels = {kind.name: kind.label for kind in kinds}
    result.active = [
        ActiveFilter(
            form[name].label,
            label=kind_labels[value] if name == "kind" else str(value),
            remove_query=_query_string(base, **{name: None}),
        )
        for name, value in selected.items()
        if value is not None
    ]
    result.query_string = _query_string(base)
    result.by_relevance_query = _query_string(base, sort=None)
    result.by_date_query = _query_string(base, sort="newest")
    result.kept = [(name, _key(value)) for name, value in selected.items() if value is not None]
    if not result.searched:
        return result

    by_relevance = bool(result.query) and result.sort != "newest"
    matches = {kind.name: kind.matching(result.query) for kind in kinds}
    ordered = {kind.name: kind.ordered(matches[kind.name], result.query, by_relevance) for kind in kinds}
    sample = _sample(kinds, ordered, by_relevance, selected)
    chosen = {name: base.get(name) for name in SearchForm.FACETS}
    counts, fitting = _counts(sample, chosen)
    if not sample.capped:
        total = len(fitting)
    elif not result.active:
        total = sample.matched
    else:
        total = _count(kinds, matches, selected)
    result.facets_capped, result.counted, result.matched = sample.capped, len(sample.order), sample.matched
    beyond = _beyond(kinds, matches, selected, result.query, by_relevance) if sample.capped else None
    results = _Results(kinds, result.query, fitting, beyond)
    result.page = KnownCountPaginator(results, PAGE_SIZE, count=total).get_page(params.get("page"))
    result.page.object_list = list(result.page.object_list)

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
