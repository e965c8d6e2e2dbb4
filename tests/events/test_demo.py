"""The demo has events coming up and gone by, one with a recording, and loading twice changes nothing."""

from io import StringIO

import pytest
from django.core.management import call_command

from events.models import Event

pytestmark = pytest.mark.django_db


def test_demo_events_load_and_reload():
    for _ in range(2):
        call_command("load_demo", "--password", "demo-events-pw-1", "--no-pictures", stdout=StringIO())
    published = Event.objects.published()
    assert published.count() == Event.objects.count() == 6
    assert published.upcoming().filter(cancelled=False).count() >= 3
    past = published.past()
    assert past.count() >= 2
    assert past.exclude(recording_url="").exists()
    launch = Event.objects.get(slug="narrow-waters-report-launch")
    assert [s.display_name for s in launch.speakers.all()][:2] == ["Marcus Feld", "Zoë Ørsted-Núñez"]
    assert launch.related_publications.count() == 3
