"""Two sign-ups of one address at the same moment leave one subscriber (needs Postgres)."""

import threading

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from subscriptions import services
from subscriptions.models import ConsentEvent, Subscriber

from .factories import NewsletterFactory

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: SQLite lets only one connection write at a time, so the two "
    "sign-ups cannot overlap; CI runs this on PostgreSQL",
)


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_sign_ups_of_one_address_leave_one_subscriber(monkeypatch, mailoutbox):
    NewsletterFactory(slug="weekly")
    both_looked = threading.Barrier(2, timeout=10)
    real_lookup = services._existing_subscriber

    def lookup_then_wait(email):
        # Both requests find no subscriber before either creates one: the race at its worst.
        found = real_lookup(email)
        both_looked.wait()
        return found

    monkeypatch.setattr(services, "_existing_subscriber", lookup_then_wait)
    statuses, errors = [], []

    def visitor(email):
        try:
            response = Client().post(reverse("subscriptions:subscribe"), {"email": email, "source": "/"})
            statuses.append(response.status_code)
        except Exception as error:  # reported below; a thread's exception would vanish otherwise
            errors.append(error)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=visitor, args=(email,)) for email in ["ada@example.org", "ADA@example.org"]
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    assert statuses == [302, 302]
    assert Subscriber.objects.count() == 1
    subscriber = Subscriber.objects.get()
    assert subscriber.subscriptions.count() == 1
    assert ConsentEvent.objects.filter(subscriber=subscriber, kind=ConsentEvent.Kind.SIGN_UP).count() == 2
    assert len(mailoutbox) == 2
