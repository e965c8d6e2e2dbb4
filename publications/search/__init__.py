"""The site's search: ``/search/`` with its form and facets (``forms``, ``page``) over the kinds
of result it mixes (``kinds``: publications, and events handed in from above), and the
signals that keep every publication's search vector current, rebuilding it once per transaction
(``signals``). The engines themselves are ``publications.fulltext``, which the models use.
"""

from ..fulltext import update_search_vectors

__all__ = ["update_search_vectors"]
