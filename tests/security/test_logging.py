"""Security events reach the log, one greppable line each, and no line carries a password, a
token or a whole e-mail address."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.urls import reverse

from staff import roles
from subscriptions import tokens
from subscriptions.models import Subscriber
from tests.admin_forms import change_url, form_data, ready
from tests.factories import AuthorFactory
from tests.subscriptions.factories import NewsletterFactory, SubscriberFactory
from tests.subscriptions.helpers import link_to, sign_up

pytestmark = pytest.mark.django_db

PASSWORD = "Tr0ub4dor&3-secret"
EMAIL = "ada.okafor@example.org"


@pytest.fixture
def staff():
    return get_user_model().objects.create_user(EMAIL, EMAIL, PASSWORD, is_staff=True, is_superuser=True)


def assert_clean(log_text: str, *secrets: str) -> None:
    for secret in (PASSWORD, EMAIL, *secrets):
        assert secret not in log_text, f"{secret!r} is in the log"
    assert not re.search(r"[\w.+-]{2,}@example\.org", log_text), "a whole e-mail address is in the log"


def test_failed_and_locked_logins_are_logged_without_the_password_or_address(
    client, staff, settings, security_log
):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("admin:login"), {"username": EMAIL, "password": PASSWORD + "x"})
    failed = security_log.events("login_failed")
    assert len(failed) == settings.AXES_FAILURE_LIMIT
    assert "username=a***@example.org" in failed[0]
    assert "ip=127.0.0.1" in failed[0]
    assert security_log.events("login_locked_out")
    assert "AXES" in security_log.text  # django-axes' own lines go through the same filter
    assert_clean(security_log.text, PASSWORD + "x")


def test_a_successful_login_is_logged(client, staff, security_log):
    client.post(reverse("admin:login"), {"username": EMAIL, "password": PASSWORD})
    assert f"user_id={staff.pk}" in security_log.events("login")[0]
    assert_clean(security_log.text)


def test_csrf_failures_are_logged(security_log, db):
    subscriber = SubscriberFactory(email=EMAIL, confirmed=True)
    client = Client(enforce_csrf_checks=True)
    url = reverse("subscriptions:manage", kwargs={"token": tokens.manage_token(subscriber.token)})
    response = client.post(url, {"first_name": "Mallory"})
    assert response.status_code == 403
    assert "CSRF" in security_log.text
    assert "/subscribe/" in security_log.text
    subscriber.refresh_from_db()
    assert subscriber.first_name != "Mallory"


def test_disallowed_hosts_are_logged(client, security_log):
    response = client.get("/", HTTP_HOST="attacker.example")
    assert response.status_code == 400
    assert "DisallowedHost" in security_log.text
    assert "attacker.example" in security_log.text


def test_a_refused_publish_attempt_is_logged(client, security_log):
    author = get_user_model().objects.create_user("ada", "ada@example.org", "pw", is_staff=True)
    author.groups.add(Group.objects.get(name=roles.AUTHOR))
    memo = ready(authors=[AuthorFactory(user=author)])
    client.force_login(author)
    response = client.post(change_url(memo), form_data(memo, _publish="Publish now"))
    assert response.status_code == 403
    [refused] = security_log.events("workflow_refused")
    assert "action=publish" in refused
    assert f"user_id={author.pk}" in refused
    [denied] = security_log.events("permission_denied")  # the line every 403 gets
    assert f"path={change_url(memo)}" in denied


def test_rate_limit_hits_are_logged_without_the_address(client, settings, security_log):
    NewsletterFactory()
    settings.SUBSCRIBE_RATE_LIMIT_PER_ADDRESS = (1, 3600)
    sign_up(client, EMAIL)
    assert sign_up(client, EMAIL).status_code == 429
    [line] = security_log.events("rate_limited")
    assert "path=/subscribe/" in line
    assert_clean(security_log.text)


def test_a_whole_subscription_round_trip_leaves_no_token_or_address_in_the_log(
    client, settings, security_log
):
    NewsletterFactory()
    sign_up(client, EMAIL)
    [message] = mail.outbox
    confirm = link_to(message, "subscriptions:confirm")
    token = confirm.rstrip("/").rsplit("/", 1)[1]
    client.post(confirm)
    unsubscribe = Subscriber.objects.get().token
    # Odd requests that Django itself logs, path and all.
    client.get(confirm + "x/")
    client.get(reverse("subscriptions:unsubscribe", args=[unsubscribe + "x"]))
    client.get(reverse("subscriptions:manage", args=["not-a-token-" + unsubscribe]))
    assert "Not Found" in security_log.text or "Bad Request" in security_log.text
    assert_clean(security_log.text, token, unsubscribe)
