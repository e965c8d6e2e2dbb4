"""The Postgres engine: the stored vector queried with web-search syntax, ranked by ``ts_rank``,
matches highlighted by ``ts_headline`` in the stored ``search_text`` (``snippet_source``)."""

import operator
from functools import reduce
from html import unescape

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db.models import F
from django.db.models.functions import Left, Right
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from core.text import ELLIPSIS, SENTENCE_END, TRAILING_MARKS, excerpt

from .fallback import parse_terms
from .vectors import CONFIG

SNIPPET_WORDS = 35  # words of the summary shown for a piece whose text does not match
# Private-use characters mark highlights inside Postgres' output, so the text around them
# can be escaped before they become <mark> tags.
MARK_START, MARK_END = "\ue000", "\ue001"


def _query(text: str) -> SearchQuery:
    """``websearch_to_tsquery``: "a phrase", -word and or, never a syntax error."""
    return SearchQuery(text, search_type="websearch", config=CONFIG)


def matching(queryset, text: str):
    return queryset.filter(search_vector=_query(text))


def _ranking_query(text: str) -> SearchQuery:
    """The query's words and phrases joined by "or", for ``ts_rank`` only (what matches is still
    the query's): it then weighs each word's occurrences, in time linear in them, where for words
    joined by "and" it also compares the distance between every two of their occurrences,
    quadratic in a long text (at 20,000 publications, "grid resilience" took 5 ms to rank its
    286 matches that way, against under 1 ms)."""
    terms = parse_terms(text).wanted
    if len(terms) < 2:
        return _query(text)
    return reduce(operator.or_, (_query(term) for term in terms))


def ranked(queryset, text: str):
    return queryset.annotate(rank=SearchRank(F("search_vector"), _ranking_query(text)))


def with_headlines(queryset, text: str, body: str = "body"):
    """Annotate ``title_headline`` and ``snippet_headline``; for a page of results only, as
    headlines cost time for every row. They come from the stored ``search_text``: the ``body``
    itself is left in the database."""
    marks = {"config": CONFIG, "start_sel": MARK_START, "stop_sel": MARK_END}
    source = F("search_text")
    return queryset.defer(body).annotate(
        title_headline=SearchHeadline("title", _query(text), highlight_all=True, **marks),
        snippet_headline=SearchHeadline(
            source,
            _query(text),
            max_words=20,
            min_words=10,
            max_fragments=2,
            fragment_delimiter=f" {ELLIPSIS} ",
            **marks,
        ),
        # Where the text the snippet comes from begins and ends: no ellipsis at either.
        snippet_source_start=Left(source, 80),
        snippet_source_end=Right(source, 80),
    )


def _marked(text: str) -> SafeString:
    """Escape Postgres' headline output, turning its highlight markers into <mark>."""
    text = escape(" ".join(unescape(text).split()))
    return mark_safe(text.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


def _with_ellipses(snippet: str, source_start: str, source_end: str) -> str:
    """Mark where a headline's text was cut from a longer text: one ellipsis before it unless
    it starts the text, one after its last whole word unless it ends a sentence or the text."""
    snippet = " ".join(snippet.split())
    plain = snippet.replace(MARK_START, "").replace(MARK_END, "")
    if not plain:
        return snippet
    if not " ".join(source_start.split()).startswith(plain[:30]):
        snippet = f"{ELLIPSIS} {snippet}"
    if not plain.endswith(SENTENCE_END) and not " ".join(source_end.split()).endswith(plain[-30:]):
        snippet = snippet.rstrip(TRAILING_MARKS) + ELLIPSIS
    return snippet


def add_highlights(publications: list, text: str, body: str = "body") -> None:
    """Turn the headlines ``with_headlines`` annotated into ``title_marked`` and ``snippet``. A
    piece found by its title, authors or topics rather than its text gets the start of its
    summary, as many words as the fallback engine shows, rather than the headline's few."""
    for publication in publications:
        publication.title_marked = _marked(publication.title_headline)
        if MARK_START not in publication.snippet_headline and publication.summary.strip():
            publication.snippet = escape(excerpt(publication.summary, SNIPPET_WORDS))
            continue
        publication.snippet = _marked(
            _with_ellipses(
                publication.snippet_headline, publication.snippet_source_start, publication.snippet_source_end
            )
        )
