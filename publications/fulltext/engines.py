"""One way to search, whichever database answers: Postgres full-text search, or the fallback.

Each engine module offers the same four functions: ``matching`` and ``ranked`` (querysets),
``with_headlines`` (a page of results) and ``add_highlights`` (its rows, once read)."""

from . import fallback, postgres
from .vectors import on_postgres


def engine(alias: str):
    return postgres if on_postgres(alias) else fallback


def matching(queryset, text: str, *, contains=None):
    """``queryset`` narrowed to what matches ``text``, in no particular order. ``contains(term)``
    is the fallback's condition for one term, for a model other than a publication (on Postgres
    the model's own ``search_vector`` decides)."""
    text = (text or "").strip()
    if not text:
        return queryset.none()
    if on_postgres(queryset.db):
        return postgres.matching(queryset, text)
    return fallback.matching(queryset, text, contains=contains)


def ranked(queryset, text: str):
    """Order ``queryset`` (already narrowed by ``matching``) best match first, ``rank`` annotated."""
    text = (text or "").strip()
    return engine(queryset.db).ranked(queryset, text).order_by("-rank", "-published_at", "-pk")


def search(queryset, text: str):
    """``queryset`` narrowed to what matches ``text``, best match first (``rank`` annotated)."""
    return ranked(matching(queryset, text), text)


def with_headlines(queryset, text: str, *, body: str = "body"):
    """Ask the database for what ``add_highlights`` needs, if it can give it. ``body`` names the
    rich-text field snippets come from (an event's is its ``description``)."""
    return engine(queryset.db).with_headlines(queryset, text, body=body)


def add_highlights(publications: list, text: str, using: str, *, body: str = "body") -> None:
    """Give each publication (or event) a ``title_marked`` and a ``snippet`` (safe HTML with
    <mark>) showing where ``text`` matched."""
    engine(using).add_highlights(publications, text, body=body)
