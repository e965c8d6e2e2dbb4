"""The whole journey of a reader, as they would see it, through Django's mail outbox."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from subscriptions.sending import digest_send
from tests.factories import PublicationFactory, ResearchAreaFactory

from .factories import NewsletterFactory
from .helpers import link_to

pytestmark = pytest.mark.django_db


def test_sign_up_confirm_receive_unsubscribe_and_hear_no_more(client, mailoutbox):
    energy = ResearchAreaFactory(name="Energy")
    letter = NewsletterFactory(name="Energy Brief", slug="energy-brief", areas=[energy])
    NewsletterFactory(name="Weekly Update", slug="weekly")

    # A reader finds the form at the foot of the home page and signs up for one newsletter.
    home = client.get(reverse("home")).content.decode()
    assert "Energy Brief" in home
    assert "Weekly Update" in home
    response = client.post(
        reverse("subscriptions:subscribe"),
        {"email": "ada@example.org", "first_name": "Ada", "newsletters": ["energy-brief"], "source": "/"},
        follow=True,
    )
    assert "Check your inbox" in response.content.decode()

    # One e-mail arrives asking them to confirm; until they do, digests pass them by.
    [confirmation] = mailoutbox
    assert confirmation.to == ["ada@example.org"]
    PublicationFactory(title="Before Confirming", areas=[energy])
    digest_send(newsletter=letter)
    assert len(mailoutbox) == 1

    # They open the link and press the button.
    confirm = link_to(confirmation, "subscriptions:confirm")
    assert "Confirm my subscription" in client.get(confirm).content.decode()
    assert "You are subscribed" in client.post(confirm).content.decode()

    # The next digest reaches them, addressed by name.
    PublicationFactory(title="Keeping the Lights On", areas=[energy], published_at=timezone.now())
    digest_send(newsletter=letter)
    assert len(mailoutbox) == 2
    digest = mailoutbox[1]
    assert digest.to == ["ada@example.org"]
    assert "Dear Ada," in digest.body
    assert "Keeping the Lights On" in digest.body

    # Their mail program offers "Unsubscribe": one POST, no cookies, answered with 200.
    unsubscribe = digest.extra_headers["List-Unsubscribe"].strip("<>")
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    response = Client(enforce_csrf_checks=True).post(
        unsubscribe, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200

    # Nothing more arrives.
    PublicationFactory(title="After Leaving", areas=[energy], published_at=timezone.now())
    digest_send(newsletter=letter)
    assert len(mailoutbox) == 2
