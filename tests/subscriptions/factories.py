"""factory_boy factories for newsletters and subscribers.

NewsletterFactory(areas=[energy], series=[grid])   # follows those
SubscriberFactory()                                # signed up, not confirmed
SubscriberFactory(confirmed=True, newsletters=[weekly])   # receives ``weekly``
SubscriberFactory(left=True)                       # confirmed once, then left
"""

from datetime import timedelta

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from subscriptions.models import Newsletter, Subscriber, Subscription


class NewsletterFactory(DjangoModelFactory):
    class Meta:
        model = Newsletter
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Newsletter {n}")
    description = factory.LazyAttribute(lambda newsletter: f"News from {newsletter.name}.")

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.areas.add(*extracted)

    @factory.post_generation
    def series(self, create, extracted, **kwargs):
        if create and extracted:
            self.series.add(*extracted)


class SubscriberFactory(DjangoModelFactory):
    class Meta:
        model = Subscriber
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"reader{n}@example.org")

    class Params:
        confirmed = factory.Trait(
            confirmed_at=factory.LazyFunction(lambda: timezone.now() - timedelta(days=30)),
            consent_version="2026-01",
        )
        left = factory.Trait(
            confirmed_at=factory.LazyFunction(lambda: timezone.now() - timedelta(days=30)),
            left_at=factory.LazyFunction(lambda: timezone.now() - timedelta(days=1)),
        )

    @factory.post_generation
    def newsletters(self, create, extracted, **kwargs):
        """``newsletters=[a, b]``: subscriptions, confirmed when the subscriber is."""
        if create and extracted:
            for newsletter in extracted:
                Subscription.objects.create(
                    subscriber=self, newsletter=newsletter, confirmed_at=self.confirmed_at
                )
