"""The editorial workflow: draft → in review → published (or scheduled), and back to draft.

Each step is a small service taking the publication and the user doing it. It checks the
user may, changes the publication, keeps a revision and writes the admin log entry that the
audit trail reads. Which step applies where, who may take it and how its button reads is
one table, ``TRANSITIONS``: the admin renders its buttons from it (``available_actions``) and
the steps refuse what it does not allow, so the buttons and the rules cannot drift apart.
Who may change *which* publication is decided here too (``owns``, ``may_edit``), so the admin
and anything else ask the same questions; who may see which is
``Publication.objects.visible_to(user)``.

Going live needs no job: a scheduled publication is ``published`` with a future date, and
``Publication.objects.published()`` starts showing it when that date comes.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

import reversion
from django.contrib.admin.models import CHANGE, LogEntry
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import Q
from django.utils import formats, timezone

from .checks import Problem, problems
from .models import PUBLISH, WRITE, Publication, owned_by

Status = Publication.Status


class WorkflowError(Exception):
    """The step does not apply to the publication as it is (say, publishing twice)."""


class ChecksFailed(WorkflowError):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(problem.message for problem in problems))


# Where a publication is ------------------------------------------------------------------


class Stage(models.TextChoices):
    """Where a publication stands, as staff name it: the status, with "published" split by
    whether its date has come."""

    DRAFT = "draft", "Draft"
    IN_REVIEW = "review", "Waiting for review"
    SCHEDULED = "scheduled", "Scheduled"
    LIVE = "live", "Live"


def stage_of(publication: Publication) -> Stage:
    if publication.status == Status.DRAFT:
        return Stage.DRAFT
    if publication.status == Status.IN_REVIEW:
        return Stage.IN_REVIEW
    return Stage.SCHEDULED if publication.is_scheduled else Stage.LIVE


def in_stage(stage: Stage) -> Q:
    """The publications in ``stage``, as a condition."""
    now = timezone.now()
    return {
        Stage.DRAFT: Q(status=Status.DRAFT),
        Stage.IN_REVIEW: Q(status=Status.IN_REVIEW),
        Stage.SCHEDULED: Q(status=Status.PUBLISHED, published_at__gt=now),
        Stage.LIVE: Q(status=Status.PUBLISHED, published_at__lte=now),
    }[stage]


# The fields that hold a publication's place in the workflow, which only the steps (and the
# editors' own form fields) change: kept as stored when an author saves the form, and as they
# are now when an editor restores an old version's content.
PLACE_FIELDS = [
    "status",
    "published_at",
    "featured",
    "created_by_id",
    "submitted_by_id",
    "submitted_at",
    "published_by_id",
    "checks_override",
    "share_key",
]


def place_of(publication: Publication) -> dict:
    return {name: getattr(publication, name) for name in PLACE_FIELDS}


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


def may_publish(user, publication: Publication) -> bool:
    """Publishing steps are the editors', on any publication."""
    return can_publish(user)


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


# The steps -------------------------------------------------------------------------------


def moment(value) -> str:
    """A date and time as the workflow's messages show it: "Nov. 26, 2026, 14:05 EST" (ending in
    no full stop, so a sentence can end after it)."""
    return formats.date_format(timezone.localtime(value), "N j, Y, H:i T")


def who(user) -> str:
    """A member of staff as the workflow's pages name them."""
    if user is None:
        return "someone no longer on staff"
    return user.get_full_name() or user.get_username()


def _check(action: str, publication: Publication, *, by) -> None:
    """Refuse the step unless the transition table allows it: who may first, then from where."""
    transition = TRANSITIONS[action]
    if not transition.allowed(by, publication):
        raise PermissionDenied
    if stage_of(publication) not in transition.sources:
        raise WorkflowError(transition.refusal.format(status=publication.get_status_display().lower()))


def _record(publication: Publication, *, by, message: str, fields: list[str]) -> str:
    """Save the changed ``fields`` with a revision and an admin log entry saying ``message``.

    Inside a larger revision (the admin's save) the step joins it, and its comment becomes
    the revision's; whoever made that revision adds what else it holds."""
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
    _check("_submit", publication, by=by)
    publication.status = Status.IN_REVIEW
    publication.submitted_by, publication.submitted_at = by, timezone.now()
    return _record(
        publication, by=by, message="Submitted for review.", fields=["status", "submitted_by", "submitted_at"]
    )


def publish(publication: Publication, *, by, reason: str = "") -> str:
    """Publish now. A publication date already in the past is kept (a re-publication keeps its
    original date); one in the future is brought forward to now.

    Refused with ``ChecksFailed`` while checks fail, unless the editor gives a ``reason``,
    which is kept on the publication and in the log."""
    _check("_publish", publication, by=by)
    now = timezone.now()
    at = publication.published_at if publication.published_at and publication.published_at <= now else now
    return _go_live(publication, by=by, at=at, reason=reason)


def schedule(publication: Publication, *, by, reason: str = "") -> str:
    """Publish at the publication date already set on it, which must be in the future; checked
    as ``publish`` is."""
    _check("_schedule", publication, by=by)
    if publication.published_at is None or publication.published_at <= timezone.now():
        raise WorkflowError("To schedule, set a publication date in the future.")
    return _go_live(publication, by=by, at=publication.published_at, reason=reason)


