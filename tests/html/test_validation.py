"""The HTML of the key pages is valid, by the current Nu HTML checker (npm's vnu-jar, on Java):
every page is written to a file and all are checked in one run of the checker."""

import json
import subprocess
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from publications.models import Publication
from regions.models import Region
from research_areas.models import ResearchArea
from series.models import Series
from subscriptions import tokens
from subscriptions.models import Subscriber
from tests.tools import VNU, java_missing, require, vnu_missing

pytestmark = pytest.mark.django_db


def pages(client) -> dict[str, str]:
    published = Publication.objects.published()
    memo = published.exclude(body_html="").order_by("-word_count").first()
    subscriber = Subscriber.objects.first()
    return {
        "home": "/",
        "publications": "/publications/",
        "filtered": f"/publications/?type={memo.type.slug}&year=1850",
        "page 2": "/publications/?page=2",
        "memo": memo.get_absolute_url(),
        "experts": "/authors/",
        "expert": memo.ordered_authors()[0].get_absolute_url(),
        "areas": "/research-areas/",
        "area": ResearchArea.objects.first().get_absolute_url(),
        "regions": "/regions/",
        "region": Region.objects.filter(parent__isnull=False, children__isnull=False)
        .first()
        .get_absolute_url(),
        "by region": f"/publications/?region={Region.objects.first().slug}",
        "series list": "/series/",
        "series": Series.objects.first().get_absolute_url(),
        "series with banner": Series.objects.exclude(banner_colour="")
        .exclude(logo="")
        .last()
        .get_absolute_url(),
        "search": "/search/?q=energy",
        "search empty": "/search/?q=zzzzqqq",
        "search, events only": "/search/?q=grid&kind=event",
        "subscribe": "/subscribe/",
        "thanks": "/subscribe/thanks/",
        "events": "/events/",
        "past events": "/events/past/?type=briefing",
        "event": "/events/grid-resilience-after-the-winter-storms/",
        "past event": "/events/narrow-waters-report-launch/",
        "cancelled event": "/events/cables-and-chokepoints-cancelled/",
        "event registration": "/events/grid-resilience-after-the-winter-storms/register/",
        "registered": "/events/grid-resilience-after-the-winter-storms/register/done/",
        "bad link": "/subscribe/confirm/not-a-token/",
        "manage": f"/subscribe/manage/{tokens.manage_token(subscriber.token)}/"
        if subscriber
        else "/subscribe/",
        "about": "/about/",
        "nested page": "/about/contact/",
        "not found": "/no-such-page/",
        "admin login": "/admin/login/",
    }


def test_key_pages_are_valid_html(tmp_path, settings):
    require(java_missing(), vnu_missing())
    call_command("load_demo", "--password", "html-check-password", stdout=StringIO())
    client = Client(raise_request_exception=False)
    files = {}
    for name, path in pages(client).items():
        response = client.get(path)
        assert response.status_code in {200, 400, 404}, path
        files[name] = tmp_path / f"{name.replace(' ', '-')}.html"
        files[name].write_bytes(response.content)
    # The error pages render without the rest of the site, so check them as they are.
    for template in ["500.html", "503.html", "403_csrf.html", "locked_out.html"]:
        from django.template.loader import render_to_string

        files[template] = tmp_path / template
        files[template].write_text(render_to_string(template, {"SITE_NAME": "Red Cell"}))
    staff = get_user_model().objects.create_superuser("root", "root@example.org", "html-check-pw-1")
    client.force_login(staff)
    memo = Publication.objects.first()
    files["preview"] = tmp_path / "preview.html"
    files["preview"].write_bytes(client.get(f"/admin/publications/publication/{memo.pk}/preview/").content)

    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files.values())],
        capture_output=True,
        text=True,
        timeout=120,
    )
    messages = json.loads(result.stderr or "{}").get("messages", [])
    by_file = {}
    for message in messages:
        page = message.get("url", "").rsplit("/", 1)[-1]
        by_file.setdefault(page, []).append(f"line {message.get('lastLine')}: {message.get('message')}")
    assert not by_file, json.dumps(by_file, indent=1)
