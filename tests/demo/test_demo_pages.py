"""The demo's own pages (demo/content/pages/) and menus (demo/content/menus.yaml)."""

import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from lxml import html

from demo.loader import CONTENT_DIR
from website.models import MenuItem, Page

pytestmark = pytest.mark.django_db


def load_demo(*args) -> str:
    """Without the pictures (tests/demo/test_pictures.py): drawing them costs seconds a run."""
    out = StringIO()
    call_command("load_demo", "--no-pictures", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def content(tmp_path) -> Path:
    return Path(shutil.copytree(CONTENT_DIR, tmp_path / "content"))


def nav(client, label: str, url: str = "/") -> list[tuple[str, str]]:
    document = html.fromstring(client.get(url).content.decode())
    return [(a.text_content(), a.get("href")) for a in document.xpath(f"//nav[@aria-label='{label}']//a")]


def test_the_demo_has_about_contact_and_privacy_pages_in_its_menus(client):
    output = load_demo()

    assert "4 pages" in output
    for url, title in [("/about/", "About the Red Cell Institute"), ("/about/contact/", "Contact us")]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert title in response.content.decode()
    assert client.get("/privacy/").status_code == 200
    header = nav(client, "Main")
    assert ("About", "/about/") in header
    assert header[0] == ("Publications", "/publications/")
    footer = nav(client, "Footer")
    assert footer[:2] == [("About", "/about/"), ("Contact", "/about/contact/")]
    assert ("Privacy", "/privacy/") in footer
    assert footer[-1] == ("RSS feed", "/feed/")


def test_the_demo_pages_and_menus_load_idempotently():
    load_demo()
    pages = sorted(Page.objects.values_list("pk", "path", "title"))
    items = sorted(MenuItem.objects.values_list("pk", "menu", "position", "label"))
    load_demo()
    assert sorted(Page.objects.values_list("pk", "path", "title")) == pages
    assert sorted(MenuItem.objects.values_list("pk", "menu", "position", "label")) == items


def test_a_menu_item_added_by_staff_beyond_the_file_is_replaced_by_the_files_menu():
    load_demo()
    MenuItem.objects.create(menu="footer", position=99, label="Extra", url="/x/")
    load_demo()
    assert not MenuItem.objects.filter(label="Extra").exists()


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (
            lambda c: (c / "menus.yaml").write_text("header:\n  - {label: Who, page: nobody}\n"),
            "unknown page",
        ),
        (
            lambda c: (c / "menus.yaml").write_text("header:\n  - {label: Two, list: experts, url: /x/}\n"),
            "one of",
        ),
        (
            lambda c: (c / "menus.yaml").write_text("header:\n  - {label: Where, list: atlas}\n"),
            "unknown list",
        ),
        (lambda c: (c / "menus.yaml").write_text("sidebar: []\n"), "give the menus"),
        (lambda c: (c / "pages" / "faq.md").write_text("---\ntitle: FAQ\nparent: nowhere\n---\n"), "parent"),
    ],
)
def test_problems_in_the_pages_or_menus_stop_the_load_before_anything_is_written(content, edit, problem):
    edit(content)
    with pytest.raises(CommandError, match=problem):
        load_demo("--content", str(content))
    assert not Page.objects.exists()


def test_a_page_at_an_address_the_site_answers_stops_the_load(content):
    (content / "pages" / "search.md").write_text("---\ntitle: Search tips\n---\n\nHow to search.\n")
    with pytest.raises(CommandError, match="another part of the site"):
        load_demo("--content", str(content))
    assert not Page.objects.exists()
