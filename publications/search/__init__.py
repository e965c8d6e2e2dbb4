"""Search over published work: ``Publication.objects.published().search(q)`` and ``/search/``.

On Postgres every publication stores a weighted, GIN-indexed search vector (``vectors``),
queried with web-search syntax, ranked and highlighted (``postgres``); other databases get a
plainer text match with the same syntax (``fallback``); ``engines`` picks one. ``signals``
keeps the vectors current, rebuilding them once per transaction; ``forms`` and ``page`` make
the search page.

Imports point one way, in two layers. ``vectors``, ``postgres``, ``fallback`` and ``engines``
import no model: they work on the queryset they are given and find the byline, areas and tags
through its model's relations (which is also what lets migration 0002 index with historical
models). So ``publications.models`` imports ``engines`` at module level for
``PublicationQuerySet.search``. ``signals``, ``forms`` and ``page`` import the models
normally; only ``PublicationsConfig.ready`` and the view import them, and this file imports
neither, so loading the models never loads them.
"""

from .vectors import update_search_vectors

__all__ = ["update_search_vectors"]
