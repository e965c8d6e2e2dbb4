"""Surrogate keys: what a cached response shows, so an edge cache (Varnish, a CDN) can drop
exactly the pages an edit changes.

While the page cache renders an anonymous page (``collecting()``), every instance of a tracked
model that is loaded from the database adds its key, ``<model>-<pk>`` (``publication-12``,
``author-3``): whatever the page loaded, it may show. A page that shows *every* instance of a
model, or a selection that a new one can join (the list of publications, the filter's list of
experts, the newsletters in the sign-up form), says so with ``shows_all(Model)``: it gets
``all-<model>`` instead of one key per instance, and that key is purged on any change to that
model. Every cached page also carries ``site``, to purge everything at once.

Apps name their tracked models from ``AppConfig.ready()`` (``track``), so this module knows none.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models.signals import post_init

SITE = "site"

_tracked: set[str] = set()


class _Keys:
    def __init__(self):
        self.keys: set[str] = {SITE}
        self.all_of: set[str] = set()

    def sorted(self) -> list[str]:
        own = {key for key in self.keys if key.split("-", 1)[0] not in self.all_of}
        return sorted(own | {f"all-{name}" for name in self.all_of})


_current: ContextVar[_Keys | None] = ContextVar("surrogate_keys", default=None)


def key_for(instance) -> str:
    return f"{instance._meta.model_name}-{instance.pk}"


def all_key(model) -> str:
    return f"all-{model._meta.model_name}"


def track(*models) -> None:
    """Instances of ``models`` loaded while a page renders add their keys to it."""
    _tracked.update(model._meta.label_lower for model in models)


def shows_all(*models) -> None:
    """The page being rendered shows every instance of ``models``, or a selection a new one may
    join: it depends on all of them (``all-<model>``), not on those it happened to load."""
    keys = _current.get()
    if keys is not None:
        keys.all_of.update(model._meta.model_name for model in models)


def add(*keys: str) -> None:
    current = _current.get()
    if current is not None:
        current.keys.update(keys)


@contextmanager
def collecting():
    """Collects the keys of what is rendered inside the block; yields the collection, whose
    ``sorted()`` is the page's keys."""
    keys = _Keys()
    token = _current.set(keys)
    try:
        yield keys
    finally:
        _current.reset(token)


def _loaded(sender, instance, **kwargs):
    current = _current.get()
    if current is not None and instance.pk is not None and sender._meta.label_lower in _tracked:
        current.keys.add(key_for(instance))


post_init.connect(_loaded, dispatch_uid="core.surrogates.loaded")
