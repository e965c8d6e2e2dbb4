"""Two registrations racing for the last seat get one seat and one wait-list place (needs Postgres)."""

import contextlib
import threading

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from events import services
from events.models import Registration

from .factories import EventFactory

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: SQLite lets only one connection write at a time, so the two "
    "registrations cannot overlap; CI runs this on PostgreSQL",
)


@pytest.mark.django_db(transaction=True)
def test_two_registrations_for_the_last_seat(monkeypatch, mailoutbox):
    event = EventFactory(built_in=True, capacity=1)
    both_arrived = threading.Barrier(2, timeout=10)
    real_seat_or_wait = services._seat_or_wait

    def count_when_both_are_in(event):
        # Both requests have got this far before either counts: without the row lock both
        # would count 0 seats taken and both get a seat.
        with contextlib.suppress(threading.BrokenBarrierError):  # the lock held the other back
            both_arrived.wait(timeout=2)
        return real_seat_or_wait(event)

    monkeypatch.setattr(services, "_seat_or_wait", count_when_both_are_in)
    statuses, errors = [], []

    def visitor(email):
        try:
            url = reverse("events:register", kwargs={"slug": event.slug})
            response = Client().post(url, {"name": "Racer", "email": email})
            statuses.append(response.status_code)
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=visitor, args=(f"{n}@example.org",)) for n in ("one", "two")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    assert statuses == [302, 302]
    assert sorted(Registration.objects.values_list("status", flat=True)) == ["confirmed", "waitlisted"]
    assert len(mailoutbox) == 2
