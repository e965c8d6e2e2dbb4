from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate


class StaffConfig(AppConfig):
    """The newsroom: roles, login and two-factor, the audit log and the editorial desk."""

    name = "staff"

    def ready(self):
        from django.apps import apps

        from . import roles, security

        security.connect_signals()
        # The roles are groups of permissions, made after every migrate; sent once for auth
        # (whose permissions the roles name).
        post_migrate.connect(roles.after_migrate, sender=apps.get_app_config("auth"))


class AdminConfig(admin_apps.AdminConfig):
    """Django's admin on our site class: two-factor login and login throttling, the site's
    name, role-shaped menus, the user's time zone. Named in INSTALLED_APPS in place of
    ``django.contrib.admin``."""

    default = False
    default_site = "staff.site.AdminSite"
