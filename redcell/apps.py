from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class RedCellConfig(AppConfig):
    name = "redcell"
    verbose_name = "Red Cell"

    def ready(self):
        from . import cache, security

        security.connect_signals()
        # Any change to what public pages show gives the page cache a new content version.
        cache.connect_signals(self)


class AdminConfig(admin_apps.AdminConfig):
    """Django's admin on our site class: two-factor login and login throttling. Named in
    INSTALLED_APPS in place of ``django.contrib.admin``."""

    default = False
    default_site = "redcell.security.AdminSite"
