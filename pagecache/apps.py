from django.apps import AppConfig, apps


class PageCacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = "Page cache"

    def ready(self):
        from . import signals

        # What each edit purges at the edge; a migrate (a deploy) purges everything, signalled
        # once, for core (this app has no tables, so no signal of its own).
        signals.connect(migrations_of=apps.get_app_config("core"))
