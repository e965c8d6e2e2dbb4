"""The Postgres engine: the stored vector queried with web-search syntax, ranked by ``ts_rank``,
matches highlighted by ``ts_headline``."""

from html import unescape

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db.models import Case, F, Func, TextField, Value, When
from django.db.models.functions import Concat, Left, Length, Right
from django.db.models.lookups import GreaterThan
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from core.text import BLOCK_TAG, ELLIPSIS, SENTENCE_END, TRAILING_MARKS, excerpt

from .vectors import CONFIG

HEADLINE_SOURCE_LENGTH = 2500  # characters of body HTML a snippet is drawn from
SNIPPET_WORDS = 35  # words of the summary shown for a piece whose text does not match
# Private-use characters mark highlights inside Postgres' output, so the text around them
# can be escaped before they become <mark> tags.
MARK_START, MARK_END = "\ue000", "\ue001"


def _query(text: str) -> SearchQuery:
    """``websearch_to_tsquery``: "a phrase", -word and or, never a syntax error."""
    return SearchQuery(text, search_type="websearch", config=CONFIG)


def matching(queryset, text: str):
    return queryset.filter(search_vector=_query(text))


def ranked(queryset, text: str):
    return queryset.annotate(rank=SearchRank(F("search_vector"), _query(text)))


def _replace(text, pattern: str, replacement: str, flags: str = "g") -> Func:
    return Func(
        text,
        Value(pattern),
        Value(replacement),
        Value(flags),
        function="regexp_replace",
        output_field=TextField(),
    )


def headline_source(body: str = "body"):
    """The start of the body as text, as ``core.text.html_to_text`` reads HTML: a space between
    blocks ("difficult. A better", not "difficult.A better"), nothing for inline tags (so a word
    in italics stays one word), no footnote numbers. Headlines cost time in proportion to the
    text they read, so only the first ``HEADLINE_SOURCE_LENGTH`` characters are read, and the
    word (or tag, or entity) that cut goes through is left out."""
    start = Case(
        When(
            # Anything but a whole tag at the end was cut: drop it ("informat", "&am", "<a hr").
            GreaterThan(Length(body), HEADLINE_SOURCE_LENGTH),
            then=_replace(Left(body, HEADLINE_SOURCE_LENGTH), r"[^\s>]*$", "", ""),
        ),
        default=F(body),
        output_field=TextField(),
    )
    text = _replace(start, r"<sup>\s*[0-9]+\s*</sup>", "")
    text = _replace(text, BLOCK_TAG, " ", "gi")
    return _replace(text, "<[^>]*(>|$)", "")  # every other tag, and one the cut left open


def with_headlines(queryset, text: str, body: str = "body"):
    """Annotate ``title_headline`` and ``snippet_headline``; for a page of results only, as
    headlines cost time for every row."""
    marks = {"config": CONFIG, "start_sel": MARK_START, "stop_sel": MARK_END}
    source = Concat("summary", Value(" "), headline_source(body), output_field=TextField())
    return queryset.annotate(
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
