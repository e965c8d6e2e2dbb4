"""Which changes leave which publications' search vectors stale.

A publication is searched by its own text, its byline, its research areas and its tags, so a
change to any of them, and renaming (or deleting) an expert, area or tag, marks the
publications concerned. Receivers only collect their ids: ``update_search_vectors`` runs once
per transaction, after it commits, for all of them. One admin save of a publication sends a
dozen signals (the row, each author, the areas, the tags); the vector is rebuilt once.

Saves made through the ORM (the admin, load_demo, the shell) all pass through here.
``bulk_create`` and ``QuerySet.update`` send no signals: code using them calls
``update_search_vectors`` itself, as ``generate_content`` does.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from taggit.models import Tag, TaggedItem

from authors.models import Author
from core.transactions import AfterCommit
from research_areas.models import ResearchArea

from ..fulltext.vectors import update_search_vectors
from ..models import Authorship, Publication


def _rebuild(ids: set, using: str) -> None:
    """The one re-index of a transaction, for every publication its changes marked."""
    update_search_vectors(Publication.objects.using(using).filter(pk__in=ids))


_stale = AfterCommit(_rebuild)


def mark_stale(ids, using: str) -> None:
    """Re-index the publications ``ids`` once the current transaction commits (at once outside one)."""
    if ids:
        _stale.add(*ids, using=using)


def _filed_under(lookup: str, instance, using: str) -> list[int]:
    return list(Publication.objects.using(using).filter(**{lookup: instance}).values_list("pk", flat=True))


def _publication_saved(sender, instance, using, raw=False, **kwargs):
    if not raw:
        mark_stale([instance.pk], using)


def _authorship_changed(sender, instance, using, raw=False, **kwargs):
    if not raw:
        mark_stale([instance.publication_id], using)


def _areas_changed(sender, instance, action, reverse, pk_set, using, **kwargs):
    """``publication.areas.add(...)``, and the reverse ``area.publications.add(...)``."""
    if not reverse and action in {"post_add", "post_remove", "post_clear"}:
        mark_stale([instance.pk], using)
    elif reverse and action in {"post_add", "post_remove"}:
        mark_stale(pk_set, using)
    elif reverse and action == "pre_clear":  # afterwards nothing says which publications it had
        mark_stale(_filed_under("areas", instance, using), using)


def _tags_changed(sender, instance, action, using, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"} and isinstance(instance, Publication):
        mark_stale([instance.pk], using)


def _filed_under_changed(lookup: str):
    """A receiver for an expert, area or tag renamed or deleted: publications are searched by
    its name. Deletions are caught before the cascade, which leaves no trace of the links."""

    def receiver(sender, instance, using, raw=False, created=False, **kwargs):
        if not raw and not created:
            mark_stale(_filed_under(lookup, instance, using), using)

    return receiver


def connect() -> None:
    """Called once from ``PublicationsConfig.ready``."""
    uid = "publications.search"
    post_save.connect(_publication_saved, sender=Publication, dispatch_uid=f"{uid}.publication")
    post_save.connect(_authorship_changed, sender=Authorship, dispatch_uid=f"{uid}.authorship.save")
    post_delete.connect(_authorship_changed, sender=Authorship, dispatch_uid=f"{uid}.authorship.delete")
    m2m_changed.connect(_areas_changed, sender=Publication.areas.through, dispatch_uid=f"{uid}.areas")
    m2m_changed.connect(_tags_changed, sender=TaggedItem, dispatch_uid=f"{uid}.tags")
    for model, lookup in ((Author, "authorships__author"), (ResearchArea, "areas"), (Tag, "tags")):
        name = model._meta.label_lower
        receiver = _filed_under_changed(lookup)
        post_save.connect(receiver, sender=model, weak=False, dispatch_uid=f"{uid}.{name}.save")
        pre_delete.connect(receiver, sender=model, weak=False, dispatch_uid=f"{uid}.{name}.delete")
