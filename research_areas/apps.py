from django.apps import AppConfig

from core import content_version, surrogates


class ResearchAreasConfig(AppConfig):
    name = "research_areas"
    verbose_name = "Research areas"

    def ready(self):
        from .models import ResearchArea

        content_version.track(ResearchArea)
        surrogates.track(ResearchArea)
