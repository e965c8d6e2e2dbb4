"""The workflow's buttons, role by role and stage by stage, written out here as the newsroom
expects them: the form shows exactly these, and the steps refuse every other."""

from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.contrib.admin.models import LogEntry
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from publications import workflow
from tests.admin_forms import change_url, form_data, ready, staff_user
from tests.factories import AuthorFactory

pytestmark = pytest.mark.django_db

SUBMIT = ("_submit", "Submit for review", "secondary")
WITHDRAW = ("_return_to_draft", "Withdraw from review", "secondary")
SEND_BACK = ("_return_to_draft", "Send back to draft", "secondary")
PUBLISH = ("_publish", "Publish now", "primary")
SCHEDULE = ("_schedule", "Schedule", "primary")
RESCHEDULE = ("_schedule", "Reschedule", "primary")
UNPUBLISH = ("_unpublish", "Unpublish", "danger")
CANCEL_SCHEDULE = ("_unpublish", "Cancel schedule", "danger")
HIDDEN, FORBIDDEN = 404, 403  # the page itself is not theirs: no buttons to speak of

STAGES = ["new", "draft", "review", "scheduled", "live"]

# Who looks at a publication Ada wrote (or, "new", at the form for one not written yet).
BUTTONS = {
    "Ada, its author": {
        "new": [SUBMIT],
        "draft": [SUBMIT],
        "review": [WITHDRAW],
        "scheduled": [],
        "live": [],
    },
    "Ben, a colleague": {
        "new": [SUBMIT],
        "draft": HIDDEN,
        "review": HIDDEN,
        "scheduled": HIDDEN,
        "live": [],
    },
    "Eve, an editor": {
        "new": [SUBMIT, PUBLISH, SCHEDULE],
        "draft": [SUBMIT, PUBLISH, SCHEDULE],
        "review": [SEND_BACK, PUBLISH, SCHEDULE],
        "scheduled": [PUBLISH, RESCHEDULE, CANCEL_SCHEDULE],
        "live": [UNPUBLISH],
    },
    "Eve, an editor on its byline": {
        "new": [SUBMIT, PUBLISH, SCHEDULE],
        "draft": [SUBMIT, PUBLISH, SCHEDULE],
        "review": [WITHDRAW, PUBLISH, SCHEDULE],
        "scheduled": [PUBLISH, RESCHEDULE, CANCEL_SCHEDULE],
        "live": [UNPUBLISH],
    },
    "a superuser": {
        "new": [SUBMIT, PUBLISH, SCHEDULE],
        "draft": [SUBMIT, PUBLISH, SCHEDULE],
        "review": [SEND_BACK, PUBLISH, SCHEDULE],
        "scheduled": [PUBLISH, RESCHEDULE, CANCEL_SCHEDULE],
        "live": [UNPUBLISH],
    },
    "Sam, a subscriber manager": {
        "new": FORBIDDEN,
        "draft": HIDDEN,
        "review": HIDDEN,
        "scheduled": HIDDEN,
        "live": FORBIDDEN,
    },
}


@pytest.fixture
def cast(ada, ben, eve, sam, admin_user):
    """Each role of ``BUTTONS`` as a user, with the authors of the publication they look at."""
    eve_as_expert = AuthorFactory(name="Eve Editor", user=eve)
    return {
        "Ada, its author": (ada, [ada.author]),
        "Ben, a colleague": (ben, [ada.author]),
        "Eve, an editor": (eve, [ada.author]),
        "Eve, an editor on its byline": (eve, [ada.author, eve_as_expert]),
        "a superuser": (admin_user, [ada.author]),
        "Sam, a subscriber manager": (sam, [ada.author]),
    }


def in_stage(stage: str, authors):
    """A publication that passes every check, in ``stage``; before it is live it carries a
    date ahead, so scheduling it can go through."""
    ahead = timezone.now() + timedelta(days=3)
    return {
        "draft": lambda: ready(authors=authors, published_at=ahead),
        "review": lambda: ready(authors=authors, in_review=True, published_at=ahead),
        "scheduled": lambda: ready(authors=authors, draft=False, scheduled=True),
        "live": lambda: ready(authors=authors, draft=False),
    }[stage]()


