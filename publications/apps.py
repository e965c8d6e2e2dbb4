from django.apps import AppConfig
from django.db.models.signals import post_migrate


class PublicationsConfig(AppConfig):
    name = "publications"

    def ready(self):
        from . import search

        search.connect_signals()

        from . import revisions, roles

        revisions.register()
        # The roles are groups of permissions, so they are made once every app's exist.
        post_migrate.connect(roles.after_migrate, sender=self)
