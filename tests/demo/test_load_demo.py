import re
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from authors.models import Author
from demo.loader import CONTENT_DIR
from publications.models import Publication
from research_areas.models import ResearchArea

pytestmark = pytest.mark.django_db

GRID_REPORT = "keeping-the-lights-on-grid-resilience-standard"


def load_demo(*args) -> str:
    """Runs load_demo without its pictures, which test_pictures.py covers: drawing them and
    resizing them for the page costs seconds a run."""
    out = StringIO()
    call_command("load_demo", "--no-pictures", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def content(tmp_path) -> Path:
    """A copy of the demo content for a test to edit, loaded with ``--content``."""
    return Path(shutil.copytree(CONTENT_DIR, tmp_path / "content"))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def set_field(path: Path, field: str, value: str) -> None:
    """Set a front matter field, adding it when the file has none."""
    line = f"{field}: {value}\n"
    text, replaced = re.subn(rf"^{field}: .*\n", line, path.read_text(), count=1, flags=re.M)
    path.write_text(text if replaced else text.replace("---\n", f"---\n{line}", 1))


def test_demo_loads_a_realistic_site_and_prints_a_working_login(client):
    output = load_demo("--password", "demo-pass-123")

    assert "user: editor  password: demo-pass-123" in output
    assert client.login(username="editor", password="demo-pass-123")
    assert get_user_model().objects.get(username="editor").is_staff
    assert Publication.objects.count() == 41
    assert Publication.objects.published().count() == 35
    assert Publication.objects.values("type").distinct().count() >= 3
    home = client.get(reverse("home")).content.decode()
    assert 'name="newsletters"' in home
    assert "The Weekly Brief" in home


def test_demo_is_idempotent():
    load_demo()
    first = sorted(Publication.objects.values_list("slug", "title"))
    load_demo()
    assert sorted(Publication.objects.values_list("slug", "title")) == first
    assert get_user_model().objects.filter(username="editor").count() == 1


def test_demo_drafts_and_scheduled_items_stay_off_the_site(client):
    load_demo()
    hidden = Publication.objects.exclude(pk__in=Publication.objects.published())
    assert hidden.count() == 6
    listing = client.get(reverse("publications:list") + "?page=1").content.decode()
    home = client.get(reverse("home")).content.decode()
    for publication in hidden:
        assert client.get(publication.get_absolute_url()).status_code == 404
        assert publication.title not in listing
        assert publication.title not in home


def test_each_markdown_file_is_a_publication_and_editing_it_changes_the_page(client, content):
    load_demo("--content", content)
    assert sorted(Publication.objects.values_list("slug", flat=True)) == sorted(
        path.stem for path in (content / "publications").glob("*.md")
    )

    edit(content / "publications" / f"{GRID_REPORT}.md", "Keeping the Lights On:", "Lights Out:")
    edit(content / "experts" / "grace-liddell.md", "role: Fellow and Director", "role: Director")
    load_demo("--content", content)

    page = client.get(reverse("publications:detail", args=[GRID_REPORT])).content.decode()
    assert "Lights Out: A Resilience Standard for Regional Power Grids" in page
    assert Publication.objects.count() == 41
    assert Author.objects.get(slug="grace-liddell").role == "Director, The Local Ledger"


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("authors", "[olga-tikhomirova, ada-nobody]", "unknown author 'ada-nobody'"),
        ("areas", "[energy-infrastructure, astrology]", "unknown area 'astrology'"),
        ("series", "stress-tests", "unknown series 'stress-tests'"),
        ("type", "white-paper", "unknown type 'white-paper'"),
        ("related", "[no-such-piece]", "unknown related publication 'no-such-piece'"),
    ],
)
def test_a_reference_to_nothing_is_named_and_nothing_is_written(content, field, value, problem):
    set_field(content / "publications" / f"{GRID_REPORT}.md", field, value)

    with pytest.raises(CommandError) as error:
        load_demo("--content", content)

    assert f"publications/{GRID_REPORT}.md: {problem}" in str(error.value)
    assert not Publication.objects.exists()
    assert not Author.objects.exists()
    assert not ResearchArea.objects.exists()
    assert not get_user_model().objects.exists()


def test_every_problem_is_listed_at_once(content):
    set_field(content / "publications" / "why-we-write-short.md", "autors", "[someone]")
    set_field(content / "publications" / "pilots-are-not-strategy.md", "days_ago", "soon")
    (content / "series" / "Notes.txt").write_text("stray")

    with pytest.raises(CommandError) as error:
        load_demo("--content", content)

    message = str(error.value)
    assert "publications/why-we-write-short.md: unknown field 'autors'" in message
    assert "publications/pilots-are-not-strategy.md: 'days_ago' should be a whole number" in message
    assert "series/Notes.txt: name files <slug>.md" in message
    assert not Publication.objects.exists()


def test_a_footnote_without_its_note_is_refused(content):
    report = content / "publications" / f"{GRID_REPORT}.md"
    edit(report, "performance.[^1]", "performance.[^7]")

    with pytest.raises(CommandError, match=rf"{GRID_REPORT}.md: \[\^7\] has no note under ## Notes"):
        load_demo("--content", content)


def test_the_markdown_conventions_come_out_on_the_page(client):
    """Section headings give a table of contents, ``[^1]`` and the list under ## Notes link to
    each other, and a ``> [!pull-quote]`` block quote is styled as one."""
    load_demo()

    page = client.get(reverse("publications:detail", args=[GRID_REPORT])).content.decode()

    toc = re.search(r'<nav class="toc".*?</nav>', page, re.S).group()
    assert '<a href="#why-reliability-standards-are-not-enough">Why reliability' in toc
    assert '<a href="#paying-for-it">Paying for it</a>' in toc
    assert "#notes" not in toc
    assert '<h2 id="why-reliability-standards-are-not-enough">' in page
    assert re.search(
        r'<blockquote class="pull-quote">\s*<p>A utility can post improving reliability figures', page
    )
    assert '<sup class="note-ref" id="note-ref-1"><a href="#note-1" aria-label="Note 1">1</a></sup>' in page
    assert '<h2 id="notes">Notes</h2>' in page
    note = re.search(r'<li id="note-1">(.*?)</li>', page, re.S).group(1)
    assert '<a href="#note-ref-1" class="note-back"' in note
    assert "[^" not in page
    assert "[!pull-quote]" not in page
