"""The Postgres engine: the stored vector queried with web-search syntax, ranked by ``ts_rank``,
matches highlighted by ``ts_headline``."""

from html import unescape

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db.models import F, Func, TextField, Value
from django.db.models.functions import Concat, Left
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .vectors import CONFIG

HEADLINE_SOURCE_LENGTH = 2500  # characters of body HTML a snippet is drawn from
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


def with_headlines(queryset, text: str):
    """Annotate ``title_headline`` and ``snippet_headline``; for a page of results only, as
    headlines cost time for every row."""
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
        title_headline=SearchHeadline("title", _query(text), highlight_all=True, **marks),
        snippet_headline=SearchHeadline(
            Concat("summary", Value(" "), body_text, output_field=TextField()),
            _query(text),
            max_words=20,
            min_words=10,
            max_fragments=2,
            fragment_delimiter=" … ",
            **marks,
        ),
    )


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


def add_highlights(publications: list, text: str) -> None:
    """Turn the headlines ``with_headlines`` annotated into ``title_marked`` and ``snippet``."""
    for publication in publications:
        publication.title_marked = _marked(publication.title_headline)
        publication.snippet = _marked(_with_ellipses(publication.snippet_headline, publication.summary))
