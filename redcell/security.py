"""Security plumbing: the admin's login (throttled, two-factor), the headers every response
carries beyond Django's own, security event logging, and the filter that keeps e-mail
addresses, tokens and passwords out of every log line.

Settings that drive it live in ``redcell/settings.py`` (``ADMIN_REQUIRE_2FA``, ``AXES_*``,
``CONTENT_SECURITY_POLICY``, ``PERMISSIONS_POLICY``, ``LOGGING``).
"""

import base64
import hashlib
import json
import logging
import re

from axes.backends import AxesStandaloneBackend
from axes.exceptions import AxesBackendPermissionDenied
from axes.models import AccessAttempt
from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone
from django_otp import devices_for_user, match_token

logger = logging.getLogger("redcell.security")

# --- Security events -------------------------------------------------------------------------


def client_ip(request) -> str | None:
    """The client's address as the sign-up rate limit sees it (proxies counted the same way);
    an IPv6 client is taken as its /64, written as that network's first address."""
    from subscriptions.ratelimit import client_ip as ratelimit_client_ip

    address = ratelimit_client_ip(request)
    return None if address == "unknown" else address.split("/")[0]


def log_event(event: str, request=None, level: int = logging.WARNING, **fields) -> None:
    """One line per security event, ``event=… ip=… path=… key=value``, easy to grep and alert on."""
    parts = [f"event={event}"]
    if request is not None:
        parts += [f"ip={client_ip(request) or '-'}", f"method={request.method}", f"path={request.path}"]
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            parts.append(f"user_id={user.pk}")
    parts += [f"{key}={value}" for key, value in fields.items()]
    logger.log(level, " ".join(parts))


def _login_failed(sender, credentials, request=None, **kwargs):
    log_event("login_failed", request, username=credentials.get("username", "-"))


def _logged_in(sender, request, user, **kwargs):
    log_event("login", request, level=logging.INFO, user_id=user.pk)


def _locked_out(sender, request=None, username=None, ip_address=None, **kwargs):
    log_event("login_locked_out", request, username=username or "-")


def connect_signals() -> None:
    from axes.signals import user_locked_out

    user_login_failed.connect(_login_failed, dispatch_uid="redcell.security.login_failed")
    user_logged_in.connect(_logged_in, dispatch_uid="redcell.security.logged_in")
    user_locked_out.connect(_locked_out, dispatch_uid="redcell.security.locked_out")


def admin_prefix() -> str:
    return reverse("admin:index")


IMPORT_MAP = re.compile(rb'<script type="importmap"[^>]*>(.*?)</script>', re.DOTALL)


def import_map_hashes(response) -> list[str]:
    """CSP hashes for the page's import maps that only point at our own static files.

    The rich-text editor (django-prose-editor) maps its module names to static files with an
    inline ``<script type="importmap">``, which a policy without ``'unsafe-inline'`` blocks
    unless its hash is allowed. One that maps to nothing but our static files is harmless even
    if someone managed to inject it, so those, and only those, are allowed by hash."""
    if response.streaming or not response.get("Content-Type", "").startswith("text/html"):
        return []
    if b'type="importmap"' not in response.content:
        return []
    hashes = []
    for body in IMPORT_MAP.findall(response.content):
        try:
            data = json.loads(body)
        except ValueError:
            continue
        urls = [*data.get("imports", {}).values()]
        urls += [url for scope in data.get("scopes", {}).values() for url in scope.values()]
        if urls and all(isinstance(url, str) and url.startswith(settings.STATIC_URL) for url in urls):
            hashes.append(f"'sha256-{base64.b64encode(hashlib.sha256(body).digest()).decode()}'")
    return hashes


class SecurityHeadersMiddleware:
    """``Permissions-Policy`` on every response (Django sets the others), and a log line for
    refused actions (permission denied) and rate-limited requests."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        # Read by django-csp's middleware, which runs after this one on the way out.
        update = {}
        if hashes := import_map_hashes(response):
            update["script-src"] = hashes
        if request.path.startswith(admin_prefix()):
            # The rich-text editor (Tiptap) adds a <style> element for its own base rules and
            # sets style attributes as it edits. Styles only, and only in the staff area: scripts
            # stay as strict there as everywhere.
            update["style-src"] = ["'unsafe-inline'"]
        if update:
            response._csp_update = update
        if response.status_code == 429:
            if getattr(request, "axes_locked_out", False):
                response.headers.setdefault(
                    "Retry-After", str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
                )
            else:
                log_event("rate_limited", request)
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, PermissionDenied):
            action = getattr(request, "workflow_action", None)
            log_event("permission_denied", request, **({"action": action.lstrip("_")} if action else {}))


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
