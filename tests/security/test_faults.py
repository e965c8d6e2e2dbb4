"""When things around the site fail: the database (a friendly 503, never a traceback) and the
mail server (sign-ups kept, their e-mails sent once it is back)."""

import os
import subprocess
import sys
import textwrap
from datetime import timedelta
from pathlib import Path
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper

from subscriptions.models import Subscriber
from tests.factories import PublicationFactory
from tests.security.conftest import read
from tests.subscriptions.factories import NewsletterFactory
from tests.subscriptions.helpers import sign_up

ROOT = Path(__file__).resolve().parents[2]
PUBLIC_PATHS = [
    "/",
    "/publications/",
    "/search/?q=grid",
    "/authors/",
    "/feed/",
    "/sitemap.xml",
    "/subscribe/",
    "/?p=12",  # a WordPress address by id (importers/middleware.py)
]


def database_down():
    """Every query fails as it does when the server has gone away mid-flight."""
    error = OperationalError("server closed the connection unexpectedly")
    return mock.patch.multiple(
        CursorWrapper, _execute=mock.Mock(side_effect=error), _executemany=mock.Mock(side_effect=error)
    )


@pytest.mark.django_db
def test_with_the_database_gone_pages_answer_a_friendly_503(client):
    publication = PublicationFactory(title="Grid resilience")
    with database_down():
        for path in [*PUBLIC_PATHS, publication.get_absolute_url()]:
            response = client.get(path)
            assert response.status_code == 503, path
            page = response.content.decode()
            assert "Back soon" in page, path
            assert "Traceback" not in page, path
            assert "OperationalError" not in page, path
            assert response["Retry-After"] == "60"
            assert "Content-Security-Policy" in response
        assert client.get("/healthz").status_code == 503
        assert client.post("/subscribe/", {"email": "ada@example.org"}).status_code == 503


@pytest.mark.django_db
def test_other_database_errors_are_still_500s(client, settings):
    """Only an outage is a 503: a bug must not hide behind "back soon"."""
    from django.db import IntegrityError

    client.raise_request_exception = False
    with mock.patch("website.views.home", side_effect=IntegrityError("duplicate key")):
        settings.ROOT_URLCONF = "tests.security.faulty_urls"
        response = client.get("/")
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()


def test_a_site_whose_database_server_is_unreachable_answers_503():
    """The real thing: nothing listens where the database should be."""
    script = textwrap.dedent(
        """
        import django
        django.setup()
        from django.test import Client
        client = Client(raise_request_exception=False)
        for path in ["/", "/publications/", "/search/?q=x", "/subscribe/", "/healthz"]:
            response = client.get(path)
            print(path, response.status_code, "Back soon" in response.content.decode())
        """
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "redcell.test_settings",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:9/nowhere",
        "CONN_MAX_AGE": "0",
    }
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.split("\n")
    assert lines[:4] == [
        "/ 503 True",
        "/publications/ 503 True",
        "/search/?q=x 503 True",
        "/subscribe/ 503 True",
    ]
    assert lines[4] == "/healthz 503 False"
    assert "Traceback" not in result.stderr.replace("Traceback (most recent call last)", "")


@pytest.mark.django_db(transaction=True)
def test_sign_ups_are_kept_while_the_mail_server_is_down_and_mailed_when_it_is_back(
    client, settings, clock, mailoutbox
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    NewsletterFactory()
    # A real SMTP connection to a port where no mail server listens.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2

    assert sign_up(client, "ada@example.org").status_code == 302
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    subscriber = Subscriber.objects.get()
    assert subscriber.confirmation_sent_at is None
    assert mailoutbox == []

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the server is back
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert mailoutbox == [], "the retry waits for its time"
    clock.advance(timedelta(minutes=2))
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    [message] = mailoutbox
    assert message.to == ["ada@example.org"]
    subscriber.refresh_from_db()
    assert subscriber.confirmation_sent_at is not None


@pytest.mark.django_db
def test_with_the_database_gone_cached_pages_still_answer_and_the_rest_say_back_soon(client, settings):
    """The page cache (pagecache/middleware.py) keeps what readers saw last; only pages it does not
    hold need the database, and those get the 503 page."""
    settings.PAGE_CACHE_SECONDS = 600
    publication = PublicationFactory(title="Keeping the lights on")
    other = PublicationFactory(title="Not read lately")
    for path in ["/", publication.get_absolute_url(), "/feed/"]:
        assert client.get(path).status_code == 200
    with database_down():
        for path in ["/", publication.get_absolute_url(), "/feed/"]:
            response = client.get(path)
            assert response.status_code == 200, path
            assert "Keeping the lights on" in read(response).decode(), path
        response = client.get(other.get_absolute_url())
        assert response.status_code == 503
        assert "Back soon" in response.content.decode()
        assert client.get("/healthz").status_code == 503
