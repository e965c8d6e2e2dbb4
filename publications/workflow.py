"""The editorial workflow: draft → in review → published (or scheduled), and back to draft.

Each step is a small service taking the publication and the user doing it. It checks the
user may, changes the publication, keeps a revision and writes the admin log entry that the
audit trail reads. Who may change *which* publication is decided here too (``owns``,
``may_edit``), so the admin and anything else ask the same questions; who may see which is
``Publication.objects.visible_to(user)``.

Going live needs no job: a scheduled publication is ``published`` with a future date, and
``Publication.objects.published()`` starts showing it when that date comes.
"""

from dataclasses import dataclass

import reversion
from django.contrib.admin.models import CHANGE, LogEntry
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils import formats, timezone

from . import body
from .models import PUBLISH, WRITE, Publication, owned_by

Status = Publication.Status


class WorkflowError(Exception):
    """The step does not apply to the publication as it is (say, publishing twice)."""


class ChecksFailed(WorkflowError):
    def __init__(self, problems: list["Problem"]):
        self.problems = problems
        super().__init__("; ".join(problem.message for problem in problems))


@dataclass(frozen=True)
class Problem:
    field: str
    message: str


# Who may do what -------------------------------------------------------------------------


def can_publish(user) -> bool:
    return user.has_perm(PUBLISH)


def owns(user, publication: Publication) -> bool:
    """The user started the publication or is on its byline (through their expert record)."""
    if publication.pk is None or publication.created_by_id == user.pk:
        return True
    return publication.authorships.filter(author__user=user).exists()


def unfinished_by(user) -> Q:
    """The user's own drafts and pieces in review."""
    return Q(owned_by(user), status__in=[Status.DRAFT, Status.IN_REVIEW])


def may_edit(user, publication: Publication) -> bool:
    """Editors edit everything; others their own work until it is published or scheduled."""
    if can_publish(user):
        return True
    return publication.status != Status.PUBLISHED and owns(user, publication)


def may_share(user, publication: Publication) -> bool:
    """Preview links for outside reviewers: editors for any publication, writers for their own."""
    return can_publish(user) or (user.has_perm(WRITE) and owns(user, publication))


def may_delete(user, publication: Publication) -> bool:
    if can_publish(user):
        return True
    return publication.status == Status.DRAFT and publication.published_at is None and owns(user, publication)


# Checks before publishing ------------------------------------------------------------------


def dangling_note_refs(rendered_html: str) -> list[str]:
    """Numbers of footnote references that have no note.

    ``body.render`` turns every reference with a matching note into a link; one it left as
    plain ``<sup>N</sup>`` has none. Its own pattern finds them, so the two cannot disagree."""
    return body._NOTE_REF.findall(rendered_html)


def problems(publication: Publication) -> list[Problem]:
    """What a reader would miss or trip over if this went out now, in the order of the form."""
    found = []
    if not publication.dek.strip():
        found.append(Problem("dek", "There is no dek (the one-line subtitle)."))
    if not publication.summary.strip():
        found.append(Problem("summary", "There is no summary."))
    dangling = sorted(set(dangling_note_refs(publication.body_html)), key=int)
    if dangling:
        numbers = ", ".join(dangling)
        found.append(
            Problem(
                "body",
                f"Footnote reference{'s' if len(dangling) > 1 else ''} {numbers} "
                f"{'have' if len(dangling) > 1 else 'has'} no note under the “Notes” heading.",
            )
        )
    authors = publication.ordered_authors() if publication.pk else []
    if not authors:
        found.append(Problem("authors", "No author is on the byline."))
    for author in authors:
        if not author.bio.strip():
            found.append(Problem("authors", f"{author.name} has no bio."))
        if author.photo and not author.photo_alt.strip():
            found.append(Problem("authors", f"The photo of {author.name} has no description (alt text)."))
    if publication.hero_image and not publication.hero_alt.strip():
        found.append(Problem("hero_alt", "The hero image has no description (alt text)."))
    if not publication.pk or not publication.areas.exists():
        found.append(Problem("areas", "No research area is chosen."))
    return found


# The steps -------------------------------------------------------------------------------


