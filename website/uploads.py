"""Uploads served by Django (``SERVE_MEDIA``), with the embargo applied.

A file is served only when something public owns it: an expert's photo, a series logo, or the
hero image (and its resized copies) or PDF of a publication that ``published()`` shows. A file
of a draft, of a publication in review or scheduled for later, or one nothing points at any
more, answers 404 to the public exactly as a missing file does, so guessing ``/media/``
addresses reveals nothing. Staff see the files of what they may see in the admin
(``Publication.objects.visible_to``): an author their own drafts, an editor everything.

The owner is found by asking every model with a file field whether it holds this path, so new
upload fields are covered without a change here. A model that keeps further copies of a file in
a JSON field (``Publication.hero_renditions``) says so in its ``DERIVED_FILES`` attribute.

With uploads on object storage (``AWS_STORAGE_BUCKET_NAME``) Django does not serve them: the
bucket must then be private (``AWS_QUERYSTRING_AUTH=1``, signed expiring links, which only the
pages that show a file make), or the embargo does not hold. See README, "Security".
"""

import mimetypes
import posixpath

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import models
from django.http import FileResponse, Http404
from django.views.decorators.http import require_safe
from django.views.static import serve

from core import surrogates

# How long browsers and CDNs may keep a public file. Short, because unpublishing a piece makes
# its files private again; the addresses of new uploads are new, so they need no busting.
PUBLIC_MAX_AGE = 600


def _file_fields():
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.FileField):
                yield model, field


def _visible(instance, user) -> bool:
    """Whether ``user`` may see ``instance``: a publication as ``visible_to`` (for anonymous
    visitors, ``published()``) says; the other owners (experts, series) are always public."""
    queryset = type(instance)._default_manager.all()
    if hasattr(queryset, "visible_to"):
        queryset = queryset.visible_to(user)
    elif hasattr(queryset, "published"):
        queryset = queryset.published()
    else:
        return True
    return queryset.filter(pk=instance.pk).exists()


def owners(path: str) -> list:
    """Every saved object that holds ``path`` in a file field or among its derived copies."""
    found = []
    for model, field in _file_fields():
        found += model._default_manager.filter(**{field.name: path})
    if found:
        return found
    # Copies sit in a folder beside their source, so only sources in the parent folder qualify.
    directory = posixpath.dirname(posixpath.dirname(path))
    if not directory:
        return found
    for model in apps.get_models():
        # A model keeping resized copies of a file in a JSON field names both (``DERIVED_FILES``:
        # JSON field -> source file field); the JSON lists them under "sizes", each with its "name".
        for json_field, source_field in getattr(model, "DERIVED_FILES", {}).items():
            candidates = model._default_manager.filter(**{f"{source_field}__startswith": f"{directory}/"})
            for instance in candidates.only("pk", json_field, source_field):
                copies = (getattr(instance, json_field) or {}).get("sizes", [])
                if any(copy.get("name") == path for copy in copies):
                    found.append(instance)
    return found


@require_safe
def media(request, path):
    path = posixpath.normpath(path).lstrip("/")
    found = [] if path.startswith("..") or "\x00" in path else owners(path)
    public = any(_visible(owner, AnonymousUser()) for owner in found)
    if not (public or any(_visible(owner, request.user) for owner in found)):
        raise Http404("No such file.")
    storage = default_storage
    if isinstance(storage, FileSystemStorage):
        response = serve(request, path, document_root=settings.MEDIA_ROOT)
    else:
        if not storage.exists(path):
            raise Http404("No such file.")
        content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
        response = FileResponse(storage.open(path, "rb"), content_type=content_type)
    # An embargoed file shown to staff must not land in a shared cache on the way. A public one
    # is named by its owners' keys, so unpublishing a piece purges its files at the edge too.
    response["Cache-Control"] = f"public, max-age={PUBLIC_MAX_AGE}" if public else "private, no-store"
    if public:
        response.surrogate_keys = sorted(surrogates.key_for(owner) for owner in found)
    return response
