from django.apps import AppConfig

from core import content_version, surrogates


class SeriesConfig(AppConfig):
    name = "series"

    def ready(self):
        from .models import Series

        content_version.track(Series)
        surrogates.track(Series)
