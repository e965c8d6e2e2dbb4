"""Helpers for reading the e-mails and driving the forms like a visitor would."""

import re
import time
from contextlib import contextmanager
from smtplib import SMTPServerDisconnected
from unittest import mock
from urllib.parse import urlsplit

from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse


class BrokenEmailBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages):
        raise SMTPServerDisconnected("Connection unexpectedly closed")


def links_in(message) -> list[str]:
    """Every absolute link in a message's plain-text body."""
    return re.findall(r"https?://\S+", message.body)


def link_to(message, name: str) -> str:
    """The path of the first link in ``message`` that resolves to the URL named ``name``."""
    prefix = reverse(name, kwargs={"token": "x"}).rsplit("x/", 1)[0]
    for link in links_in(message):
        path = urlsplit(link).path
        if path.startswith(prefix):
            return path
    raise AssertionError(f"no {name} link in:\n{message.body}")


def sign_up(client, email="ada@example.org", **fields):
    """Posts the form as a browser would; upper-case keywords (``REMOTE_ADDR=...``,
    ``HTTP_X_FORWARDED_FOR=...``) describe the request instead of filling fields."""
    meta = {key: value for key, value in fields.items() if key.isupper()}
    data = {"email": email, "first_name": "", "last_name": "", "source": "/"}
    data.update({key: value for key, value in fields.items() if not key.isupper()})
    return client.post(reverse("subscriptions:subscribe"), data, **meta)


@contextmanager
def links_aged(age):
    """Signed links read as if ``age`` (a timedelta) had passed since they were made."""
    later = time.time() + age.total_seconds()
    with mock.patch("django.core.signing.time.time", return_value=later):
        yield
