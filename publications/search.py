"""Full-text search over published work: the stored search vector, the query, snippets and facets.

On Postgres every publication carries a ``search_vector`` (title weighted A, dek and summary
B, body C, author names, research areas and tags D), GIN-indexed and rebuilt by the signal
receivers below whenever a publication or anything it is searched by changes. Queries use
Postgres' web-search syntax ("a phrase", -word, or) with English stemming, and are ranked
with ``ts_rank``.

Other databases (SQLite, for the quick start) get a plainer search: the same syntax matched
as case-insensitive substrings, title matches first. The search page works the same on both.
"""

import re
from dataclasses import dataclass, field
from html import unescape
from urllib.parse import urlencode

from django import forms
from django.apps import apps as global_apps
from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import Case, Count, Exists, F, Func, OuterRef, Q, Subquery, TextField, Value, When
from django.db.models.functions import Concat, ExtractYear, Left
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.http import QueryDict
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from core.slugs import readable_slug

CONFIG = "english"
QUERY_MAX_LENGTH = 200
PAGE_SIZE = 10
FACET_OPTIONS_SHOWN = 10
HEADLINE_SOURCE_LENGTH = 2500  # characters of body HTML a snippet is drawn from
# Private-use characters mark highlights inside Postgres' output, so the text around them
# can be escaped before they become <mark> tags.
MARK_START, MARK_END = "\ue000", "\ue001"


def on_postgres(alias: str) -> bool:
    return connections[alias].vendor == "postgresql"


# The stored vector ---------------------------------------------------------------------


def _names(queryset, key: str, name) -> Subquery:
    """The ``name``s of the rows of ``queryset`` that point at the outer publication, as one string."""
    rows = (
        queryset.filter(**{key: OuterRef("pk")})
        .order_by()
        .values(key)
        .annotate(names=StringAgg(name, delimiter=" "))
    )
    return Subquery(rows.values("names"), output_field=TextField())


def search_vector(apps=global_apps) -> SearchVector:
    """The weighted vector of a publication, as an expression for ``update()``.

    ``apps`` is the app registry, so migrations can build it from their historical models."""
    publication = apps.get_model("publications", "Publication")
    authorship = apps.get_model("publications", "Authorship")
    tagged_item = apps.get_model("taggit", "TaggedItem")
    tagged_publications = tagged_item.objects.filter(
        content_type__app_label="publications", content_type__model="publication"
    )
    return (
        SearchVector("title", weight="A", config=CONFIG)
        + SearchVector("dek", "summary", weight="B", config=CONFIG)
        + SearchVector("body", weight="C", config=CONFIG)
        + SearchVector(
            # The slug spells the name in plain letters, so "Orsted" finds "Ørsted".
            _names(
                authorship.objects.all(),
                "publication",
                Concat("author__name", Value(" "), "author__slug", output_field=TextField()),
            ),
            _names(publication.areas.through.objects.all(), "publication", "researcharea__name"),
            _names(tagged_publications, "object_id", "tag__name"),
            weight="D",
            config=CONFIG,
        )
    )


def update_search_vectors(queryset, apps=global_apps) -> int:
    """Rebuild the search vector of every publication in ``queryset``, in one UPDATE.

    Leaves ``updated_at`` alone: re-indexing is not an edit. Does nothing off Postgres."""
    if not on_postgres(queryset.db):
        return 0
    return queryset.update(search_vector=search_vector(apps))


# Keeping it current ---------------------------------------------------------------------
# Saves made through the ORM (the admin, load_demo, the shell) all pass through these.
# ``bulk_create`` and ``QuerySet.update`` send no signals: code using them calls
# ``update_search_vectors`` itself, as ``generate_content`` does.


def _publications():
    return global_apps.get_model("publications", "Publication").objects


def _refresh(**lookup) -> None:
    update_search_vectors(_publications().filter(**lookup))


def _publication_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _refresh(pk=instance.pk)


def _authorship_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        _refresh(pk=instance.publication_id)


def _areas_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """``publication.areas.add(...)`` and the reverse ``area.publications.add(...)``."""
    if action == "pre_clear" and reverse:
        instance._search_publication_ids = list(
            sender.objects.filter(researcharea=instance).values_list("publication_id", flat=True)
        )
    elif action in {"post_add", "post_remove", "post_clear"}:
        if not reverse:
            _refresh(pk=instance.pk)
        else:
            ids = pk_set if action != "post_clear" else getattr(instance, "_search_publication_ids", [])
            _refresh(pk__in=ids)