class WorkflowButtons(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "input" and "workflow-button" in classes:
            styles = [name.removeprefix("workflow-button--") for name in classes if name != "workflow-button"]
            self.found.append((attrs["name"], attrs["value"], *styles))


def rendered_buttons(html: str) -> list[tuple]:
    """The workflow buttons of the form's submit row (shown above and below the form)."""
    parser = WorkflowButtons()
    parser.feed(html)
    top, bottom = parser.found[: len(parser.found) // 2], parser.found[len(parser.found) // 2 :]
    assert top == bottom, "the rows above and below the form differ"
    return top


@pytest.mark.parametrize("stage", STAGES)
@pytest.mark.parametrize("role", list(BUTTONS))
def test_the_form_shows_each_role_exactly_its_buttons(login, cast, role, stage):
    user, authors = cast[role]
    if stage == "new":
        url = reverse("admin:publications_publication_add")
    else:
        url = change_url(in_stage(stage, authors))
    response = login(user).get(url)
    expected = BUTTONS[role][stage]
    if expected in (HIDDEN, FORBIDDEN):
        assert response.status_code == expected
        return
    assert response.status_code == 200
    # Primary steps first, then Save and the ordinary steps, the destructive one last.
    weight = {"primary": 0, "secondary": 1, "danger": 2}
    in_order = sorted(expected, key=lambda button: weight[button[2]])
    assert rendered_buttons(response.content.decode()) == in_order


@pytest.mark.parametrize("stage", STAGES[1:])
@pytest.mark.parametrize("role", list(BUTTONS))
def test_the_steps_refuse_whatever_has_no_button(cast, role, stage):
    user, authors = cast[role]
    shown = BUTTONS[role][stage]
    offered = {name for name, _label, _style in shown} if isinstance(shown, list) else set()
    for action in workflow.TRANSITIONS:
        publication = in_stage(stage, authors)
        if action in offered:
            workflow.perform(action, publication, by=user)
        else:
            with pytest.raises((PermissionDenied, workflow.WorkflowError)):
                workflow.perform(action, publication, by=user)


def test_every_step_of_the_table_is_on_some_button():
    shown = [
        buttons for stages in BUTTONS.values() for buttons in stages.values() if isinstance(buttons, list)
    ]
    assert {name for buttons in shown for name, _label, _style in buttons} == set(workflow.TRANSITIONS)


def logged(publication) -> list[str]:
    entries = LogEntry.objects.filter(object_id=str(publication.pk)).order_by("action_time", "pk")
    return [entry.get_change_message() for entry in entries]


def comments(publication) -> list[str]:
    versions = Version.objects.get_for_object(publication).order_by("pk").select_related("revision")
    return [version.revision.get_comment() for version in versions]


def test_a_step_alone_is_logged_once_without_no_fields_changed(login, ada):
    memo = ready(authors=[ada.author])
    login(ada).post(change_url(memo), form_data(memo, _submit="Submit for review"))
    assert logged(memo) == ["Submitted for review."]
    assert comments(memo) == ["Submitted for review."]


def test_an_edit_and_a_step_in_one_save_are_logged_apart_and_kept_in_one_revision(login, ada):
    memo = ready(authors=[ada.author], title="First Title")
    login(ada).post(change_url(memo), form_data(memo, title="Second Title", _submit="Submit for review"))
    assert logged(memo) == ["Changed Title.", "Submitted for review."]
    assert comments(memo) == ["Changed Title. Submitted for review."]


def test_a_step_that_does_not_apply_leaves_an_ordinary_save(login, eve):
    memo = ready(title="No Date Yet")
    response = login(eve).post(change_url(memo), form_data(memo, _schedule="Schedule"), follow=True)
    assert "To schedule, set a publication date in the future." in response.content.decode()
    assert logged(memo) == ["No fields changed."]


def test_a_refused_step_undoes_the_save_it_came_with(login, ada):
    memo = ready(authors=[ada.author], title="Kept Title")
    response = login(ada).post(change_url(memo), form_data(memo, title="Sneaky", _publish="Publish now"))
    assert response.status_code == 403
    memo.refresh_from_db()
    assert memo.title == "Kept Title"
    assert logged(memo) == []


def test_the_stage_filter_and_the_table_name_the_same_stages(login, eve):
    stages = {stage: in_stage(stage, [AuthorFactory()]) for stage in STAGES[1:]}
    client = login(eve)
    for stage, publication in stages.items():
        listing = client.get(reverse("admin:publications_publication_changelist"), {"state": stage})
        assert list(listing.context["cl"].result_list) == [publication]
        assert workflow.stage_of(publication) == stage


def test_staff_without_a_role_get_no_buttons(django_user_model):
    nobody = staff_user(django_user_model, "nobody", None)
    assert workflow.available_actions(nobody, ready()) == []
