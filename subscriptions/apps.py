from django.apps import AppConfig


class SubscriptionsConfig(AppConfig):
    name = "subscriptions"
    verbose_name = "Newsletters and subscribers"

    def ready(self) -> None:
        from . import checks  # noqa: F401