def _go_live(publication: Publication, *, by, at, reason: str) -> str:
    failed = problems(publication)
    reason = reason.strip()
    if failed and not reason:
        raise ChecksFailed(failed)
    publication.status = Status.PUBLISHED
    publication.published_at = at
    publication.published_by = by
    publication.checks_override = reason if failed else ""
    message = f"Scheduled to go live {moment(at)}." if at > timezone.now() else "Published."
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


def unpublish(publication: Publication, *, by) -> str:
    """Take it off the site (or cancel its schedule): back to draft, everywhere at once."""
    _check("_unpublish", publication, by=by)
    message = "Unpublished." if publication.is_published else "Schedule cancelled; back to draft."
    publication.status = Status.DRAFT
    return _record(publication, by=by, message=message, fields=["status"])


def return_to_draft(publication: Publication, *, by) -> str:
    """From review back to draft: an editor sends it back, or its author withdraws it."""
    _check("_return_to_draft", publication, by=by)
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


# The transition table ----------------------------------------------------------------------


class Style(StrEnum):
    """How a step's button looks: going live, an ordinary step, or taking work off the site."""

    PRIMARY = "primary"
    SECONDARY = "secondary"
    DANGER = "danger"


@dataclass(frozen=True)
class Button:
    action: str
    label: str
    style: Style


@dataclass(frozen=True)
class Transition:
    """One step: where it applies, who may take it, its button, and the service doing it.

    ``label_in`` words the button differently in some stages; ``owner_label`` is shown instead
    to the publication's own author (or its starter). ``refusal`` is the error when the step is
    asked for in a stage it does not apply to (``{status}`` names the current status)."""

    action: str
    sources: frozenset[Stage]
    allowed: Callable[..., bool]
    label: str
    style: Style
    step: Callable[..., str]
    refusal: str
    label_in: Mapping[Stage, str] = field(default_factory=dict)
    owner_label: str = ""
    takes_reason: bool = False

    def button(self, user, publication: Publication) -> Button:
        if self.owner_label and owns(user, publication):
            return Button(self.action, self.owner_label, self.style)
        return Button(self.action, self.label_in.get(stage_of(publication), self.label), self.style)


_BEFORE_LIVE = frozenset({Stage.DRAFT, Stage.IN_REVIEW, Stage.SCHEDULED})

# In the order the buttons stand beside Save.
TRANSITIONS: dict[str, Transition] = {
    transition.action: transition
    for transition in [
        Transition(
            action="_submit",
            sources=frozenset({Stage.DRAFT}),
            allowed=may_edit,
            label="Submit for review",
            style=Style.SECONDARY,
            step=submit_for_review,
            refusal="Only a draft can be submitted; this is {status}.",
        ),
        Transition(
            action="_return_to_draft",
            sources=frozenset({Stage.IN_REVIEW}),
            allowed=may_edit,
            label="Send back to draft",
            owner_label="Withdraw from review",
            style=Style.SECONDARY,
            step=return_to_draft,
            refusal="Only a publication in review can go back to draft this way.",
        ),
        Transition(
            action="_publish",
            sources=_BEFORE_LIVE,
            allowed=may_publish,
            label="Publish now",
            style=Style.PRIMARY,
            step=publish,
            refusal="It is already live.",
            takes_reason=True,
        ),
        Transition(
            action="_schedule",
            sources=_BEFORE_LIVE,
            allowed=may_publish,
            label="Schedule",
            label_in={Stage.SCHEDULED: "Reschedule"},
            style=Style.PRIMARY,
            step=schedule,
            # Live work has its date behind it: scheduling it again needs a date ahead.
            refusal="To schedule, set a publication date in the future.",
            takes_reason=True,
        ),
        Transition(
            action="_unpublish",
            sources=frozenset({Stage.SCHEDULED, Stage.LIVE}),
            allowed=may_publish,
            label="Unpublish",
            label_in={Stage.SCHEDULED: "Cancel schedule"},
            style=Style.DANGER,
            step=unpublish,
            refusal="It is not published.",
        ),
    ]
}


def available_actions(user, publication: Publication | None) -> list[Button]:
    """The steps ``user`` may take on ``publication`` as it stands (None: one not yet saved),
    as the buttons the admin shows beside Save."""
    publication = publication if publication is not None else Publication()
    stage = stage_of(publication)
    return [
        transition.button(user, publication)
        for transition in TRANSITIONS.values()
        if stage in transition.sources and transition.allowed(user, publication)
    ]


def perform(action: str, publication: Publication, *, by, reason: str = "") -> str:
    """Take the step named ``action`` (a button's name) and return what the log says of it.

    Raises ``PermissionDenied`` when ``by`` may not, ``WorkflowError`` (or ``ChecksFailed``)
    when the step does not apply; ``reason`` (to publish despite failed checks) goes to the
    steps that take one."""
    transition = TRANSITIONS[action]
    if transition.takes_reason:
        return transition.step(publication, by=by, reason=reason)
    return transition.step(publication, by=by)
