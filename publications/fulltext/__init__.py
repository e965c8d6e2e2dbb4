"""Full-text search over a queryset of publications: ``Publication.objects.published().search(q)``.

On Postgres every publication stores a weighted, GIN-indexed search vector (``vectors``),
queried with web-search syntax, ranked and highlighted (``postgres``); other databases get a
plainer text match with the same syntax (``fallback``); ``engines`` picks one.

Nothing here imports a model: it works on the queryset it is given and finds the byline, areas
and tags through its model's relations (which also lets migration 0002 index with historical
models). So ``publications.models`` can import ``engines`` for ``PublicationQuerySet.search``,
and the search page and the signals that keep the vectors current (``publications.search``)
build on both.
"""

from .vectors import update_search_vectors

__all__ = ["update_search_vectors"]
