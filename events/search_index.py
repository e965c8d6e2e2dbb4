"""What an event is found by on Postgres: its stored, weighted search vector, kept current.

Title weighs most (A), then dek and summary (B), then the description (C), then the names of
its speakers and moderator, experts or guests (D), as publications weigh theirs
(``publications.fulltext.vectors``). Other databases search the same fields as text
(``events.search``).

A save of an event or of one of its speakers, and renaming an expert who speaks, marks the
events concerned; they are re-indexed once per transaction, after it commits (as publications
are). Unpublishing needs nothing here: the search reads only ``Event.objects.published()``.
``QuerySet.update`` and ``bulk_create`` send no signals: code using them calls
``update_search_vectors`` itself.
"""

from django.contrib.postgres.search import SearchVector
from django.db.models import TextField, Value
from django.db.models.functions import Coalesce, Concat
from django.db.models.signals import post_delete, post_save

from core.transactions import AfterCommit
from publications.fulltext.vectors import CONFIG, indexed, linked_names, on_postgres


def search_vector(model) -> SearchVector:
    """The weighted vector of an event of ``model`` (a historical model in a migration too)."""
    speakers = model._meta.get_field("speakers").related_model.objects.all()
    # An expert's slug spells the name in plain letters, so "Orsted" finds "Ørsted".
    name = Concat(
        Coalesce("author__name", Value("")),
        Value(" "),
        Coalesce("author__slug", Value("")),
        Value(" "),
        "name",
        output_field=TextField(),
    )
    return (
        SearchVector("title", weight="A", config=CONFIG)
        + SearchVector("dek", "summary", weight="B", config=CONFIG)
        + SearchVector("description", weight="C", config=CONFIG)
        + SearchVector(linked_names(speakers, "event", name), weight="D", config=CONFIG)
    )


def update_search_vectors(queryset) -> int:
    """Rebuild the vector (and snippet text) of every event in ``queryset`` in one UPDATE
    (``updated_at`` is left alone: re-indexing is not an edit). Does nothing off Postgres."""
    if not on_postgres(queryset.db):
        return 0
    return queryset.update(**indexed(queryset.model, search_vector(queryset.model), "description"))


def _rebuild(ids: set, using: str) -> None:
    from .models import Event

    update_search_vectors(Event.objects.using(using).filter(pk__in=ids))


_stale = AfterCommit(_rebuild)


def mark_stale(ids, using: str) -> None:
    """Re-index the events ``ids`` once the current transaction commits (at once outside one)."""
    ids = [pk for pk in ids if pk is not None]
    if ids:
        _stale.add(*ids, using=using)


def _event_saved(sender, instance, using, raw=False, **kwargs):
    if not raw:
        mark_stale([instance.pk], using)


def _speaker_changed(sender, instance, using, raw=False, **kwargs):
    if not raw:
        mark_stale([instance.event_id], using)


def _expert_renamed(sender, instance, using, raw=False, created=False, **kwargs):
    if not raw and not created:
        from .models import Speaker

        speaking = Speaker.objects.using(using).filter(author=instance).values_list("event_id", flat=True)
        mark_stale(set(speaking), using)


def connect() -> None:
    """Called once from ``EventsConfig.ready``."""
    from authors.models import Author

    from .models import Event, Speaker

    uid = "events.search"
    post_save.connect(_event_saved, sender=Event, dispatch_uid=f"{uid}.event")
    post_save.connect(_speaker_changed, sender=Speaker, dispatch_uid=f"{uid}.speaker.save")
    post_delete.connect(_speaker_changed, sender=Speaker, dispatch_uid=f"{uid}.speaker.delete")
    post_save.connect(_expert_renamed, sender=Author, dispatch_uid=f"{uid}.author")
