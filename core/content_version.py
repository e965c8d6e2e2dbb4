"""The content version: one token that changes whenever anything a public page shows changes.

The page cache (``pagecache/middleware.py``) keys every page by this token, so one change to a
publication, its byline, an expert, a research area, a series, a type, a tag or a newsletter
makes every page fresh at once, with no bookkeeping of which page shows what. Pages are cheap
to render again; a page shown stale is not.

The token is one row in the database, not a cache entry, so every web process sees a change
at the same moment whatever the cache backend (each gunicorn process has its own local-memory
cache). It changes right after the transaction that made the change commits: a page rendered
before the commit is stored under the old token and never served again.

Signals do the bumping (``connect_signals``). Writes that skip them (``QuerySet.update()``,
``bulk_create``, raw SQL) call ``bump()`` themselves; pages they made stale are otherwise
replaced within ``PAGE_CACHE_SECONDS``. ``manage.py migrate`` bumps too, so a deploy never
serves pages rendered by the code it replaced.

A process reads the token again at most every ``CONTENT_VERSION_RECHECK_SECONDS`` (a setting,
1 by default; 0 reads it on every request): a page-cache hit then costs no query at all, and an
edit reaches the other processes' caches within that second (the process that made it sees it at
once). Browsers already keep public pages for ``PUBLIC_CACHE_MAX_AGE``.

Scheduled publications change what pages show with no write at all: ``next_going_live()``
says when the next one appears, and the page cache keeps nothing past that moment.
"""

import logging
import secrets
import time
from datetime import UTC, datetime

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, DatabaseError, IntegrityError, connections, transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils import timezone

from .transactions import AfterCommit

VERSION_ROW = 1

logger = logging.getLogger("redcell.security")
# The token this process last read, for answering from the cache while the database is down.
_last_seen: str | None = None
# The token this process read, and when (time.monotonic()), by database alias.
_recent: dict[str, tuple[str, float]] = {}


# Models whose changes show on public pages, by label: each app names its own (``track``).
_tracked: set[str] = set()


def track(*models) -> None:
    """Declare that ``models`` show on public pages: saving or deleting one, or changing one of
    its many-to-many relations, gives the site a new content version. Apps call it from their
    ``ready()``, so this module needs to know none of them."""
    _tracked.update(model._meta.label_lower for model in models)


# Other moments pages change with no write (an event starting or ending), from apps' ready().
_schedules: list = []


def schedule(source) -> None:
    """Declare ``source``, a callable answering the next moment (or None) at which public pages
    change by the clock alone; the page cache keeps nothing past the earliest of them."""
    if source not in _schedules:
        _schedules.append(source)


def shows_on_pages(model) -> bool:
    meta = model._meta
    if meta.auto_created:  # the table of a many-to-many relation: as its model
        meta = meta.auto_created._meta
    return meta.label_lower in _tracked


def _write_new_version(items: set, using: str) -> None:
    model = apps.get_model("core", "ContentVersion")
    values = {"token": secrets.token_hex(16), "changed_at": timezone.now()}
    if not model.objects.using(using).filter(pk=VERSION_ROW).update(**values):
        try:
            with transaction.atomic(using=using):
                model.objects.using(using).create(pk=VERSION_ROW, **values)
        except IntegrityError:  # another process made the row just now
            model.objects.using(using).filter(pk=VERSION_ROW).update(**values)
    _recent[using] = (values["token"], time.monotonic())


_new_version = AfterCommit(_write_new_version)


def bump(using: str = DEFAULT_DB_ALIAS) -> None:
    """Give the site a new content version once the current transaction commits (at once
    outside a transaction). Many calls in one transaction make one write."""
    _new_version.add("content", using=using)


def current(using: str = DEFAULT_DB_ALIAS) -> str:
    """The content version now: one primary-key read, written in plain SQL to spare the ORM's
    overhead, or none when this process read it less than ``CONTENT_VERSION_RECHECK_SECONDS``
    ago."""
    global _last_seen
    recheck = getattr(settings, "CONTENT_VERSION_RECHECK_SECONDS", 1)
    recent = _recent.get(using)
    if recheck > 0 and recent is not None and time.monotonic() - recent[1] < recheck:
        return recent[0]
    model = apps.get_model("core", "ContentVersion")
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT token FROM {model._meta.db_table} WHERE id = %s", [VERSION_ROW])
        row = cursor.fetchone()
    token = row[0] if row else None
    if token is None:
        # A new database. A random first token, so a database emptied and filled again (as
        # tests do) never meets pages cached for its earlier content.
        token = secrets.token_hex(16)
        try:
            with transaction.atomic(using=using):
                model.objects.using(using).create(pk=VERSION_ROW, token=token, changed_at=timezone.now())
        except IntegrityError:
            token = model.objects.using(using).values_list("token", flat=True).get(pk=VERSION_ROW)
    _last_seen = token
    _recent[using] = (token, time.monotonic())
    return token