def moment(value) -> str:
    """A date and time as the workflow's messages show it: "Nov. 26, 2026, 14:05 EST" (ending in
    no full stop, so a sentence can end after it)."""
    return formats.date_format(timezone.localtime(value), "N j, Y, H:i T")


def _record(publication: Publication, *, by, message: str, fields: list[str]) -> str:
    """Save the changed ``fields`` with a revision and an admin log entry saying ``message``."""
    with transaction.atomic(), reversion.create_revision():
        publication.save(update_fields=fields)
        reversion.set_user(by)
        reversion.set_comment(message)
        LogEntry.objects.log_actions(
            user_id=by.pk,
            queryset=[publication],
            action_flag=CHANGE,
            change_message=message,
            single_object=True,
        )
    return message


def submit_for_review(publication: Publication, *, by) -> str:
    if not may_edit(by, publication):
        raise PermissionDenied
    if publication.status != Status.DRAFT:
        raise WorkflowError(
            f"Only a draft can be submitted; this is {publication.get_status_display().lower()}."
        )
    publication.status = Status.IN_REVIEW
    publication.submitted_by, publication.submitted_at = by, timezone.now()
    return _record(
        publication, by=by, message="Submitted for review.", fields=["status", "submitted_by", "submitted_at"]
    )


def publish(publication: Publication, *, by, at=None, reason: str = "") -> str:
    """Publish now, or at ``at`` when that is in the future (scheduling).

    Refused with ``ChecksFailed`` while checks fail, unless the editor gives a ``reason``,
    which is kept on the publication and in the log. Publishing now keeps a publication date
    already in the past (a re-publication keeps its original date)."""
    if not can_publish(by):
        raise PermissionDenied
    now = timezone.now()
    if at is None:
        if publication.is_published:
            raise WorkflowError("It is already live.")
        at = publication.published_at if publication.published_at and publication.published_at <= now else now
    elif at <= now:
        raise WorkflowError("To schedule, set a publication date in the future.")
    failed = problems(publication)
    reason = reason.strip()
    if failed and not reason:
        raise ChecksFailed(failed)
    publication.status = Status.PUBLISHED
    publication.published_at = at
    publication.published_by = by
    publication.checks_override = reason if failed else ""
    message = f"Scheduled to go live {moment(at)}." if at > now else "Published."
    if failed:
        message += (
            f" Published despite failed checks ({'; '.join(p.message for p in failed)}) because: {reason}"
        )
    return _record(
        publication,
        by=by,
        message=message,
        fields=["status", "published_at", "published_by", "checks_override"],
    )


def schedule(publication: Publication, *, by, reason: str = "") -> str:
    """Publish at the publication date already set on it, which must be in the future."""
    if not can_publish(by):
        raise PermissionDenied
    if publication.published_at is None:
        raise WorkflowError("To schedule, set a publication date in the future.")
    return publish(publication, by=by, at=publication.published_at, reason=reason)


def unpublish(publication: Publication, *, by) -> str:
    """Take it off the site (or cancel its schedule): back to draft, everywhere at once."""
    if not can_publish(by):
        raise PermissionDenied
    if publication.status != Status.PUBLISHED:
        raise WorkflowError("It is not published.")
    message = "Unpublished." if publication.is_published else "Schedule cancelled; back to draft."
    publication.status = Status.DRAFT
    return _record(publication, by=by, message=message, fields=["status"])


def return_to_draft(publication: Publication, *, by) -> str:
    """From review back to draft: an editor sends it back, or its author withdraws it."""
    if not may_edit(by, publication):
        raise PermissionDenied
    if publication.status != Status.IN_REVIEW:
        raise WorkflowError("Only a publication in review can go back to draft this way.")
    publication.status = Status.DRAFT
    message = (
        "Sent back to draft." if can_publish(by) and not owns(by, publication) else "Withdrawn from review."
    )
    return _record(publication, by=by, message=message, fields=["status"])


def set_featured(publication: Publication, *, by, featured: bool) -> str:
    if not can_publish(by):
        raise PermissionDenied
    publication.featured = featured
    message = "Featured on the home page." if featured else "No longer featured on the home page."
    return _record(publication, by=by, message=message, fields=["featured"])
