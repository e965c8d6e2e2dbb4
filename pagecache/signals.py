"""What each edit purges at the edge (purging.py says how).

- A publication saved, deleted, or its byline, areas, regions, tags or hand-picked related
  items changed: purged if it is public now or was when it was loaded (a draft's edits show
  nowhere); one scheduled for later is purged at its moment.
- An expert, research area, region, series, publication type, tag, newsletter or media library
  image saved or deleted: its own key (every page showing it) and ``all-<model>`` (the pages
  listing every one of them). A region also purges the regions it now lies in: their pages take
  in its work (the pages of those it lay in until now loaded it, so carry its key).
- An editable page or a menu item the same; a page also purges the pages below it, whose
  addresses and visibility follow it (a menu leading to one of them carries its key).
- An event saved or deleted, its speakers or its areas, regions or related publications
  changed: its key and ``all-event`` (the lists, calendars, feeds and the pages of experts,
  areas, regions and series that list events), if it is public now or was when loaded. An event
  type: as the other shown objects.
- A deploy (``migrate``): everything.
"""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_init, post_migrate, post_save
from taggit.models import Tag

from authors.models import Author
from core.surrogates import all_key, key_for
from events.models import Event, EventType, Speaker
from publications.models import Authorship, BodyImage, Publication, PublicationType
from regions.models import Region
from research_areas.models import ResearchArea
from series.models import Series
from subscriptions.models import Newsletter

from . import purging

SHOWN_ON_PAGES = (
    Author,
    ResearchArea,
    Region,
    Series,
    PublicationType,
    Tag,
    Newsletter,
    EventType,
    BodyImage,
)
# Models of apps beside this one, named rather than imported (apps on one layer stay apart).
SHOWN_ON_PAGES_BESIDE = ("website.Page", "website.MenuItem")
STATE_FIELDS = {"status", "published_at"}


def _remember_state(sender, instance, **kwargs):
    """Whether it was public as loaded, read only from fields the query loaded (a deferred
    field would cost a query per instance)."""
    loaded = STATE_FIELDS.isdisjoint(instance.get_deferred_fields())
    instance._was_public = loaded and instance.is_published


def _publication_changed(publication, using) -> None:
    was_public = getattr(publication, "_was_public", False)
    if was_public or publication.is_published:
        purging.purge_publication(publication.pk, using=using)
    if publication.is_scheduled:
        purging.purge_when_live(publication.pk, using=using)


def _publication_saved(sender, instance, using, raw=False, **kwargs):
    if raw:
        return
    _publication_changed(instance, using)
    instance._was_public = instance.is_published


def _publication_deleted(sender, instance, using, **kwargs):
    if getattr(instance, "_was_public", False):
        # Its relations are gone with it: the pages that showed it carry its own key.
        purging.purge(key_for(instance), all_key(Publication), using=using)


def _byline_changed(sender, instance, using, raw=False, **kwargs):
    if raw:
        return
    publication = Publication.objects.using(using).filter(pk=instance.publication_id).first()
    if publication is not None:
        _publication_changed(publication, using)
        if publication.is_published:
            # An expert taken off the byline: their page listed it.
            purging.purge(key_for(instance.author), using=using)


def _relations_changed(sender, instance, action, reverse, model, pk_set, using, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if isinstance(instance, Publication):
        _publication_changed(instance, using)
        if instance.is_published:
            # Areas, tags or picks taken off: their pages listed it.
            purging.purge(*(f"{model._meta.model_name}-{pk}" for pk in pk_set or ()), using=using)
    elif pk_set:
        # From the other side (an area's publications changed): each publication named.
        for publication in Publication.objects.using(using).filter(pk__in=pk_set):
            _publication_changed(publication, using)


def _shown_object_changed(sender, instance, using, raw=False, **kwargs):
    if not raw:
        purging.purge(key_for(instance), all_key(sender), using=using)


def _region_changed(sender, instance, using, raw=False, **kwargs):
    """A region's page lists the work of the regions inside it: one moved into a region changes
    the pages of the regions it now lies in."""
    if not raw and instance.parent_id is not None:
        above = Region.objects.using(using).lineage(instance).exclude(pk__in=Region.objects.within(instance))
        purging.purge(*(key_for(region) for region in above.only("pk")), using=using)


def _page_changed(sender, instance, using, raw=False, **kwargs):
    """The pages below a page take their addresses and visibility from it."""
    if not raw:
        below = sender.objects.using(using).filter(path__startswith=f"{instance.path}/").only("pk")
        if keys := [key_for(page) for page in below]:
            purging.purge(*keys, using=using)


def _event_changed(sender, instance, using, raw=False, **kwargs):
    if raw:
        return
    event = instance.event if isinstance(instance, Speaker) else instance
    if getattr(event, "_was_public", False) or event.is_published:
        purging.purge(key_for(event), all_key(Event), using=using)
    if sender is Event:
        event._was_public = event.is_published


def _event_relations_changed(sender, instance, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"} and isinstance(instance, Event):
        _event_changed(Event, instance, kwargs["using"])


def _migrated(sender, using, **kwargs):
    purging.purge_everything(using=using)


def connect(*, migrations_of) -> None:
    post_init.connect(_remember_state, sender=Publication, dispatch_uid="pagecache.state")
    post_save.connect(_publication_saved, sender=Publication, dispatch_uid="pagecache.publication")
    post_delete.connect(_publication_deleted, sender=Publication, dispatch_uid="pagecache.deleted")
    for name, signal in (("saved", post_save), ("deleted", post_delete)):
        signal.connect(_byline_changed, sender=Authorship, dispatch_uid=f"pagecache.byline.{name}")
        for model in (*SHOWN_ON_PAGES, *map(apps.get_model, SHOWN_ON_PAGES_BESIDE)):
            uid = f"pagecache.shown.{model._meta.label_lower}.{name}"
            signal.connect(_shown_object_changed, sender=model, dispatch_uid=uid)
    post_save.connect(_page_changed, sender="website.Page", dispatch_uid="pagecache.page.below")
    post_save.connect(_region_changed, sender=Region, dispatch_uid="pagecache.region.above")
    for field in ("areas", "regions", "related"):
        m2m_changed.connect(
            _relations_changed,
            sender=Publication._meta.get_field(field).remote_field.through,
            dispatch_uid=f"pagecache.m2m.{field}",
        )
    m2m_changed.connect(_tags_changed, dispatch_uid="pagecache.m2m.tags")
    post_init.connect(_remember_state, sender=Event, dispatch_uid="pagecache.event.state")
    for model in (Event, Speaker):
        for name, signal in (("saved", post_save), ("deleted", post_delete)):
            signal.connect(
                _event_changed, sender=model, dispatch_uid=f"pagecache.{model._meta.model_name}.{name}"
            )
    for field in ("areas", "regions", "related_publications"):
        m2m_changed.connect(
            _event_relations_changed,
            sender=Event._meta.get_field(field).remote_field.through,
            dispatch_uid=f"pagecache.event.m2m.{field}",
        )
    post_migrate.connect(_migrated, sender=migrations_of, dispatch_uid="pagecache.migrated")


def _tags_changed(sender, instance, action, **kwargs):
    """django-taggit sends ``m2m_changed`` from its own tagged-item model."""
    if sender is Publication.tags.through:
        _relations_changed(sender, instance, action, **kwargs)
