"""Which keys an edit purges at the edge, and when.

The signals in signals.py name what changed; this collects it per transaction and, once the
transaction has committed, queues one purge task (tasks.py) for all of it, so a save never waits
for Varnish or a CDN and a rolled-back edit purges nothing. A publication is named by its id and
expanded only then, when its byline, areas, regions and tags are final.

What a publication's change purges, if it is public or was until now:

- its own key (its page, and every page that shows it as a card or a related item);
- ``all-publication`` (the pages that list publications at large: home, the list, search,
  feeds, the sitemap);
- the keys of its authors, research areas, regions, series, type and tags: their pages list it,
  and related boxes that might now show it carry them (the pages of broader regions, which
  list it too, carry the keys of the regions inside them).

A page that showed it and no longer should (an author taken off the byline) carries its key, so
the first item covers it. A scheduled publication is purged at its moment by a task queued to
run then (when the task queue can defer), and no page is kept past that moment in any case.
"""

from django.db import DEFAULT_DB_ALIAS

from core.surrogates import SITE, all_key, key_for
from core.transactions import AfterCommit
from publications.models import Publication

from . import tasks

# What a collected publication id is for: a purge now, or one at its moment.
NOW, LATER = "now", "later"


def publication_keys(publications) -> set[str]:
    """The keys to purge for each of ``publications`` (loaded with their relations)."""
    keys = {all_key(Publication)}
    for publication in publications:
        keys.add(key_for(publication))
        related = [publication.type, publication.series, *publication.areas.all(), *publication.tags.all()]
        related += publication.regions.all()
        related += [authorship.author for authorship in publication.authorships.all()]
        keys.update(key_for(item) for item in related if item is not None)
    return keys


def _with_relations(ids):
    return (
        Publication.objects.filter(pk__in=ids)
        .select_related("type", "series")
        .prefetch_related("areas", "regions", "tags", "authorships__author")
    )


def _send(items: set, using: str) -> None:
    if not getattr(tasks.get_purger(), "sends", True):
        return  # no edge: nothing to work out, nothing to queue
    keys = {item for item in items if isinstance(item, str)}
    now_ids = {pk for kind, pk in (item for item in items if isinstance(item, tuple)) if kind == NOW}
    later_ids = {pk for kind, pk in (item for item in items if isinstance(item, tuple)) if kind == LATER}
    if now_ids:
        keys |= publication_keys(_with_relations(now_ids).using(using))
    if keys:
        tasks.purge_keys.enqueue(sorted(keys))
    if later_ids and tasks.purge_keys.get_backend().supports_defer:
        # The immediate queue (development) cannot wait; lifetimes capped at the moment do it.
        for publication in _with_relations(later_ids).using(using):
            if publication.is_scheduled:
                keys = sorted(publication_keys([publication]))
                tasks.purge_keys.using(run_after=publication.published_at).enqueue(keys)


_pending = AfterCommit(_send)


def purge(*keys: str, using: str = DEFAULT_DB_ALIAS) -> None:
    """Purge ``keys`` at the edge once the current transaction commits."""
    _pending.add(*keys, using=using)


def purge_publication(pk: int, using: str = DEFAULT_DB_ALIAS) -> None:
    """Purge what a change to this public (or until now public) publication changes, once the
    transaction commits (see the module docstring)."""
    _pending.add((NOW, pk), using=using)


def purge_when_live(pk: int, using: str = DEFAULT_DB_ALIAS) -> None:
    """Queue the purge for the moment this scheduled publication goes live, with its byline,
    areas and tags as they are when the transaction commits."""
    _pending.add((LATER, pk), using=using)


def purge_everything(using: str = DEFAULT_DB_ALIAS) -> None:
    """Every cached page carries ``site``: after a deploy, or writes that skip the signals."""
    purge(SITE, using=using)
