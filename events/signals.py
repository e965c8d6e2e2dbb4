"""After a commit that cancelled or moved a public, upcoming event: tell its registrants once."""

from django.db import transaction
from django.db.models.signals import post_save

from .models import Event


def _event_saved(sender, instance, created, raw=False, **kwargs):
    if raw or created or not getattr(instance, "_notify_sequence", None):
        return
    from .tasks import send_change_notices

    event_id, sequence = instance.pk, instance._notify_sequence
    instance._notify_sequence = None
    transaction.on_commit(lambda: send_change_notices.enqueue(event_id, sequence))


def connect() -> None:
    post_save.connect(_event_saved, sender=Event, dispatch_uid="events.change_notices")
