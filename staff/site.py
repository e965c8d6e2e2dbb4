"""The admin site as the newsroom sees it: the institute's name in the header, each role's
sidebar and home page holding only what it works with, and dates in the user's own time zone.

The login (throttling, two-factor) is ``security.AdminSite``'s; this class adds the rest."""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone

from . import roles, security
from .forms import PreferencesForm
from .models import StaffProfile, time_zone_of, zone_named

SESSION_ZONE = "staff_time_zone"
APP_NAMES = {"admin": "Audit log", "taggit": "Tags"}


def zone_for(request):
    """The user's zone, read once per session (the admin asks on every page)."""
    if SESSION_ZONE not in request.session:
        zone = time_zone_of(request.user)
        request.session[SESSION_ZONE] = zone.key if zone else ""
    return zone_named(request.session[SESSION_ZONE])


class AdminSite(security.AdminSite):
    index_title = "Newsroom"

    @property
    def site_header(self):
        return settings.SITE_NAME

    @property
    def site_title(self):
        return f"{settings.SITE_NAME} admin"

    def get_app_list(self, request, app_label=None):
        """Technical apps (logins, two-factor devices, the task queue, accounts) only for
        superusers; lists a role only picks from (experts, areas… for an author) left out of its
        sidebar and home page. Permissions are unchanged: this is what is shown, not allowed."""
        # Apps named for what staff do with them, not the package that holds them.
        app_list = [
            {**app, "name": APP_NAMES.get(app["app_label"], app["name"])}
            for app in super().get_app_list(request, app_label)
        ]
        if request.user.is_superuser:
            return app_list
        shown = []
        for app in app_list:
            if app["app_label"] in roles.TECHNICAL_APPS:
                continue
            models = [model for model in app["models"] if not _only_picked_from(app, model)]
            if models:
                shown.append({**app, "models": models})
        return shown

    def admin_view(self, view, cacheable=False):
        inner = super().admin_view(view, cacheable)

        @wraps(view)
        def in_users_zone(request, *args, **kwargs):
            zone = zone_for(request) if request.user.is_authenticated else None
            if zone is None:
                return inner(request, *args, **kwargs)
            with timezone.override(zone):
                response = inner(request, *args, **kwargs)
                # A TemplateResponse renders after the view returns: render it in the zone.
                if hasattr(response, "render") and callable(response.render):
                    response.render()
            return response

        return in_users_zone

    def get_urls(self):
        return [
            path("preferences/", self.admin_view(self.preferences), name="preferences"),
            *super().get_urls(),
        ]

    def preferences(self, request):
        """The user's own settings: for now, the time zone the admin shows dates in."""
        profile, _ = StaffProfile.objects.get_or_create(user=request.user)
        form = PreferencesForm(request.POST or None, instance=profile)
        if request.method == "POST" and form.is_valid():
            form.save()
            request.session[SESSION_ZONE] = profile.time_zone
            messages.success(request, "Your settings are saved.")
            return redirect("admin:preferences")
        context = {
            **self.each_context(request),
            "title": "Your settings",
            "form": form,
            "current_zone": timezone.get_current_timezone_name(),
        }
        return TemplateResponse(request, "admin/staff/preferences.html", context)


def _only_picked_from(app, model) -> bool:
    perms = model["perms"]
    label = f"{app['app_label']}.{model['object_name'].lower()}"
    return label in roles.PICK_LISTS and not (perms.get("add") or perms.get("change") or perms.get("delete"))
