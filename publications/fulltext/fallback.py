"""The engine for other databases (SQLite, for the quick start): the same web-search syntax,
matched as case-insensitive text in the same fields, title matches first, no stemming."""

import re
from dataclasses import dataclass, field

from django.db.models import Case, Exists, OuterRef, Q, Value, When
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from core.slugs import readable_slug
from core.text import ELLIPSIS, excerpt, html_to_text

from .vectors import Links


@dataclass
class Terms:
    """A web-search query taken apart: every group must match (any one of its terms), and no
    excluded term may."""

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


def _contains(links: Links, term: str) -> Q:
    """Publications with ``term`` in any field the Postgres vector holds."""
    named = Q(author__name__icontains=term)
    if plain := readable_slug(term, ""):  # "Orsted" finds "Ørsted", whose slug is plain
        named |= Q(author__slug__icontains=plain)
    return (
        Q(title__icontains=term)
        | Q(dek__icontains=term)
        | Q(summary__icontains=term)
        | Q(body__icontains=term)
        | Q(Exists(links.authorships.filter(named, publication=OuterRef("pk"))))
        | Q(Exists(links.areas.filter(publication=OuterRef("pk"), researcharea__name__icontains=term)))
        | Q(Exists(links.tags.filter(object_id=OuterRef("pk"), tag__name__icontains=term)))
    )


def matching(queryset, text: str, contains=None):
    """``contains(term)``: the condition for one term; a publication's (``_contains``) unless
    given, as events give theirs."""
    terms = parse_terms(text)
    if not terms.groups:
        return queryset.none()
    if contains is None:
        links = Links.of(queryset.model)

        def contains(term):
            return _contains(links, term)

    for group in terms.groups:
        matched = Q()
        for term in group:
            matched |= contains(term)
        queryset = queryset.filter(matched)
    for term in terms.excluded:
        queryset = queryset.exclude(contains(term))
    return queryset


def _any_of(terms: list[str], *fields: str) -> Q:
    found = Q()
    for term in terms:
        for name in fields:
            found |= Q(**{f"{name}__icontains": term})
    return found


def ranked(queryset, text: str):
    """A rough rank: a title match, then a dek or summary match, then the rest."""
    wanted = parse_terms(text).wanted
    if not wanted:
        return queryset.annotate(rank=Value(0.0))
    rank = Case(
        When(_any_of(wanted, "title"), then=Value(2.0)),
        When(_any_of(wanted, "dek", "summary"), then=Value(1.0)),
        default=Value(0.5),
    )
    return queryset.annotate(rank=rank)


def with_headlines(queryset, text: str, body: str = "body"):
    """Nothing to ask the database: ``add_highlights`` finds the matches in the page's rows,
    in their ``body`` (``search_text`` is filled on Postgres only)."""
    return queryset.defer("search_text")


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


SNIPPET_WORDS = 35
# Footnote numbers in the text (``<sup>1</sup>``, body.py's convention): "invoked.1 Strategic"
# reads as a typo in a snippet.
NOTE_MARK = re.compile(r"<sup>\s*\d+\s*</sup>")
_SENTENCE_START = re.compile(r"[.?!][\"”’)]?\s+(?=\S)")


def snippet_text(summary: str, body: str) -> str:
    """What a snippet is drawn from: the summary, then the body's text, blocks kept apart."""
    return " ".join(f"{summary} {html_to_text(NOTE_MARK.sub('', body))}".split())


def _snippet(publication, terms: list[str], words: int = SNIPPET_WORDS, body: str = "body") -> SafeString:
    """The text around the first match: from the start of its sentence when that is near, or
    a few words before it, cut between words (core/text.py)."""
    text = snippet_text(publication.summary, getattr(publication, body))
    lowered = text.lower()
    positions = [lowered.find(term.lower()) for term in terms]
    first = min((p for p in positions if p >= 0), default=-1)
    if first > 80:
        sentences = list(_SENTENCE_START.finditer(text, max(0, first - 120), first + 1))
        start = sentences[-1].end() if sentences else text.rfind(" ", 0, first - 80) + 1
        if start > 0:
            text = f"{ELLIPSIS} {text[start:]}"
    return _highlight(excerpt(text, words), terms)


def add_highlights(publications: list, text: str, body: str = "body") -> None:
    """Give each publication a ``title_marked`` and a ``snippet`` with the matches marked."""
    terms = parse_terms(text).wanted
    for publication in publications:
        publication.title_marked = _highlight(publication.title, terms)
        publication.snippet = _snippet(publication, terms, body=body)
