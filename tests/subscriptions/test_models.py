import pytest
from django.db import IntegrityError, transaction

from subscriptions.models import ConsentEvent, Newsletter, Subscriber

from .factories import SubscriberFactory

pytestmark = pytest.mark.django_db


def test_the_database_keeps_one_subscriber_per_address_whatever_its_case():
    Subscriber.objects.create(email="ada@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        Subscriber.objects.create(email="ADA@Example.org")


def test_lookup_by_email_ignores_case():
    ada = SubscriberFactory(email="Ada@example.org")
    assert Subscriber.objects.by_email("aDA@EXAMPLE.ORG").get() == ada


def test_consent_records_are_append_only():
    event = ConsentEvent.objects.create(email="ada@example.org", kind=ConsentEvent.Kind.SIGN_UP)
    event.email = "changed@example.org"
    with pytest.raises(TypeError):
        event.save()
    with pytest.raises(TypeError):
        event.delete()
    with pytest.raises(TypeError):
        ConsentEvent.objects.update(email="x@example.org")
    with pytest.raises(TypeError):
        ConsentEvent.objects.all().delete()
    assert ConsentEvent.objects.get().email == "ada@example.org"


def test_consent_records_outlive_their_subscriber():
    ada = SubscriberFactory(email="ada@example.org")
    ConsentEvent.objects.create(subscriber=ada, email=ada.email, kind=ConsentEvent.Kind.SIGN_UP)
    ada.delete()
    assert ConsentEvent.objects.get().email == "ada@example.org"


def test_a_newsletter_gets_a_slug_and_a_list_id():
    newsletter = Newsletter.objects.create(name='Energy "Brief" <2>')
    assert newsletter.slug == "energy-brief-2"
    assert newsletter.list_id == '"Energy Brief 2" <energy-brief-2.127.0.0.1>'


def test_every_subscriber_gets_its_own_unguessable_token():
    tokens = {SubscriberFactory().token for _ in range(5)}
    assert len(tokens) == 5
    assert all(len(token) >= 40 for token in tokens)
