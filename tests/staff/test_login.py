"""The admin login: throttled by account and address together and by address alone, a new
session id at login, and two-factor login that an operator can make mandatory."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


@pytest.fixture
def editor():
    return get_user_model().objects.create_user(
        "editor", "editor@example.org", PASSWORD, is_staff=True, is_superuser=True
    )


def log_in(client, username="editor", password=PASSWORD, ip="203.0.113.7", **fields):
    return client.post(
        reverse("admin:login") + "?next=/admin/",
        {"username": username, "password": password, **fields},
        REMOTE_ADDR=ip,
    )


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_a_right_password_logs_in(client, editor):
    response = log_in(client)
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_repeated_failures_lock_the_account_from_that_address(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, password="wrong", ip="198.51.100.7").status_code == 200
    assert log_in(client, password="wrong", ip="198.51.100.7").status_code == 429
    response = log_in(client, ip="198.51.100.7")  # the right password, from the same address
    assert response.status_code == 429
    assert "Too many login attempts" in response.content.decode()
    assert response["Retry-After"] == str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    assert client.get(reverse("admin:index")).status_code == 302  # still not logged in
    # The editor at their own desk is not locked out by what happened elsewhere.
    assert log_in(client, ip="192.0.2.200").status_code == 302


def test_strangers_cannot_lock_a_colleague_out(client, editor, settings):
    for n in range(4):
        for _ in range(settings.AXES_FAILURE_LIMIT):
            log_in(client, password="wrong", ip=f"198.51.100.{n}")
    assert log_in(client, ip="192.0.2.10").status_code == 302


def test_many_failures_from_one_address_lock_it_for_every_account(client, editor, settings):
    settings.LOGIN_FAILURE_LIMIT_PER_IP = 8
    for n in range(8):
        log_in(client, username=f"guess{n}", password="wrong", ip="198.51.100.9")
    response = log_in(client, ip="198.51.100.9")  # an account never tried from there
    assert response.status_code == 429
    assert "Retry-After" in response
    assert client.get(reverse("admin:index")).status_code == 302
    # The same account from elsewhere is unaffected.
    assert log_in(client, ip="192.0.2.1").status_code == 302


def test_a_few_failures_from_a_shared_office_address_lock_nobody_else(client, editor, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, username=f"colleague{n}", password="wrong", ip="198.51.100.9")
    assert log_in(client, ip="198.51.100.9").status_code == 302


def test_a_success_clears_the_count(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, password="wrong")
    assert log_in(client).status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, password="wrong")
    assert log_in(client).status_code == 302


def test_the_session_id_and_csrf_token_change_at_login(client, editor):
    client.get(reverse("admin:login"))
    session = client.session
    session["visited"] = True  # an anonymous session an attacker might have planted
    session.save()
    before_session = client.cookies["sessionid"].value
    before_csrf = client.cookies["csrftoken"].value
    assert log_in(client).status_code == 302
    assert client.cookies["sessionid"].value != before_session
    assert client.cookies["csrftoken"].value != before_csrf


def test_staff_with_an_authenticator_need_its_code(client, editor):
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    response = log_in(client)
    assert response.status_code == 200
    assert "Enter the code from your authenticator app" in response.content.decode()
    response = log_in(client, otp_token="000000" if current_code(device) != "000000" else "111111")
    assert "That code is not right" in response.content.decode()
    device.refresh_from_db()
    device.throttle_reset()  # django-otp's own back-off after a wrong code
    assert log_in(client, otp_token=current_code(device)).status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_wrong_codes_count_as_failed_logins(client, editor, settings):
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    wrong = "000000" if current_code(device) != "000000" else "111111"
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, otp_token=wrong, ip="198.51.100.4")
        device.refresh_from_db()
        device.throttle_reset()  # set django-otp's own back-off aside
    assert log_in(client, otp_token=current_code(device), ip="198.51.100.4").status_code == 429


def test_mandatory_two_factor_turns_away_staff_without_an_authenticator(client, editor, settings):
    settings.ADMIN_REQUIRE_2FA = True
    response = log_in(client)
    assert response.status_code == 200
    assert "requires two-factor login" in response.content.decode()
    # A session made some other way (before the setting was switched on) is not enough either.
    client.force_login(editor)
    assert client.get(reverse("admin:index")).status_code == 302


def test_mandatory_two_factor_lets_in_staff_with_a_code(client, editor, settings):
    settings.ADMIN_REQUIRE_2FA = True
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    assert log_in(client, otp_token=current_code(device)).status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_a_backup_code_works_once(client, editor, settings):
    settings.ADMIN_REQUIRE_2FA = True
    backup = StaticDevice.objects.create(user=editor, name="backup", confirmed=True)
    backup.token_set.create(token="bk7q2x9m")
    assert log_in(client, otp_token="bk7q2x9m").status_code == 302
    client.logout()
    assert "That code is not right" in log_in(client, otp_token="bk7q2x9m").content.decode()
