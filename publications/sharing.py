"""Preview links for outside reviewers: signed, expiring, no account needed.

A link carries the publication, the moment it expires and the publication's current
``share_key``, signed with the site's secret (``django.core.signing``), so nobody can make
one or stretch its life. Giving the publication a new key withdraws every link made so far.
Expiry is checked against ``timezone.now()``, which the tests' clock moves.
"""

import secrets
from datetime import UTC, datetime, timedelta

from django import forms
from django.contrib.admin.models import CHANGE, LogEntry
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from . import workflow
from .models import BodyImage, Publication

SALT = "publications.share-preview"
DAYS = [(1, "1 day"), (3, "3 days"), (7, "7 days"), (30, "30 days")]


class LinkError(Exception):
    status = 404
    title = "This preview link is not valid"
    explanation = (
        "The address may have been cut short or changed on the way. Ask whoever sent it for a new one."
    )


class LinkExpired(LinkError):
    status = 410
    title = "This preview link has expired"

    def __init__(self, expired_at: datetime):
        self.expired_at = expired_at
        when = workflow.moment(expired_at)
        self.explanation = f"It stopped working on {when}. Ask whoever sent it for a new one."
        super().__init__(self.title)


class LinkWithdrawn(LinkError):
    status = 410
    title = "This preview link has been withdrawn"
    explanation = "The publication's editors have withdrawn it. Ask whoever sent it for a new one."


class ShareForm(forms.Form):
    days = forms.TypedChoiceField(
        choices=DAYS,
        coerce=int,
        initial=7,
        label="Valid for",
        help_text="Anyone with the link can read the current text until then, without an account.",
    )


def _new_key() -> str:
    return secrets.token_urlsafe(16)


def make_token(publication: Publication, expires: datetime) -> str:
    if not publication.share_key:
        publication.share_key = _new_key()
        Publication.objects.filter(pk=publication.pk).update(share_key=publication.share_key)
    payload = {"p": publication.pk, "k": publication.share_key, "e": int(expires.timestamp())}
    return signing.dumps(payload, salt=SALT)


def make_link(publication: Publication, *, by, days: int) -> dict:
    """A path to the preview, valid for ``days``; the log records who made it and until when."""
    expires = timezone.now() + timedelta(days=days)
    token = make_token(publication, expires)
    until = workflow.moment(expires)
    LogEntry.objects.log_actions(
        user_id=by.pk,
        queryset=[publication],
        action_flag=CHANGE,
        change_message=f"Made a preview link for outside reviewers, valid until {until}.",
        single_object=True,
    )
    return {"path": reverse("publications:shared_preview", args=[token]), "expires": expires}


def revoke_links(publication: Publication, *, by) -> None:
    publication.share_key = _new_key()
    Publication.objects.filter(pk=publication.pk).update(share_key=publication.share_key)
    LogEntry.objects.log_actions(
        user_id=by.pk,
        queryset=[publication],
        action_flag=CHANGE,
        change_message="Withdrew every preview link made so far.",
        single_object=True,
    )


class _LinkStorage:
    """The publication's storage, with addresses that go through the preview link.

    Files of unpublished work are not served to the public at their ordinary address (see
    website/uploads.py), so the shared page points its hero image, renditions and PDF at a route
    that checks the same token instead."""

    def __init__(self, storage, token: str):
        self._storage, self._token = storage, token

    def url(self, name: str) -> str:
        return reverse("publications:shared_file", args=[self._token, name])

    def __getattr__(self, attribute):
        return getattr(self._storage, attribute)


def link_url(token: str):
    """A stored file's address through the preview link (for the body's images)."""
    return lambda name: reverse("publications:shared_file", args=[token, name])


def route_files_through_link(publication: Publication, token: str) -> None:
    for field_file in (publication.hero_image, publication.pdf):
        if field_file:
            field_file.storage = _LinkStorage(field_file.storage, token)


def files_of(publication: Publication) -> set[str]:
    """The stored names a preview link may fetch: the hero, its renditions, the PDF and the body's
    library images with their copies and data."""
    names = {field_file.name for field_file in (publication.hero_image, publication.pdf) if field_file}
    names |= {copy["name"] for copy in (publication.hero_renditions or {}).get("sizes", [])}
    for image in BodyImage.objects.filter(uses__publication=publication):
        names |= {image.image.name, image.data_file.name} - {""}
        names |= {copy["name"] for copy in (image.renditions or {}).get("sizes", [])}
    return names


def read_token(token: str) -> Publication:
    """The publication a link is for, or a ``LinkError`` saying why the link does not work."""
    try:
        payload = signing.loads(token, salt=SALT)
        pk, key, expires = payload["p"], payload["k"], payload["e"]
        expires_at = datetime.fromtimestamp(int(expires), tz=UTC)
    except (signing.BadSignature, KeyError, TypeError, ValueError, OverflowError):
        raise LinkError from None
    if timezone.now() >= expires_at:
        raise LinkExpired(expires_at)
    publication = Publication.objects.filter(pk=pk).first()
    if publication is None or not key or publication.share_key != key:
        raise LinkWithdrawn
    return publication
