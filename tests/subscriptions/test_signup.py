"""Signing up from the form on every page: what a visitor sees, what is stored, what is sent."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from subscriptions import consent
from subscriptions.models import ConsentEvent, Subscriber, Subscription

from .factories import NewsletterFactory, SubscriberFactory
from .helpers import link_to, sign_up

pytestmark = pytest.mark.django_db


def test_every_page_has_the_form_with_nothing_ticked(client, weekly, energy_news):
    page = client.get(reverse("home")).content.decode()
    assert "Subscription Options" in page
    assert "indicates required" in page
    assert 'action="/subscribe/"' in page
    assert 'name="csrfmiddlewaretoken"' not in page  # the same bytes for every reader
    assert 'value="weekly"' in page
    assert 'value="energy-brief"' in page
    assert "checked" not in page
    assert consent.wording() in page


def test_with_one_newsletter_the_form_has_no_box(client, weekly):
    page = client.get(reverse("home")).content.decode()
    assert 'type="checkbox"' not in page
    assert 'id="subscribe-email"' in page


def test_pages_that_do_not_show_the_form_do_not_look_up_newsletters(client, weekly):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("subscriptions:thanks")).status_code == 200

    assert queries.captured_queries  # the menus
    assert not [q["sql"] for q in queries.captured_queries if "newsletter" in q["sql"]]


def test_sign_up_stores_an_unconfirmed_subscriber_and_sends_one_confirmation(client, weekly, mailoutbox):
    response = sign_up(
        client, "Ada@Example.ORG", first_name="Ada", last_name="Okafor", source="/publications/x/"
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("subscriptions:thanks")
    assert "Check your inbox" in client.get(response["Location"]).content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "Ada@example.org"
    assert subscriber.name == "Ada Okafor"
    assert subscriber.confirmed_at is None
    assert not subscriber.is_receiving
    assert [m.to for m in mailoutbox] == [["Ada@example.org"]]
    assert "confirm" in mailoutbox[0].subject.lower()
    assert link_to(mailoutbox[0], "subscriptions:confirm")
    event = ConsentEvent.objects.get()
    assert event.kind == ConsentEvent.Kind.SIGN_UP
    assert event.newsletters == ["weekly"]
    assert event.source == "/publications/x/"
    assert event.consent_version == consent.CURRENT_VERSION
    assert event.created_at.utcoffset().total_seconds() == 0


def test_the_confirmation_mail_does_not_repeat_the_name_typed_into_the_form(client, weekly, mailoutbox):
    sign_up(client, first_name="Buy cheap pills at spam.example")
    assert "spam.example" not in mailoutbox[0].body
    assert "spam.example" not in mailoutbox[0].alternatives[0][0]


def test_with_several_newsletters_only_the_ticked_ones_are_requested(client, weekly, energy_news, mailoutbox):
    sign_up(client, newsletters=["energy-brief"])
    assert list(Subscription.objects.values_list("newsletter__slug", flat=True)) == ["energy-brief"]
    assert "Energy Brief" in mailoutbox[0].body
    assert "Weekly Update" not in mailoutbox[0].body


def test_with_several_newsletters_one_must_be_ticked(client, weekly, energy_news, mailoutbox):
    response = sign_up(client)
    assert response.status_code == 200
    assert "Choose at least one newsletter." in response.content.decode()
    assert not Subscriber.objects.exists()
    assert mailoutbox == []


def test_with_no_newsletter_open_nothing_is_stored(client, mailoutbox):
    response = sign_up(client)
    assert response.status_code == 200
    assert "Sign-ups are closed" in response.content.decode()
    assert not Subscriber.objects.exists()
    assert mailoutbox == []


def test_the_answer_is_the_same_whether_or_not_the_address_is_known(client, weekly, mailoutbox):
    first = sign_up(client, "new@example.org")
    SubscriberFactory(email="known@example.org", confirmed=True, newsletters=[weekly])
    second = sign_up(client, "KNOWN@example.org")

    assert (first.status_code, first["Location"]) == (second.status_code, second["Location"])
    assert first.content == second.content
    assert Subscriber.objects.count() == 2
    assert [m.to for m in mailoutbox] == [["new@example.org"], ["known@example.org"]]
    assert "already subscribed" in mailoutbox[1].body


def test_signing_up_again_makes_no_second_row(client, weekly, mailoutbox):
    sign_up(client, "ada@example.org")
    sign_up(client, "ADA@example.org")
    assert Subscriber.objects.count() == 1
    assert Subscription.objects.count() == 1
    assert len(mailoutbox) == 2


def test_a_sign_up_cannot_change_someone_elses_name(client, weekly):
    SubscriberFactory(email="ada@example.org", first_name="Ada", confirmed=True, newsletters=[weekly])
    sign_up(client, "ada@example.org", first_name="Mallory")
    assert Subscriber.objects.get().first_name == "Ada"


HOSTILE = [
    pytest.param({"email": ""}, id="empty"),
    pytest.param({"email": "   "}, id="blank"),
    pytest.param({"email": "a" * 990 + "@example.org"}, id="1000 characters"),
    pytest.param({"email": "x" * 1000}, id="1000 characters, no @"),
    pytest.param({"email": "jösé@example.org"}, id="unicode local part"),
    pytest.param({"email": "😀@😀.example"}, id="emoji"),
    pytest.param({"email": "a@b.c\nBcc: x@y.z"}, id="header injection"),
    pytest.param({"email": "a@b.c\r\nBcc: x@y.z"}, id="header injection crlf"),
    pytest.param({"email": "a@b.c%0ABcc:x@y.z"}, id="encoded header injection"),
    pytest.param({"email": "a@b.c, x@y.z"}, id="two addresses"),
    pytest.param({"email": '"<script>"@example.org'}, id="markup"),
    pytest.param({"email": "ok@example.org", "first_name": "Ada\nBcc: x@y.z"}, id="newline in name"),
    pytest.param({"email": "ok@example.org", "last_name": "x" * 1000}, id="1000-character name"),
    pytest.param({"email": "ok@example.org", "first_name": "\u202eevil"}, id="bidi override in name"),
    pytest.param({"email": "ok@example.org", "newsletters": ["no-such-list"]}, id="unknown newsletter"),
]


@pytest.mark.parametrize("data", HOSTILE)
def test_invalid_or_hostile_input_gets_a_form_error_and_stores_nothing(
    client, weekly, energy_news, mailoutbox, data
):
    data = {"newsletters": ["weekly"], **data}
    response = client.post(reverse("subscriptions:subscribe"), data)

    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="field__error"' in page
    assert "Please check the fields marked below." in page
    assert "<script>" not in page
    assert not Subscriber.objects.exists()
    assert not ConsentEvent.objects.exists()
    assert mailoutbox == []


def test_names_in_any_script_are_welcome(client, weekly):
    assert sign_up(client, first_name="Zoë", last_name="Ørsted-Núñez").status_code == 302
    assert sign_up(client, "olga@example.org", first_name="Ольга", last_name="Петрова").status_code == 302
    assert Subscriber.objects.get(email="olga@example.org").name == "Ольга Петрова"


def test_an_internationalised_domain_is_stored_in_its_ascii_form(client, weekly):
    sign_up(client, "ada@Bücher.example")
    sign_up(client, "ada@xn--bcher-kva.example")
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["ada@xn--bcher-kva.example"]


def test_errors_keep_what_was_typed_and_point_at_the_field(client, weekly):
    response = sign_up(client, "not-an-address", first_name='Ada "<b>"')
    page = response.content.decode()
    assert 'value="not-an-address"' in page
    assert 'value="Ada &quot;&lt;b&gt;&quot;"' in page
    assert 'aria-describedby="subscribe-email-error"' in page
    assert "<title>Error: Subscribe" in page


def test_a_filled_honeypot_gets_the_thank_you_page_and_nothing_else(client, weekly, mailoutbox):
    response = sign_up(client, website="http://spam.example")
    assert response.status_code == 302
    assert response["Location"] == reverse("subscriptions:thanks")
    assert not Subscriber.objects.exists()
    assert not ConsentEvent.objects.exists()
    assert mailoutbox == []


def test_the_honeypot_is_hidden_from_people(client, weekly):
    page = client.get(reverse("home")).content.decode()
    assert '<p class="subscribe__trap" hidden>' in page
    assert 'name="website" tabindex="-1" autocomplete="off"' in page


def test_the_form_needs_no_csrf_token_and_a_sign_up_from_elsewhere_only_asks(weekly, mailoutbox):
    """By design (README, "Subscriptions and e-mail"): what a forged sign-up can do is send the
    confirmation e-mail; nobody is subscribed until its link is used."""
    from django.test import Client

    response = sign_up(Client(enforce_csrf_checks=True), HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 302
    subscriber = Subscriber.objects.get()
    assert subscriber.confirmed_at is None
    assert not subscriber.is_receiving
    assert len(mailoutbox) == 1


def test_the_subscribe_page_shows_the_form_once(client, weekly):
    page = client.get(reverse("subscriptions:subscribe")).content.decode()
    assert page.count('id="subscribe-email"') == 1
    assert "<h1>Subscribe</h1>" in page


def test_the_source_page_must_be_on_this_site(client, weekly):
    sign_up(client, source="https://evil.example/")
    sign_up(client, "ben@example.org", source="//evil.example/")
    assert set(ConsentEvent.objects.values_list("source", flat=True)) == {reverse("subscriptions:subscribe")}


def test_an_unknown_consent_version_is_recorded_as_the_current_one(client, weekly):
    sign_up(client, consent_version="made-up")
    assert ConsentEvent.objects.get().consent_version == consent.CURRENT_VERSION


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"email": ["a@example.org", "b@example.org"]},
        {"email": "a@example.org", "newsletters": ["' OR 1=1 --", "\x00"]},
        {"email": "a@example.org", "source": "/" + "x" * 5000, "consent_version": "\x00" * 100},
        {"email": "\x00@example.org"},
        {"email": "a@[127.0.0.1]"},
        {"email": "a@" + "b" * 300 + ".org"},
    ],
)
def test_nothing_a_visitor_sends_causes_a_server_error(client, weekly, data):
    assert client.post(reverse("subscriptions:subscribe"), data).status_code in {200, 302}


def test_other_methods_are_refused_politely(client):
    assert client.put(reverse("subscriptions:subscribe")).status_code == 405


def test_newsletters_that_are_not_active_are_not_offered(client, weekly):
    NewsletterFactory(name="Old Letter", active=False)
    page = client.get(reverse("home")).content.decode()
    assert "Old Letter" not in page
    assert 'type="checkbox"' not in page


@pytest.mark.django_db(transaction=True)
def test_every_page_shows_a_new_or_closed_newsletter_at_once(client):
    """The newsletters every page's form lists are kept under the content version (committed
    content, as on a real site): opening or closing one gives a new version, hence a new list."""
    NewsletterFactory(name="Weekly")
    NewsletterFactory(name="Energy Brief")
    assert "Energy Brief" in client.get(reverse("home")).content.decode()
    assert "Energy Brief" in client.get(reverse("publications:list")).content.decode()

    brief = NewsletterFactory(name="Climate Brief")
    assert "Climate Brief" in client.get(reverse("home")).content.decode()

    brief.active = False
    brief.save()
    page = client.get(reverse("publications:list")).content.decode()
    assert "Climate Brief" not in page
    assert "Energy Brief" in page
