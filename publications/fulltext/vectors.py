"""What a publication is found by on Postgres: its stored, weighted search vector.

Title weighs most (A), then dek and summary (B), then body (C), then the names it is filed
under: authors, research areas and tags (D). The models come from the queryset being indexed,
so migration 0002 builds the same vector from its historical models.
"""

from dataclasses import dataclass

from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import SearchVector
from django.db import connections
from django.db.models import OuterRef, QuerySet, Subquery, TextField, Value
from django.db.models.functions import Concat

CONFIG = "english"


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


def update_search_vectors(queryset, apps=None) -> int:
    """Rebuild the search vector of every publication in ``queryset``, in one UPDATE.

    Leaves ``updated_at`` alone: re-indexing is not an edit. Does nothing off Postgres.
    ``apps`` is ignored: migration 0002 passes its registry, which ``queryset.model`` belongs to."""
    if not on_postgres(queryset.db):
        return 0
    return queryset.update(search_vector=search_vector(queryset.model))
