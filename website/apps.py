from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    """The site around the content: home, robots, health, error pages, sitemaps, uploads."""

    name = "website"
