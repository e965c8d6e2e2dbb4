"""The admin's door: login throttled (django-axes) and two-factor (django-otp), the admin site
class, and the security log lines for logins.

Settings that drive it live in ``redcell/settings.py`` (``ADMIN_REQUIRE_2FA``, ``AXES_*``,
``LOGIN_FAILURE_LIMIT_PER_IP``).
"""

import logging

from axes.backends import AxesStandaloneBackend
from axes.exceptions import AxesBackendPermissionDenied
from axes.models import AccessAttempt
from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.exceptions import ValidationError
from django.db.models import Sum
from django.utils import timezone
from django_otp import devices_for_user, match_token

from core.client_ip import client_ip
from core.security_log import log_event

# --- Security events -------------------------------------------------------------------------


def _login_failed(sender, credentials, request=None, **kwargs):
    log_event("login_failed", request, username=credentials.get("username", "-"))


def _logged_in(sender, request, user, **kwargs):
    log_event("login", request, level=logging.INFO, user_id=user.pk)


def _locked_out(sender, request=None, username=None, ip_address=None, **kwargs):
    log_event("login_locked_out", request, username=username or "-")


def connect_signals() -> None:
    from axes.signals import user_locked_out

    user_login_failed.connect(_login_failed, dispatch_uid="staff.security.login_failed")
    user_logged_in.connect(_logged_in, dispatch_uid="staff.security.logged_in")
    user_locked_out.connect(_locked_out, dispatch_uid="staff.security.locked_out")


# --- Admin login -----------------------------------------------------------------------------


class LoginThrottleBackend(AxesStandaloneBackend):
    """django-axes' lockout check for every login that comes with a request (the admin's form),
    which locks an account name *from one address*, plus a cap on failures from one address
    whatever the names (``LOGIN_FAILURE_LIMIT_PER_IP``), which axes' single limit cannot express.
    ``authenticate()`` without a request (scripts, the test client's ``login()``) is not a web
    login and is passed through unchecked rather than refused."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        if failures_from(client_ip(request)) >= settings.LOGIN_FAILURE_LIMIT_PER_IP:
            # Read by axes' middleware, which answers with the lockout page.
            request.axes_locked_out = True
            raise AxesBackendPermissionDenied("Too many failed logins from this address.")
        return super().authenticate(request, username=username, password=password, **kwargs)


def failures_from(address: str | None) -> int:
    """Failed logins from ``address`` within the lockout period, over every account name."""
    if address is None:
        return 0
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    attempts = AccessAttempt.objects.filter(ip_address=address, attempt_time__gte=since)
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class AdminLoginForm(AdminAuthenticationForm):
    """Password first; then, for staff with an authenticator (or everyone, when
    ``ADMIN_REQUIRE_2FA`` is on), the code it shows. A wrong code counts as a failed login."""

    otp_token = forms.CharField(
        label="Authenticator code",
        required=False,
        max_length=20,
        strip=True,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        help_text="The six-digit code from your authenticator app, or a backup code. "
        "Leave empty if you have not set up two-factor login.",
    )

    def clean(self):
        cleaned_data = super().clean()
        user = self.get_user()
        if user is not None:
            self._check_second_factor(user)
        return cleaned_data

    def _check_second_factor(self, user) -> None:
        if not list(devices_for_user(user, confirmed=True)):
            if settings.ADMIN_REQUIRE_2FA:
                log_event("login_refused_no_2fa", self.request, user_id=user.pk)
                raise ValidationError(
                    "This site requires two-factor login, and your account has no authenticator "
                    "yet. Ask an administrator to set one up for you.",
                    code="no_device",
                )
            return
        token = "".join(self.cleaned_data.get("otp_token", "").split())
        if not token:
            raise ValidationError(
                "Enter the code from your authenticator app to finish logging in.", code="token_required"
            )
        device = match_token(user, token)
        if device is None:
            # Counted by django-axes like a wrong password, so guessing codes locks out too.
            user_login_failed.send(
                sender=__name__, credentials={"username": user.get_username()}, request=self.request
            )
            raise ValidationError(
                "That code is not right, or has expired. Try the current one.", code="bad_token"
            )
        # django-otp marks the session as verified with this device when the login completes.
        user.otp_device = device


class AdminSite(admin.AdminSite):
    login_form = AdminLoginForm
    login_template = "security/admin_login.html"

    def has_permission(self, request):
        if not super().has_permission(request):
            return False
        return request.user.is_verified() or not settings.ADMIN_REQUIRE_2FA
