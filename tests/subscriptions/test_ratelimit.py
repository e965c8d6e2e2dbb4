"""Sign-up rate limits: per visitor address and per e-mail address, not fooled by headers."""

from unittest import mock

import pytest
from django.urls import reverse

from subscriptions import ratelimit
from subscriptions.models import ConsentEvent, Subscriber

from .helpers import sign_up

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def small_limits(settings):
    settings.SUBSCRIBE_RATE_LIMIT_PER_IP = (3, 3600)
    settings.SUBSCRIBE_RATE_LIMIT_PER_ADDRESS = (2, 3600)


def test_too_many_sign_ups_from_one_address_get_a_polite_429_and_no_mail(client, weekly, mailoutbox):
    for n in range(3):
        assert sign_up(client, f"reader{n}@example.org").status_code == 302
    response = sign_up(client, "one-more@example.org")

    assert response.status_code == 429
    assert "Please try again later" in response.content.decode()
    assert "Nothing was sent" in response.content.decode()
    assert len(mailoutbox) == 3
    assert not Subscriber.objects.filter(email="one-more@example.org").exists()
    assert ConsentEvent.objects.count() == 3


def test_the_visitor_limit_counts_each_address_separately(client, weekly):
    for n in range(3):
        sign_up(client, f"reader{n}@example.org", REMOTE_ADDR="192.0.2.1")
    assert sign_up(client, "someone@example.org", REMOTE_ADDR="192.0.2.2").status_code == 302


def test_one_e_mail_address_cannot_be_flooded_from_many_places(client, weekly, mailoutbox):
    for n in range(2):
        assert sign_up(client, "victim@example.org", REMOTE_ADDR=f"192.0.2.{n}").status_code == 302
    response = sign_up(client, "VICTIM@example.org", REMOTE_ADDR="192.0.2.99")
    assert response.status_code == 429
    assert len(mailoutbox) == 2


def test_a_forged_x_forwarded_for_does_not_dodge_the_limit(client, weekly):
    statuses = [
        sign_up(client, f"reader{n}@example.org", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}").status_code
        for n in range(5)
    ]
    assert statuses == [302, 302, 302, 429, 429]


def test_behind_a_trusted_proxy_the_address_it_saw_counts(settings, client, weekly):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.5"
    # Each visitor forges a different left-hand entry; the proxy appends the real address.
    for n in range(3):
        assert (
            sign_up(
                client,
                f"reader{n}@example.org",
                REMOTE_ADDR=proxy,
                HTTP_X_FORWARDED_FOR=f"1.1.1.{n}, 198.51.100.7",
            ).status_code
            == 302
        )
    blocked = sign_up(
        client, "x@example.org", REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="9.9.9.9, 198.51.100.7"
    )
    other = sign_up(client, "y@example.org", REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="198.51.100.8")
    assert (blocked.status_code, other.status_code) == (429, 302)


def test_one_ipv6_network_counts_as_one_visitor(client, weekly):
    for n in range(3):
        sign_up(client, f"reader{n}@example.org", REMOTE_ADDR=f"2001:db8::{n + 1}")
    assert sign_up(client, "x@example.org", REMOTE_ADDR="2001:db8::ffff").status_code == 429


def test_invalid_and_honeypot_posts_count_too(client, weekly):
    sign_up(client, "not-an-address")
    sign_up(client, "bot@example.org", website="spam")
    sign_up(client, "")
    assert sign_up(client, "real@example.org").status_code == 429


def test_a_visitor_can_still_read_pages_when_limited(client, weekly):
    for n in range(4):
        sign_up(client, f"reader{n}@example.org")
    assert client.get(reverse("home")).status_code == 200
    assert client.get(reverse("subscriptions:subscribe")).status_code == 200


def test_sub_addresses_and_case_count_as_one_mailbox(client, weekly, mailoutbox):
    for n, address in enumerate(["victim+1@example.org", "Victim+news@Example.org"]):
        assert sign_up(client, address, REMOTE_ADDR=f"192.0.2.{n}").status_code == 302
    response = sign_up(client, "VICTIM+3@example.org", REMOTE_ADDR="192.0.2.50")
    assert response.status_code == 429
    assert len(mailoutbox) == 2
    # Stored as typed: the limit only counts them together.
    assert set(Subscriber.objects.values_list("email", flat=True)) == {
        "victim+1@example.org",
        "Victim+news@example.org",
    }


def test_a_different_mailbox_on_the_same_domain_is_not_limited(client, weekly):
    for n in range(2):
        sign_up(client, "victim+x@example.org", REMOTE_ADDR=f"192.0.2.{n}")
    assert sign_up(client, "victimised@example.org", REMOTE_ADDR="192.0.2.9").status_code == 302


def test_a_limited_visitor_is_told_when_to_come_back(client, weekly):
    for n in range(3):
        sign_up(client, f"reader{n}@example.org")
    response = sign_up(client, "one-more@example.org")
    assert response.status_code == 429
    wait = int(response["Retry-After"])
    assert 0 < wait <= 3600
    minutes = -(-wait // 60)
    assert f"Please try again in {minutes} minute" in response.content.decode()


def test_a_failing_cache_of_another_kind_lets_the_sign_up_through(client, weekly, mailoutbox):
    """Redis falls back to local memory by itself (tests/security/test_cache_outage.py); any other
    cache that fails must not turn a sign-up into a server error."""
    with mock.patch.object(ratelimit.cache, "add", side_effect=RuntimeError("cache gone")):
        assert sign_up(client, "ada@example.org").status_code == 302
    assert Subscriber.objects.filter(email="ada@example.org").exists()
    assert len(mailoutbox) == 1