def _tags_changed(sender, instance, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"} and isinstance(
        instance, global_apps.get_model("publications", "Publication")
    ):
        _refresh(pk=instance.pk)


def _renamed(lookup: str):
    """A receiver for an author, area or tag saved: its publications are searched by its name."""

    def receiver(sender, instance, raw=False, created=False, **kwargs):
        if not raw and not created:
            _refresh(**{lookup: instance})

    return receiver


def _remember_publications(lookup: str):
    """Before an area or tag is deleted, note its publications: the cascade sends no signal."""

    def receiver(sender, instance, **kwargs):
        instance._search_publication_ids = list(
            _publications().filter(**{lookup: instance}).values_list("pk", flat=True)
        )

    return receiver


def _refresh_remembered(sender, instance, **kwargs):
    _refresh(pk__in=getattr(instance, "_search_publication_ids", []))


def connect_signals() -> None:
    """Called once from ``PublicationsConfig.ready``."""
    publication = global_apps.get_model("publications", "Publication")
    authorship = global_apps.get_model("publications", "Authorship")
    author = global_apps.get_model("authors", "Author")
    area = global_apps.get_model("research_areas", "ResearchArea")
    tag = global_apps.get_model("taggit", "Tag")
    tagged_item = global_apps.get_model("taggit", "TaggedItem")
    uid = "publications.search"

    post_save.connect(_publication_saved, sender=publication, dispatch_uid=f"{uid}.publication")
    post_save.connect(_authorship_changed, sender=authorship, dispatch_uid=f"{uid}.authorship.save")
    post_delete.connect(_authorship_changed, sender=authorship, dispatch_uid=f"{uid}.authorship.delete")
    m2m_changed.connect(_areas_changed, sender=publication.areas.through, dispatch_uid=f"{uid}.areas")
    m2m_changed.connect(_tags_changed, sender=tagged_item, dispatch_uid=f"{uid}.tags")
    post_save.connect(
        _renamed("authorships__author"), sender=author, weak=False, dispatch_uid=f"{uid}.author"
    )
    post_save.connect(_renamed("areas"), sender=area, weak=False, dispatch_uid=f"{uid}.area")
    post_save.connect(_renamed("tags"), sender=tag, weak=False, dispatch_uid=f"{uid}.tag")
    for model, lookup in ((area, "areas"), (tag, "tags")):
        name = model._meta.label_lower
        pre_delete.connect(
            _remember_publications(lookup), sender=model, weak=False, dispatch_uid=f"{uid}.{name}.pre"
        )
        post_delete.connect(_refresh_remembered, sender=model, dispatch_uid=f"{uid}.{name}.post")


# Querying ---------------------------------------------------------------------------------


@dataclass
class Terms:
    """A web-search query taken apart for the fallback: every group must match (any one of
    its terms), and no excluded term may."""

    groups: list[list[str]] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)

    @property
    def wanted(self) -> list[str]:
        return [term for group in self.groups for term in group]


_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
# Words too common to search for on their own, as Postgres' English configuration ignores them.
STOP_WORDS = frozenset(
    {"a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have", "in", "is", "it"}
    | {"its", "of", "on", "or", "that", "the", "this", "to", "was", "were", "will", "with"}
)
_EDGE_PUNCTUATION = ".,;:!?()[]{}'\u2018\u2019\u201c\u201d"


def parse_terms(text: str) -> Terms:
    """The same syntax Postgres' ``websearch_to_tsquery`` reads: "a phrase", -word, a or b."""
    terms = Terms()
    join_next = False
    for negated, phrase, word in _TOKEN.findall(text):
        if word:
            if word.lower() == "or":
                join_next = bool(terms.groups)
                continue
            negated, word = ("-", word[1:]) if word.startswith("-") else ("", word)
        term = " ".join((phrase or word).split()).strip(_EDGE_PUNCTUATION)
        if not term or (word and term.lower() in STOP_WORDS):
            continue
        if negated:
            terms.excluded.append(term)
        elif join_next:
            terms.groups[-1].append(term)
        else:
            terms.groups.append([term])
        join_next = False
    return terms


def _contains(term: str) -> Q:
    publication = global_apps.get_model("publications", "Publication")
    authorship = global_apps.get_model("publications", "Authorship")
    tagged_item = global_apps.get_model("taggit", "TaggedItem")
    named = Q(author__name__icontains=term)
    if plain := readable_slug(term, ""):  # "Orsted" finds "Ørsted", whose slug is plain
        named |= Q(author__slug__icontains=plain)
    by_author = authorship.objects.filter(named, publication=OuterRef("pk"))
    in_area = publication.areas.through.objects.filter(
        publication=OuterRef("pk"), researcharea__name__icontains=term
    )
    tagged = tagged_item.objects.filter(
        content_type__app_label="publications",
        content_type__model="publication",
        object_id=OuterRef("pk"),
        tag__name__icontains=term,
    )
    return (
        Q(title__icontains=term)
        | Q(dek__icontains=term)
        | Q(summary__icontains=term)
        | Q(body__icontains=term)
        | Q(Exists(by_author))
        | Q(Exists(in_area))
        | Q(Exists(tagged))
    )


