from django.apps import AppConfig

from core import content_version, surrogates


class PublicationsConfig(AppConfig):
    name = "publications"

    def ready(self):
        from taggit.models import Tag, TaggedItem

        from . import revisions, tasks
        from .search import signals as search_signals

        search_signals.connect()
        tasks.connect_signals()
        revisions.register()
        content_version.track(*self.get_models(), Tag, TaggedItem)
        surrogates.track(
            self.get_model("Publication"), self.get_model("PublicationType"), self.get_model("BodyImage"), Tag
        )
