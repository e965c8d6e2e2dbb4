"""What a publication is found by on Postgres: its stored, weighted search vector.

Title weighs most (A), then dek and summary (B), then body (C), then the names it is filed
under: authors, research areas and tags (D). The models come from the queryset being indexed,
so migration 0002 builds the same vector from its historical models.
"""

from dataclasses import dataclass

from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import SearchVector
from django.db import connections
from django.db.models import Case, F, Func, OuterRef, QuerySet, Subquery, TextField, Value, When
from django.db.models.functions import Concat, Left, Length
from django.db.models.lookups import GreaterThan

from core.text import BLOCK_TAG

CONFIG = "english"
HEADLINE_SOURCE_LENGTH = 2500  # characters of body HTML a snippet is drawn from


def on_postgres(alias: str) -> bool:
    return connections[alias].vendor == "postgresql"


@dataclass(frozen=True)
class Links:
    """The rows linking publications to their authors, areas and tags. Read off the model's
    relations, so they are the historical models' rows in a migration."""

    authorships: QuerySet  # publication, author
    areas: QuerySet  # publication, researcharea
    tags: QuerySet  # object_id (the publication), tag

    @classmethod
    def of(cls, model) -> "Links":
        tagged = model._meta.get_field("tags").remote_field.through
        return cls(
            authorships=model._meta.get_field("authorships").related_model.objects.all(),
            areas=model._meta.get_field("areas").remote_field.through.objects.all(),
            tags=tagged.objects.filter(
                content_type__app_label=model._meta.app_label, content_type__model=model._meta.model_name
            ),
        )


def linked_names(rows: QuerySet, key: str, name) -> Subquery:
    """The ``name``s of the ``rows`` whose ``key`` points at the outer row, as one string (events
    build their own vector with it)."""
    grouped = (
        rows.filter(**{key: OuterRef("pk")})
        .order_by()
        .values(key)
        .annotate(names=StringAgg(name, delimiter=" "))
    )
    return Subquery(grouped.values("names"), output_field=TextField())


def search_vector(model) -> SearchVector:
    """The weighted vector of a publication of ``model``, as an expression for ``update()``."""
    links = Links.of(model)
    return (
        SearchVector("title", weight="A", config=CONFIG)
        + SearchVector("dek", "summary", weight="B", config=CONFIG)
        + SearchVector("body", weight="C", config=CONFIG)
        + SearchVector(
            # The slug spells the name in plain letters, so "Orsted" finds "Ørsted".
            linked_names(
                links.authorships,
                "publication",
                Concat("author__name", Value(" "), "author__slug", output_field=TextField()),
            ),
            linked_names(links.areas, "publication", "researcharea__name"),
            linked_names(links.tags, "object_id", "tag__name"),
            weight="D",
            config=CONFIG,
        )
    )


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


def snippet_source(body: str = "body"):
    """What snippets are cut from: the summary, then the start of the body as text. Stored as
    ``search_text`` whenever the vector is (``update_search_vectors``), as making it takes the
    database longer than the headline itself (postgres.py)."""
    return Concat("summary", Value(" "), headline_source(body), output_field=TextField())


def indexed(model, vector, body: str) -> dict:
    """What re-indexing a row of ``model`` writes: the ``vector``, and the text search snippets
    come from (``search_text``, from ``body``) where the model has it yet (not in a migration
    older than the field)."""
    values = {"search_vector": vector}
    if any(field.name == "search_text" for field in model._meta.get_fields()):
        values["search_text"] = snippet_source(body)
    return values


def update_search_vectors(queryset, apps=None) -> int:
    """Rebuild the search vector (and snippet text) of every publication in ``queryset``, in
    one UPDATE.

    Leaves ``updated_at`` alone: re-indexing is not an edit. Does nothing off Postgres.
    ``apps`` is ignored: migration 0002 passes its registry, which ``queryset.model`` belongs to."""
    if not on_postgres(queryset.db):
        return 0
    return queryset.update(**indexed(queryset.model, search_vector(queryset.model), "body"))
