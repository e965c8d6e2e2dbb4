"""Everything ``load_demo`` loads, in one place.

Each publication is a dict with ``slug``, ``title``, ``type``, ``dek``, ``summary``,
``authors`` (names, in byline order), ``areas`` (names), ``tags`` and ``body`` (HTML),
and optionally ``series`` (a name), ``featured``, ``related`` (slugs, hand-picked) and
either ``status`` ("draft" or "review", which leave it undated) or ``days_ago``: days
before the moment the command runs (negative: scheduled that many days ahead).
"""

from . import cities, crosscutting, energy, health, maritime, statecraft, technology
from .taxonomy import AUTHORS, NEWSLETTERS, PUBLICATION_TYPES, RESEARCH_AREAS, SERIES

PUBLICATIONS = [
    *energy.PUBLICATIONS,
    *statecraft.PUBLICATIONS,
    *maritime.PUBLICATIONS,
    *technology.PUBLICATIONS,
    *health.PUBLICATIONS,
    *cities.PUBLICATIONS,
    *crosscutting.PUBLICATIONS,
]

__all__ = ["AUTHORS", "NEWSLETTERS", "PUBLICATIONS", "PUBLICATION_TYPES", "RESEARCH_AREAS", "SERIES"]
