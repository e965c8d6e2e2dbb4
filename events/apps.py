from django.apps import AppConfig

from core import content_version, surrogates


class EventsConfig(AppConfig):
    name = "events"

    def ready(self):
        from . import search_index, signals

        Event, EventType, Speaker = (self.get_model(name) for name in ("Event", "EventType", "Speaker"))
        content_version.track(Event, EventType, Speaker)
        content_version.schedule(Event.objects.next_change)
        surrogates.track(Event, EventType)
        signals.connect()
        search_index.connect()
