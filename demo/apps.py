from django.apps import AppConfig


class DemoConfig(AppConfig):
    """``load_demo`` and ``generate_content``: content to look at and to measure with."""

    name = "demo"
