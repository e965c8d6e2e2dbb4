"""One way to search, whichever database answers: Postgres full-text search, or the fallback.

Each engine module offers the same four functions: ``matching`` and ``ranked`` (querysets),
``with_headlines`` (a page of results) and ``add_highlights`` (its rows, once read)."""

from . import fallback, postgres
from .vectors import on_postgres


def engine(alias: str):
    return postgres if on_postgres(alias) else fallback


def matching(queryset, text: str):
    """``queryset`` narrowed to what matches ``text``, in no particular order."""
    text = (text or "").strip()
    if not text:
        return queryset.none()
    return engine(queryset.db).matching(queryset, text)


def ranked(queryset, text: str):
    """Order ``queryset`` (already narrowed by ``matching``) best match first, ``rank`` annotated."""
    text = (text or "").strip()
    return engine(queryset.db).ranked(queryset, text).order_by("-rank", "-published_at", "-pk")


def search(queryset, text: str):
    """``queryset`` narrowed to what matches ``text``, best match first (``rank`` annotated)."""
    return ranked(matching(queryset, text), text)


def with_headlines(queryset, text: str):
    """Ask the database for what ``add_highlights`` needs, if it can give it."""
    return engine(queryset.db).with_headlines(queryset, text)


def add_highlights(publications: list, text: str, using: str) -> None:
    """Give each publication a ``title_marked`` and a ``snippet`` (safe HTML with <mark>)
    showing where ``text`` matched."""
    engine(using).add_highlights(publications, text)
