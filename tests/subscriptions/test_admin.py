"""What editors do with subscribers and newsletters in the admin."""

import csv
import io

import pytest
from django.urls import reverse

from subscriptions.models import ConsentEvent, Subscriber
from tests.factories import PublicationFactory

from .factories import NewsletterFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture
def lists(db):
    """Two newsletters with subscribers in every state."""
    weekly = NewsletterFactory(name="Weekly Update", slug="weekly")
    energy = NewsletterFactory(name="Energy Brief", slug="energy")
    SubscriberFactory(email="ada@example.org", first_name="Ada", confirmed=True, newsletters=[weekly, energy])
    SubscriberFactory(email="ben@example.org", confirmed=True, newsletters=[weekly])
    SubscriberFactory(email="cy@example.org", newsletters=[weekly])  # not confirmed
    SubscriberFactory(email="di@example.org", left=True)
    SubscriberFactory(
        email="eve@example.org", first_name="=HYPERLINK(1)", confirmed=True, newsletters=[energy]
    )
    return {"weekly": weekly, "energy": energy}


def listed(response) -> set[str]:
    return {s.email for s in response.context["cl"].result_list}


def test_subscribers_filter_by_newsletter_confirmed_and_left(editor_client, lists):
    url = reverse("admin:subscriptions_subscriber_changelist")
    assert listed(editor_client.get(url, {"newsletter": "energy"})) == {"ada@example.org", "eve@example.org"}
    assert listed(editor_client.get(url, {"confirmed": "no"})) == {"cy@example.org"}
    assert listed(editor_client.get(url, {"left": "yes"})) == {"di@example.org"}
    assert listed(editor_client.get(url, {"newsletter": "weekly", "confirmed": "yes"})) == {
        "ada@example.org",
        "ben@example.org",
    }


def test_subscribers_can_be_found_by_email(editor_client, lists):
    response = editor_client.get(reverse("admin:subscriptions_subscriber_changelist"), {"q": "BEN@"})
    assert listed(response) == {"ben@example.org"}


def test_newsletters_show_their_subscriber_counts(editor_client, lists):
    response = editor_client.get(reverse("admin:subscriptions_newsletter_changelist"))
    counts = {n.slug: (n.receiving, n.pending) for n in response.context["cl"].result_list}
    assert counts == {"weekly": (2, 1), "energy": (2, 0)}
    assert "confirmed subscribers" in response.content.decode().lower()


def test_csv_export_lists_confirmed_subscribers_of_the_chosen_newsletter(editor_client, lists):
    response = editor_client.post(
        reverse("admin:subscriptions_newsletter_changelist"),
        {"action": "export_subscribers", "_selected_action": [lists["energy"].pk]},
    )
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["email"] for row in rows] == ["ada@example.org", "eve@example.org"]
    assert {row["newsletter"] for row in rows} == {"energy"}
    assert rows[1]["first_name"] == "'=HYPERLINK(1)", "a name is never run as a spreadsheet formula"


def test_an_editor_can_send_a_digest_from_the_admin(editor_client, lists, mailoutbox):
    PublicationFactory(title="Fresh Analysis")
    response = editor_client.post(
        reverse("admin:subscriptions_newsletter_changelist"),
        {"action": "send_digest_now", "_selected_action": [lists["weekly"].pk]},
        follow=True,
    )
    assert "Weekly Update: sent 2, failed 0" in response.content.decode()
    assert sorted(m.to[0] for m in mailoutbox) == ["ada@example.org", "ben@example.org"]
    assert all("Fresh Analysis" in m.body for m in mailoutbox)


def test_sending_again_from_the_admin_says_there_is_nothing_new(editor_client, lists, mailoutbox):
    PublicationFactory()
    url = reverse("admin:subscriptions_newsletter_changelist")
    data = {"action": "send_digest_now", "_selected_action": [lists["weekly"].pk]}
    editor_client.post(url, data)
    response = editor_client.post(url, data, follow=True)
    assert "nothing new since the last digest" in response.content.decode()
    assert len(mailoutbox) == 2


def test_an_editor_can_resend_a_confirmation(editor_client, lists, mailoutbox):
    cy = Subscriber.objects.get(email="cy@example.org")
    ConsentEvent.objects.create(
        subscriber=cy, email=cy.email, kind=ConsentEvent.Kind.SIGN_UP, newsletters=["weekly"]
    )
    editor_client.post(
        reverse("admin:subscriptions_subscriber_changelist"),
        {
            "action": "resend_confirmation",
            "_selected_action": list(Subscriber.objects.values_list("pk", flat=True)),
        },
    )
    assert [m.to for m in mailoutbox] == [["cy@example.org"]]


def test_consent_records_cannot_be_changed_or_deleted_in_the_admin(editor_client, lists):
    ada = Subscriber.objects.get(email="ada@example.org")
    event = ConsentEvent.objects.create(subscriber=ada, email=ada.email, kind=ConsentEvent.Kind.SIGN_UP)
    change = reverse("admin:subscriptions_consentevent_change", args=[event.pk])
    assert editor_client.post(change, {"email": "x@example.org"}).status_code == 403
    delete = reverse("admin:subscriptions_consentevent_delete", args=[event.pk])
    assert editor_client.post(delete, {"post": "yes"}).status_code == 403
    assert ConsentEvent.objects.get().email == "ada@example.org"


def test_admin_pages_open(editor_client, lists):
    ada = Subscriber.objects.get(email="ada@example.org")
    for url in [
        reverse("admin:subscriptions_subscriber_change", args=[ada.pk]),
        reverse("admin:subscriptions_newsletter_change", args=[lists["weekly"].pk]),
        reverse("admin:subscriptions_newsletter_add"),
        reverse("admin:subscriptions_digest_changelist"),
        reverse("admin:subscriptions_consentevent_changelist"),
    ]:
        assert editor_client.get(url).status_code == 200, url


def test_with_a_task_queue_the_admin_says_the_digest_is_queued(settings, editor_client, lists, mailoutbox):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    PublicationFactory()
    response = editor_client.post(
        reverse("admin:subscriptions_newsletter_changelist"),
        {"action": "send_digest_now", "_selected_action": [lists["weekly"].pk]},
        follow=True,
    )
    assert "Weekly Update: digest queued; the worker sends it in the background." in response.content.decode()
    assert mailoutbox == []
