from django.apps import AppConfig

from core import content_version, surrogates


class RegionsConfig(AppConfig):
    name = "regions"
    verbose_name = "Regions"

    def ready(self):
        from .models import Region

        content_version.track(Region)
        surrogates.track(Region)
