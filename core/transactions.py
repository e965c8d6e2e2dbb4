"""Work done once per transaction, however many rows changed.

A save of a publication with its byline, areas and tags sends a dozen signals; each wants the
same follow-up (a new search vector, a new content version). ``AfterCommit`` collects what they
name and hands it to its handler once, after the transaction commits (at once outside one), so
a reader never sees work from a transaction that rolled back.

Every ``add`` asks Django for an on-commit call; the first to run takes everything collected
and the rest find nothing left. Items added in a transaction that rolled back wait for the next
commit: at worst one extra, harmless run of the handler.
"""

import threading
from collections.abc import Callable, Hashable
from functools import partial

from django.db import DEFAULT_DB_ALIAS, transaction


class AfterCommit:
    def __init__(self, handler: Callable[[set, str], None]):
        """``handler(items, using)`` runs once per commit with every item added since the last."""
        self.handler = handler
        self._local = threading.local()

    def _pending(self, using: str) -> set:
        pending = getattr(self._local, "pending", None)
        if pending is None:
            pending = self._local.pending = {}
        return pending.setdefault(using, set())

    def add(self, *items: Hashable, using: str = DEFAULT_DB_ALIAS) -> None:
        self._pending(using).update(items)
        transaction.on_commit(partial(self._run, using), using=using, robust=True)

    def _run(self, using: str) -> None:
        pending = self._pending(using)
        if not pending:
            return
        items = set(pending)
        pending.clear()
        self.handler(items, using)
