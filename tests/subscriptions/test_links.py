"""The links in our e-mails: confirm, manage, and the one-click unsubscribe of RFC 8058."""

from datetime import timedelta
from email import message_from_bytes

import pytest
from django.test import Client
from django.urls import reverse

from subscriptions import tokens
from subscriptions.models import ConsentEvent, Subscriber, Subscription

from .factories import SubscriberFactory
from .helpers import link_to, links_aged, links_in, sign_up

pytestmark = pytest.mark.django_db


@pytest.fixture
def confirmation(client, weekly, mailoutbox):
    """A visitor who signed up for the weekly newsletter, and the e-mail that asks them to confirm."""
    sign_up(client, "ada@example.org", first_name="Ada")
    return mailoutbox[-1]


def test_every_mail_carries_the_list_headers_and_a_manage_link(settings, confirmation):
    subscriber = Subscriber.objects.get()
    parsed = message_from_bytes(confirmation.message().as_bytes())
    unsubscribe = (
        f"{settings.SITE_URL}{reverse('subscriptions:unsubscribe', kwargs={'token': subscriber.token})}"
    )

    assert parsed["List-Unsubscribe"].strip() == f"<{unsubscribe}>"
    assert parsed["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert parsed["List-Id"].endswith("<newsletters.127.0.0.1>")
    assert subscriber.email not in parsed["List-Unsubscribe"], "the token says nothing about who it is"
    assert link_to(confirmation, "subscriptions:manage")
    html, mimetype = confirmation.alternatives[0]
    assert mimetype == "text/html"
    assert unsubscribe in html
    assert all(link.startswith(settings.SITE_URL) for link in links_in(confirmation))


def test_links_are_absolute_from_site_url(settings, client, weekly, mailoutbox):
    settings.SITE_URL = "https://think.example"
    sign_up(client)
    assert "https://think.example/subscribe/confirm/" in mailoutbox[0].body
    assert (
        mailoutbox[0]
        .extra_headers["List-Unsubscribe"]
        .startswith("<https://think.example/subscribe/unsubscribe/")
    )


def test_opening_the_confirmation_link_asks_and_changes_nothing(client, confirmation):
    response = client.get(link_to(confirmation, "subscriptions:confirm"))
    assert response.status_code == 200
    assert "Confirm my subscription" in response.content.decode()
    assert "Weekly Update" in response.content.decode()
    assert Subscriber.objects.get().confirmed_at is None


def test_confirming_starts_the_newsletters_asked_for(client, confirmation):
    response = client.post(link_to(confirmation, "subscriptions:confirm"))

    assert response.status_code == 200
    assert "You are subscribed" in response.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.is_receiving
    assert subscriber.first_name == "Ada"
    assert subscriber.consent_version == "2026-01"
    assert "may e-mail you the newsletters you chose" in subscriber.consent_text
    assert Subscription.objects.get().confirmed_at is not None
    confirm = ConsentEvent.objects.get(kind=ConsentEvent.Kind.CONFIRM)
    assert confirm.newsletters == ["weekly"]
    assert confirm.source.startswith("/subscribe/confirm/")


def test_confirming_twice_is_harmless(client, confirmation):
    link = link_to(confirmation, "subscriptions:confirm")
    client.post(link)
    assert client.post(link).status_code == 200
    assert ConsentEvent.objects.filter(kind=ConsentEvent.Kind.CONFIRM).count() == 1


@pytest.mark.parametrize(
    "mangle",
    [
        pytest.param(lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"), id="last character changed"),
        pytest.param(lambda t: t[: len(t) // 2], id="cut short"),
        pytest.param(lambda t: "x", id="nonsense"),
        pytest.param(lambda t: t.replace(":", "%3A"), id="encoded"),
        pytest.param(lambda t: tokens.manage_token("whatever"), id="a manage token"),
    ],
)
def test_a_tampered_confirmation_link_gets_a_clear_page(client, confirmation, mangle):
    token = link_to(confirmation, "subscriptions:confirm").split("/")[-2]
    for method in (client.get, client.post):
        response = method(reverse("subscriptions:confirm", kwargs={"token": mangle(token)}))
        assert response.status_code == 400
        assert "This link does not work" in response.content.decode()
    assert Subscriber.objects.get().confirmed_at is None


def test_an_expired_confirmation_link_says_so(client, confirmation):
    with links_aged(tokens.CONFIRM_MAX_AGE + timedelta(minutes=1)):
        response = client.post(link_to(confirmation, "subscriptions:confirm"))
    assert response.status_code == 400
    assert "This link has expired" in response.content.decode()
    assert Subscriber.objects.get().confirmed_at is None


def test_signing_up_a_known_address_for_more_changes_nothing_until_confirmed(
    client, weekly, energy_news, mailoutbox
):
    ada = SubscriberFactory(email="ada@example.org", confirmed=True, newsletters=[weekly])
    sign_up(client, "ada@example.org", newsletters=["energy-brief"])

    assert list(
        ada.subscriptions.filter(confirmed_at__isnull=False).values_list("newsletter__slug", flat=True)
    ) == ["weekly"]
    assert "Energy Brief" in mailoutbox[0].body
    client.post(link_to(mailoutbox[0], "subscriptions:confirm"))
    assert set(
        ada.subscriptions.filter(confirmed_at__isnull=False).values_list("newsletter__slug", flat=True)
    ) == {"weekly", "energy-brief"}


def test_someone_who_left_can_come_back_by_confirming_again(client, weekly, mailoutbox):
    SubscriberFactory(email="ada@example.org", left=True)
    sign_up(client, "ada@example.org")
    assert not Subscriber.objects.get().is_receiving
    client.post(link_to(mailoutbox[0], "subscriptions:confirm"))
    assert Subscriber.objects.get().is_receiving


def test_the_manage_page_changes_newsletters_and_name(client, weekly, energy_news, mailoutbox):
    ada = SubscriberFactory(email="ada@example.org", first_name="Ada", confirmed=True, newsletters=[weekly])
    sign_up(client, "ada@example.org", newsletters=["weekly"])
    manage = link_to(mailoutbox[0], "subscriptions:manage")

    page = client.get(manage).content.decode()
    assert "Your subscriptions" in page
    assert "ada@example.org" in page
    assert 'value="weekly" checked' in page
    assert 'value="energy-brief">' in page

    response = client.post(
        manage, {"first_name": "Ada", "last_name": "Okafor", "newsletters": ["energy-brief"]}
    )
    assert response.status_code == 302
    assert "Your choices are saved." in client.get(response["Location"]).content.decode()
    ada.refresh_from_db()
    assert ada.name == "Ada Okafor"
    assert list(ada.subscriptions.values_list("newsletter__slug", flat=True)) == ["energy-brief"]
    change = ConsentEvent.objects.get(kind=ConsentEvent.Kind.CHANGE)
    assert change.newsletters == ["energy-brief"]
    assert change.source == manage


def test_the_manage_page_rejects_a_bad_name(client, weekly, mailoutbox):
    SubscriberFactory(email="ada@example.org", first_name="Ada", confirmed=True, newsletters=[weekly])
    sign_up(client, "ada@example.org")
    response = client.post(link_to(mailoutbox[0], "subscriptions:manage"), {"first_name": "A\nB"})
    assert response.status_code == 200
    assert "Please check the fields" in response.content.decode()
    assert Subscriber.objects.get().first_name == "Ada"


def test_an_unconfirmed_address_cannot_be_changed_from_the_manage_page(client, confirmation):
    manage = link_to(confirmation, "subscriptions:manage")
    assert "You have not confirmed this address yet" in client.get(manage).content.decode()
    client.post(manage, {"first_name": "Mallory"})
    assert Subscriber.objects.get().first_name == "Ada"
    assert not ConsentEvent.objects.filter(kind=ConsentEvent.Kind.CHANGE).exists()


@pytest.mark.parametrize("token", ["x", "e30:1u0:abc", tokens.confirm_token(1)])
def test_a_tampered_manage_link_gets_a_clear_page(client, token):
    response = client.get(reverse("subscriptions:manage", kwargs={"token": token}))
    assert response.status_code == 400
    assert "This link does not work" in response.content.decode()


def test_an_expired_manage_link_says_so(client, confirmation):
    with links_aged(tokens.MANAGE_MAX_AGE + timedelta(days=1)):
        response = client.get(link_to(confirmation, "subscriptions:manage"))
    assert response.status_code == 400
    assert "This link has expired" in response.content.decode()


def one_click(token: str, **kwargs):
    """A mail provider's unsubscribe request: a fresh client, no cookies, CSRF checks on."""
    provider = Client(enforce_csrf_checks=True)
    url = reverse("subscriptions:unsubscribe", kwargs={"token": token})
    kwargs.setdefault("data", {"List-Unsubscribe": "One-Click"})
    return provider.post(url, **kwargs)


def test_one_click_unsubscribe_leaves_at_once_without_cookies_or_redirect(weekly):
    ada = SubscriberFactory(confirmed=True, newsletters=[weekly])
    response = one_click(ada.token)

    assert response.status_code == 200
    assert "You are unsubscribed" in response.content.decode()
    assert not response.cookies
    ada.refresh_from_db()
    assert ada.left_at is not None
    assert not ada.is_receiving
    assert not ada.subscriptions.exists()
    event = ConsentEvent.objects.get(kind=ConsentEvent.Kind.UNSUBSCRIBE)
    assert event.details == {"left": ["weekly"]}


@pytest.mark.parametrize(
    "request_body",
    [
        pytest.param(
            {"data": "List-Unsubscribe=One-Click", "content_type": "application/x-www-form-urlencoded"}
        ),
        pytest.param({"data": "List-Unsubscribe=One-Click", "content_type": "text/plain"}),
        pytest.param({"data": {"List-Unsubscribe": "One-Click"}}, id="multipart"),
    ],
)
def test_one_click_accepts_the_ways_providers_encode_the_body(weekly, request_body):
    ada = SubscriberFactory(confirmed=True, newsletters=[weekly])
    assert one_click(ada.token, **request_body).status_code == 200
    ada.refresh_from_db()
    assert ada.left_at is not None


def test_repeating_the_one_click_is_harmless(weekly):
    ada = SubscriberFactory(confirmed=True, newsletters=[weekly])
    one_click(ada.token)
    left_at = Subscriber.objects.get().left_at
    response = one_click(ada.token)
    assert response.status_code == 200
    assert Subscriber.objects.get().left_at == left_at
    assert ConsentEvent.objects.filter(kind=ConsentEvent.Kind.UNSUBSCRIBE).count() == 1


def test_opening_the_unsubscribe_link_only_asks(client, weekly):
    ada = SubscriberFactory(confirmed=True, newsletters=[weekly])
    response = client.get(reverse("subscriptions:unsubscribe", kwargs={"token": ada.token}))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Unsubscribe from everything" in page
    assert 'name="List-Unsubscribe" value="One-Click"' in page
    assert Subscriber.objects.get().is_receiving


def test_a_post_without_the_one_click_body_changes_nothing(weekly):
    ada = SubscriberFactory(confirmed=True, newsletters=[weekly])
    assert one_click(ada.token, data={}).status_code == 400
    assert one_click(ada.token, data={"List-Unsubscribe": "please"}).status_code == 400
    assert Subscriber.objects.get().is_receiving


@pytest.mark.parametrize("token", ["nope", "x" * 500, "%00" * 15, "tok.en" * 8])
def test_an_unknown_unsubscribe_token_gets_a_clear_page(client, token):
    url = reverse("subscriptions:unsubscribe", kwargs={"token": token})
    for response in (client.get(url), one_click(token)):
        assert response.status_code == 404
        assert "This link does not work" in response.content.decode()


def test_a_token_that_is_not_text_is_a_bad_request(client):
    url = reverse("subscriptions:unsubscribe", kwargs={"token": "\x00" * 43})
    for response in (client.get(url), one_click("\x00" * 43)):
        assert response.status_code == 400
        assert "Bad request" in response.content.decode()


def test_the_unsubscribe_page_button_works_like_the_one_click(client, weekly):
    ada = SubscriberFactory(confirmed=True, newsletters=[weekly])
    url = reverse("subscriptions:unsubscribe", kwargs={"token": ada.token})
    page = client.get(url).content.decode()
    assert '<form method="post">' in page
    assert client.post(url, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert not Subscriber.objects.get().is_receiving


def test_token_pages_are_never_cached_and_leak_no_referrer(client, weekly):
    ada = SubscriberFactory(confirmed=True, newsletters=[weekly])
    response = client.get(reverse("subscriptions:unsubscribe", kwargs={"token": ada.token}))
    assert "no-store" in response["Cache-Control"]
    # same-origin, not no-referrer: with no-referrer Chrome sends "Origin: null" on the page's
    # own form, which CSRF protection refuses; other sites still never see the address.
    assert '<meta name="referrer" content="same-origin">' in response.content.decode()


def test_link_checkers_may_probe_the_links_without_changing_anything(client, confirmation):
    subscriber = Subscriber.objects.get()
    for name in ["subscriptions:confirm", "subscriptions:manage"]:
        assert client.head(link_to(confirmation, name)).status_code == 200
    assert (
        client.head(reverse("subscriptions:unsubscribe", kwargs={"token": subscriber.token})).status_code
        == 200
    )
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is None
    assert subscriber.left_at is None
