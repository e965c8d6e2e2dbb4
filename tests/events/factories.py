"""factory_boy factories for events.

EventFactory()                          # published, a week ahead, one hour, in London
EventFactory(past=True)                 # published, over last week
EventFactory(draft=True)                # not public
EventFactory(scheduled=True)            # published, its page appears tomorrow
EventFactory(built_in=True, capacity=2) # registration on this site, two seats
SpeakerFactory(event=event, author=ada) # an expert on the panel; SpeakerFactory(event=event) a guest
"""

from datetime import timedelta

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from events.models import Event, EventType, Registration, Speaker


class EventTypeFactory(DjangoModelFactory):
    class Meta:
        model = EventType
        django_get_or_create = ("name",)

    name = "Panel"


def _start(days: float):
    return (timezone.now() + timedelta(days=days)).replace(microsecond=0)


class EventFactory(DjangoModelFactory):
    class Meta:
        model = Event
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Event {n}")
    type = factory.SubFactory(EventTypeFactory)
    dek = "A discussion."
    summary = "Experts discuss what to do next."
    starts_at = factory.LazyFunction(lambda: _start(7))
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + timedelta(hours=1))
    time_zone = "Europe/London"
    venue_name = "Red Cell, Conference Room"
    venue_address = "1 Example Street\nLondon"
    status = Event.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))

    class Params:
        draft = factory.Trait(status=Event.Status.DRAFT, published_at=None)
        scheduled = factory.Trait(
            published_at=factory.LazyFunction(lambda: timezone.now() + timedelta(days=1))
        )
        past = factory.Trait(
            starts_at=factory.LazyFunction(lambda: _start(-7)),
            published_at=factory.LazyFunction(lambda: timezone.now() - timedelta(days=30)),
        )
        built_in = factory.Trait(registration=Event.Registration.BUILT_IN)

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.areas.add(*extracted)

    @factory.post_generation
    def regions(self, create, extracted, **kwargs):
        if create and extracted:
            self.regions.add(*extracted)

    @factory.post_generation
    def related_publications(self, create, extracted, **kwargs):
        if create and extracted:
            self.related_publications.add(*extracted)


class SpeakerFactory(DjangoModelFactory):
    class Meta:
        model = Speaker

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"Guest {n}")
    title = "Former Minister"
    organisation = "Somewhere"
    position = factory.Sequence(int)


class RegistrationFactory(DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory, built_in=True)
    name = factory.Sequence(lambda n: f"Reader {n}")
    email = factory.Sequence(lambda n: f"reader{n}@example.org")