def current_or_last_seen(using: str = DEFAULT_DB_ALIAS) -> str | None:
    """``current()``, or while the database does not answer, the version this process saw
    last (None if it never saw one), so cached pages can still be served."""
    try:
        return current(using)
    except DatabaseError:
        return _last_seen


def next_going_live(version: str) -> datetime | None:
    """When the next scheduled publication appears (None if none is scheduled). Looked up
    once per content version, and again each time that moment passes."""
    key = f"redcell:next-live:{version}"
    now = timezone.now()
    stored = get_cached(key)
    if stored is not None and (stored == 0 or stored > now.timestamp()):
        return datetime.fromtimestamp(stored, tz=UTC) if stored else None
    publication = apps.get_model("publications", "Publication")
    moments = [publication.objects.next_going_live(), *(source() for source in _schedules)]
    moment = min((moment for moment in moments if moment is not None), default=None)
    set_cached(key, moment.timestamp() if moment else 0, timeout=None if moment is None else 24 * 3600)
    return moment


def of_request(request) -> str | None:
    """The version a page is made under: read once per request (the page cache reads it first),
    or None inside a transaction (a test's own), whose changes it does not reflect yet, and while
    the database does not answer a process that never read it."""
    if connections[DEFAULT_DB_ALIAS].in_atomic_block:
        return None
    version = getattr(request, "content_version", None)
    if version is None:
        version = request.content_version = current_or_last_seen()
    return version


KEPT_SECONDS = 600


def kept(request, name: str, read, until=None):
    """``read()``, kept in the cache under the version of ``request``'s page (``KEPT_SECONDS``
    at most): for what every page shows and only an edit changes, such as the menus and the
    newsletters the sign-up form lists. ``until(value)``, if given, is the moment (a timestamp,
    or None) a value stops being good under the same version: a menu leading to a page
    scheduled for later. Read afresh when there is no version (``of_request``)."""
    version = of_request(request) if request is not None else None
    if version is None:
        return read()
    key = f"redcell:kept:{version}:{name}"
    now = timezone.now().timestamp()
    value = get_cached(key)
    moment = until(value) if until is not None and value is not None else None
    if value is not None and (moment is None or moment > now):
        return value
    value = read()
    moment = until(value) if until is not None else None
    lifetime = KEPT_SECONDS if moment is None else min(KEPT_SECONDS, int(moment - now))
    if lifetime > 0:
        set_cached(key, value, timeout=lifetime)
    return value


def get_cached(key: str):
    """``cache.get(key)``, or None when the cache backend fails: a page is then rendered afresh
    rather than failed, whatever cache an operator configured."""
    try:
        return cache.get(key)
    except Exception as error:
        logger.error("event=cache_error operation=get error=%s", type(error).__name__)
        return None


def set_cached(key: str, value, timeout) -> None:
    """``cache.set()``, skipped (and logged) when the cache backend fails."""
    try:
        cache.set(key, value, timeout=timeout)
    except Exception as error:
        logger.error("event=cache_error operation=set error=%s", type(error).__name__)


# Signals ------------------------------------------------------------------------------------


def _saved_or_deleted(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    if shows_on_pages(sender):
        bump(using)


def _m2m_changed(sender, action, using=DEFAULT_DB_ALIAS, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"} and shows_on_pages(sender):
        bump(using)


def _migrated(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    # New code may render pages differently: start from a new version after every deploy.
    bump(using)


def connect_signals(app_config) -> None:
    post_save.connect(_saved_or_deleted, dispatch_uid="core.content_version.saved")
    post_delete.connect(_saved_or_deleted, dispatch_uid="core.content_version.deleted")
    m2m_changed.connect(_m2m_changed, dispatch_uid="core.content_version.m2m")
    post_migrate.connect(_migrated, sender=app_config, dispatch_uid="core.content_version.migrated")
