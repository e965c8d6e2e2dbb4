"""Background work for publications, run by the task worker (django-tasks).

Hero image renditions are made here rather than in ``save()``: resizing a large image takes
seconds, and an editor's save should not wait for it. Until they exist, the page shows the
original image (``renditions.hero_attributes``).
"""

from django.db import transaction
from django.db.models.signals import post_save
from django_tasks import task

from core import content_version

from . import renditions
from .models import Publication


@task()
def make_hero_renditions(publication_id: int) -> bool:
    """Make (or drop) the resized copies of a publication's hero image. Safe to run twice: it
    does nothing when the copies already match the image. Returns whether anything changed."""
    with transaction.atomic():
        publication = (
            Publication.objects.select_for_update()
            .only("pk", "hero_image", "hero_renditions")
            .filter(pk=publication_id)
            .first()
        )
        if publication is None or not renditions.sync_renditions(publication):
            return False
        # update(), not save(): only this field changes, and nothing else a save does is needed.
        Publication.objects.filter(pk=publication.pk).update(hero_renditions=publication.hero_renditions)
        content_version.bump()
    return True


def _queue_renditions(sender, instance, raw=False, **kwargs):
    # Queued with the save: with the database queue it is stored in the same transaction, and
    # the worker makes the copies from the file now in storage.
    if not raw and renditions.outdated(instance):
        make_hero_renditions.enqueue(instance.pk)


def connect_signals() -> None:
    """A saved publication whose hero image changed gets its renditions queued."""
    post_save.connect(_queue_renditions, sender=Publication, dispatch_uid="publications.tasks.renditions")
