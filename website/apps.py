from django.apps import AppConfig

from core import content_version, surrogates


class WebsiteConfig(AppConfig):
    """The site around the content: home, robots, health, error pages, sitemaps, uploads, and
    the editable pages and menus."""

    name = "website"

    def ready(self):
        from .models import MenuItem, Page

        content_version.track(Page, MenuItem)
        surrogates.track(Page, MenuItem)