def _any_of(terms: list[str], *fields: str) -> Q:
    found = Q()
    for term in terms:
        for name in fields:
            found |= Q(**{f"{name}__icontains": term})
    return found


def matching(queryset, text: str):
    """``queryset`` narrowed to what matches ``text``, in no particular order."""
    text = (text or "").strip()
    if not text:
        return queryset.none()
    if on_postgres(queryset.db):
        return queryset.filter(search_vector=SearchQuery(text, search_type="websearch", config=CONFIG))
    terms = parse_terms(text)
    if not terms.groups:
        return queryset.none()
    for group in terms.groups:
        matched = Q()
        for term in group:
            matched |= _contains(term)
        queryset = queryset.filter(matched)
    for term in terms.excluded:
        queryset = queryset.exclude(_contains(term))
    return queryset


def ranked(queryset, text: str):
    """Order ``queryset`` (already narrowed by ``matching``) best match first, ``rank`` annotated."""
    text = (text or "").strip()
    if on_postgres(queryset.db):
        rank = SearchRank(F("search_vector"), SearchQuery(text, search_type="websearch", config=CONFIG))
    else:
        wanted = parse_terms(text).wanted
        rank = (
            Case(
                When(_any_of(wanted, "title"), then=Value(2.0)),
                When(_any_of(wanted, "dek", "summary"), then=Value(1.0)),
                default=Value(0.5),
            )
            if wanted
            else Value(0.0)
        )
    return queryset.annotate(rank=rank).order_by("-rank", "-published_at", "-pk")


def search(queryset, text: str):
    """``queryset`` narrowed to what matches ``text``, best match first (``rank`` annotated)."""
    return ranked(matching(queryset, text), text)


# Snippets ---------------------------------------------------------------------------------


def _marked(text: str) -> SafeString:
    """Escape Postgres' headline output, turning its highlight markers into <mark>."""
    text = escape(" ".join(unescape(text).split()))
    return mark_safe(text.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


def _with_ellipses(snippet: str, summary: str) -> str:
    """Mark where a headline's text was cut from a longer document."""
    plain = snippet.replace(MARK_START, "").replace(MARK_END, "").strip()
    if plain and not " ".join(summary.split()).startswith(plain[:30]):
        snippet = f"… {snippet.strip()}"
    if plain and not plain.endswith((".", "?", "!", "…")):
        snippet = f"{snippet.rstrip()} …"
    return snippet


def _highlight(text: str, terms: list[str]) -> SafeString:
    if not terms:
        return escape(text)
    pattern = re.compile("|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True)), re.I)
    pieces, last = [], 0
    for match in pattern.finditer(text):
        pieces += [escape(text[last : match.start()]), f"<mark>{escape(match.group())}</mark>"]
        last = match.end()
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))


def _fallback_snippet(publication, terms: list[str], words: int = 35) -> SafeString:
    text = " ".join(f"{publication.summary} {unescape(strip_tags(publication.body))}".split())
    lowered = text.lower()
    positions = [lowered.find(term.lower()) for term in terms]
    first = min((p for p in positions if p >= 0), default=-1)
    if first > 0:
        start = text.rfind(" ", 0, max(0, first - 80)) + 1
        text = ("… " if start else "") + text[start:]
    return _highlight(Truncator(text).words(words), terms)


def with_headlines(queryset, text: str):
    """On Postgres, annotate ``title_headline`` and ``snippet_headline`` (Postgres' headlines for
    ``text``); run it on a page of results only, as headlines cost time for every row."""
    if not on_postgres(queryset.db):
        return queryset
    query = SearchQuery(text, search_type="websearch", config=CONFIG)
    # Headlines cost time in proportion to the text they read: the start of the body is enough.
    body_text = Func(
        Left("body", HEADLINE_SOURCE_LENGTH),
        Value("<[^>]*(>|$)"),  # every tag, and one the cut above may have left open
        Value(" "),
        Value("g"),
        function="regexp_replace",
        output_field=TextField(),
    )
    marks = {"config": CONFIG, "start_sel": MARK_START, "stop_sel": MARK_END}
    return queryset.annotate(
        title_headline=SearchHeadline("title", query, highlight_all=True, **marks),
        snippet_headline=SearchHeadline(
            Concat("summary", Value(" "), body_text, output_field=TextField()),
            query,
            max_words=20,
            min_words=10,
            max_fragments=2,
            fragment_delimiter=" … ",
            **marks,
        ),
    )


