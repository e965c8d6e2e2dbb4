from django.apps import AppConfig

from core import content_version, surrogates


class SubscriptionsConfig(AppConfig):
    name = "subscriptions"
    verbose_name = "Newsletters and subscribers"

    def ready(self) -> None:
        from . import checks  # noqa: F401
        from .models import Newsletter

        # The newsletters are listed in the sign-up form at the foot of every page.
        content_version.track(Newsletter)
        surrogates.track(Newsletter)
