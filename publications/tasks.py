"""Background work for publications, run by the task worker (django-tasks).

Hero image renditions are made here rather than in ``save()``: resizing a large image takes
seconds, and an editor's save should not wait for it. Until they exist, the page shows the
original image (``renditions.hero_attributes``).

So is the generated PDF of each published piece (pdf.py), once per transaction that changed it
or its byline, after it commits: the byline is saved after the publication, and the PDF shows
both. Until it exists, the PDF's address makes it on demand.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django_tasks import task

from authors.models import Author
from core import content_version
from core.transactions import AfterCommit

from . import pdf, renditions
from .models import Authorship, Publication


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


@task()
def make_pdf(publication_id: int) -> bool:
    """Make the generated PDF of a published (or scheduled) piece for its current version and
    delete the older ones. Safe to run twice: an existing version is left as it is. A piece with
    an uploaded PDF, which wins, keeps no generated one. Returns whether a PDF was made."""
    publication = pdf.source().filter(pk=publication_id, status=Publication.Status.PUBLISHED).first()
    if publication is None:
        return False
    if publication.pdf:
        pdf.prune(publication.pk)
        return False
    return pdf.ensure(publication)[1]


def _queue_pdfs(ids: set, using: str) -> None:
    published = Publication.objects.using(using).filter(pk__in=ids, status=Publication.Status.PUBLISHED)
    for pk in published.values_list("pk", flat=True):
        make_pdf.enqueue(pk)


_pdfs_outdated = AfterCommit(_queue_pdfs)
_on_demand: ContextVar[bool] = ContextVar("pdfs_on_demand", default=False)


@contextmanager
def pdfs_on_demand():
    """Saves inside the block queue no PDF: each is made by the first request for it. For bulk
    loads (load_demo), where tasks run at once in the same process (DEBUG) would make dozens in a
    row, half a minute, before the command returns."""
    token = _on_demand.set(True)
    try:
        yield
    finally:
        _on_demand.reset(token)


def _outdated(ids, using: str) -> None:
    if not _on_demand.get():
        _pdfs_outdated.add(*ids, using=using)


def _publication_saved(sender, instance, using, raw=False, **kwargs):
    if not raw:
        _outdated([instance.pk], using)


def _authorship_changed(sender, instance, using, raw=False, **kwargs):
    if not raw:
        _outdated([instance.publication_id], using)


def _author_saved(sender, instance, using, raw=False, created=False, **kwargs):
    """An expert's name, role and bio are in the PDFs of their work."""
    if not raw and not created and not _on_demand.get():
        bylined = (
            Authorship.objects.using(using).filter(author=instance).values_list("publication_id", flat=True)
        )
        _outdated(bylined, using)


def _publication_deleted(sender, instance, using, **kwargs):
    pk = instance.pk  # Django clears it once the delete is done
    transaction.on_commit(lambda: pdf.prune(pk), using=using)


def connect_signals() -> None:
    """A saved publication whose hero image changed gets its renditions queued; a published one
    whose PDF may have changed, a PDF; a deleted one loses its generated PDFs."""
    uid = "publications.tasks"
    post_save.connect(_queue_renditions, sender=Publication, dispatch_uid=f"{uid}.renditions")
    post_save.connect(_publication_saved, sender=Publication, dispatch_uid=f"{uid}.pdf.publication")
    post_save.connect(_authorship_changed, sender=Authorship, dispatch_uid=f"{uid}.pdf.authorship.save")
    post_delete.connect(_authorship_changed, sender=Authorship, dispatch_uid=f"{uid}.pdf.authorship.delete")
    post_save.connect(_author_saved, sender=Author, dispatch_uid=f"{uid}.pdf.author")
    post_delete.connect(_publication_deleted, sender=Publication, dispatch_uid=f"{uid}.pdf.delete")