def add_highlights(publications: list, text: str) -> None:
    """Give each publication a ``title_marked`` and a ``snippet`` (safe HTML with <mark>)
    showing where ``text`` matched: from ``with_headlines`` on Postgres, else found here."""
    terms = None
    for publication in publications:
        if hasattr(publication, "snippet_headline"):
            publication.title_marked = _marked(publication.title_headline)
            publication.snippet = _marked(_with_ellipses(publication.snippet_headline, publication.summary))
        else:
            terms = parse_terms(text).wanted if terms is None else terms
            publication.title_marked = _highlight(publication.title, terms)
            publication.snippet = _fallback_snippet(publication, terms)


# The search page ----------------------------------------------------------------------------


class SearchForm(forms.Form):
    """What the search page reads from its query string. Anything it cannot use is reported
    and left out, never a server error."""

    q = forms.CharField(label="Search terms", max_length=QUERY_MAX_LENGTH, required=False)
    type = forms.ModelChoiceField(queryset=None, to_field_name="slug", required=False)
    area = forms.ModelChoiceField(queryset=None, to_field_name="slug", required=False, label="Research area")
    series = forms.ModelChoiceField(queryset=None, to_field_name="slug", required=False)
    author = forms.ModelChoiceField(queryset=None, to_field_name="slug", required=False, label="Expert")
    year = forms.IntegerField(min_value=1, max_value=9999, required=False)
    sort = forms.ChoiceField(
        choices=[("", "Relevance"), ("newest", "Newest first")], required=False, label="Sort by"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].queryset = global_apps.get_model("publications", "PublicationType").objects.all()
        self.fields["area"].queryset = global_apps.get_model("research_areas", "ResearchArea").objects.all()
        self.fields["series"].queryset = global_apps.get_model("series", "Series").objects.all()
        self.fields["author"].queryset = global_apps.get_model("authors", "Author").objects.all()

    def value(self, name: str):
        """The cleaned value of ``name``, or None when it was absent or not usable."""
        self.is_valid()
        return self.cleaned_data.get(name) or None


# The facets, in the order the page shows them, and their names there.
FACETS = {"type": "Type", "area": "Research area", "series": "Series", "author": "Expert", "year": "Year"}


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


FILTERS = {
    "type": lambda value: Q(type=value),
    "area": lambda value: Q(areas=value),
    "series": lambda value: Q(series=value),
    "author": lambda value: Q(authorships__author=value),
    "year": lambda value: Q(published_at__year=value),
}
# Facets read off the publication row itself, counted together in one grouped query.
ROW_FACETS = ("type", "series", "year")


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
            matches = matches.filter(FILTERS[name](value))
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
    selected = {name: form.value(name) for name in FACETS}
    # Only what the form accepted carries over into links: bad values are dropped, not repeated.
    base = {"q": result.query, "sort": result.sort} | {
        name: _key(value) for name, value in selected.items() if value is not None
    }
    result.active = [
        ActiveFilter(FACETS[name], label=str(value), remove_query=_query_string(base, **{name: None}))
        for name, value in selected.items()
        if value is not None
    ]
    result.query_string = _query_string(base)
    result.by_relevance_query = _query_string(base, sort=None)
    result.by_date_query = _query_string(base, sort="newest")
    result.kept = [(name, _key(value)) for name, value in selected.items() if value is not None]
    if not result.searched:
        return result

    matches = matching(queryset, result.query) if result.query else queryset
    counts, total = _counts(matches, selected)
    results = _narrowed(matches, selected)
    if result.query and result.sort != "newest":
        results = ranked(results, result.query)
    else:
        results = results.order_by("-published_at", "-pk")
    # Cards, but with the body: without Postgres headlines, snippets are cut from it here.
    results = results.with_bylines().defer("body_html", "toc")
    if result.query:
        results = with_headlines(results, result.query)
    result.page = KnownCountPaginator(results, PAGE_SIZE, count=total).get_page(params.get("page"))
    result.page.object_list = list(result.page.object_list)
    if result.query:
        add_highlights(result.page.object_list, result.query)

    for name, label in FACETS.items():
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
            result.facets.append(Facet(name=name, label=label, options=options))
    return result
