from django.apps import AppConfig

from core import content_version, surrogates


class AuthorsConfig(AppConfig):
    name = "authors"
    verbose_name = "Experts"

    def ready(self):
        from .models import Author

        content_version.track(Author)
        surrogates.track(Author)
