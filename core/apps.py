from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Building blocks every app may use; it imports no app of ours."""

    name = "core"
    verbose_name = "Site infrastructure"

    def ready(self):
        from . import content_version

        # Any change to what public pages show gives the page cache a new content version.
        content_version.connect_signals(self)
