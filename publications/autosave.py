"""Autosave: each writer's private working copy of the publication form, kept every half
minute by admin-publication.js while they write, and offered back when they open the form
again. A working copy is never published and never shown to anyone but its writer; saving the
form (or any workflow step) replaces it with the publication itself."""

from django.conf import settings
from django.db import models
from django.db.models import Q

# The parts of the form a working copy keeps: the writing, not files or classification.
FIELDS = ("title", "slug", "dek", "summary", "body", "hero_alt", "hero_caption", "hero_credit")


class WorkingCopy(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # None: a publication not saved yet (one working copy per writer for those).
    publication = models.ForeignKey(
        "publications.Publication", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    data = models.JSONField(default=dict)
    saved_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "publication"], name="one_working_copy_per_writer"),
            models.UniqueConstraint(
                fields=["user"], condition=Q(publication__isnull=True), name="one_new_working_copy_per_writer"
            ),
        ]

    def __str__(self):
        return f"Working copy of {self.publication or 'a new publication'} by {self.user}"


def keep(*, user, publication, data) -> WorkingCopy:
    """Store what the form holds now as ``user``'s working copy of ``publication`` (None: new)."""
    # The request's size is bounded already (DATA_UPLOAD_MAX_MEMORY_SIZE); nothing is cut here,
    # so a restored body is never a shortened one.
    fields = {name: str(data.get(name, "")) for name in FIELDS if name in data}
    copy, _ = WorkingCopy.objects.update_or_create(
        user=user, publication=publication, defaults={"data": fields}
    )
    return copy


def to_restore(*, user, publication) -> WorkingCopy | None:
    """``user``'s working copy of ``publication``, if it is newer than the publication's last
    save and differs from it; one left behind by a later save is dropped."""
    copy = WorkingCopy.objects.filter(user=user, publication=publication).first()
    if copy is None:
        return None
    if publication is not None and (
        copy.saved_at <= publication.updated_at
        or all(str(getattr(publication, name) or "") == value for name, value in copy.data.items())
    ):
        copy.delete()
        return None
    return copy


def drop(*, user, publication) -> None:
    WorkingCopy.objects.filter(user=user, publication=publication).delete()
