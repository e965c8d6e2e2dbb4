"""Whatever file an operator points the import at: WXR 1.1 and 1.2 are read; anything else, or
XML that tries entity tricks, is refused with a message and imports nothing; a file cut short
imports what came before the cut."""

import pytest

from publications.models import Publication

from . import wxr

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("version", ["1.1", "1.2"])
def test_both_current_wxr_versions_are_read(run_import, version):
    result = run_import(wxr.export(wxr.item(1, "Grid resilience"), version=version))

    assert result.ok
    assert f"WXR {version}" in result.report
    assert Publication.objects.get().title == "Grid resilience"


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b'{"posts": []}', "does not start as XML"),
        (b"<html><body>Hello</body></html>", "root element is <html>"),
        (
            b'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>'
            b"<item><title>A</title></item></channel></rss>",
            "an RSS feed, not a WordPress export",
        ),
        (b"", "does not start as XML"),
    ],
)
def test_a_file_that_is_not_an_export_is_refused(run_import, content, says):
    result = run_import(content)

    assert not result.ok
    assert says in result.error
    assert not Publication.objects.exists()


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss><channel><wp:wxr_version xmlns:wp="http://wordpress.org/export/1.2/">1.2</wp:wxr_version>
<item><title>&lol3;</title></item></channel></rss>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss><channel><item><title>&secret;</title></item></channel></rss>"""


@pytest.mark.parametrize("content", [BILLION_LAUGHS, EXTERNAL_ENTITY])
def test_entity_tricks_are_refused_before_parsing(run_import, content):
    result = run_import(content)

    assert not result.ok
    assert "document type" in result.error
    assert not Publication.objects.exists()


def test_an_undeclared_entity_is_not_resolved(run_import):
    """No DTD, no entity: an entity reference is a reading error, not a lookup."""
    document = wxr.export(wxr.item(1, "&secret;", raw_title=True))

    result = run_import(document)

    assert not result.ok
    assert "entity" in result.error.lower() or "entity" in result.report.lower()
    assert not Publication.objects.exists()


def test_a_truncated_file_imports_what_came_before_the_cut(run_import):
    document = wxr.export(wxr.item(1, "First"), wxr.item(2, "Second"), wxr.item(3, "Third"))
    cut = document[: document.index("<wp:post_id>3</wp:post_id>")]

    result = run_import(cut)

    assert result.ok  # something was imported
    assert "stops being readable XML" in result.report
    assert sorted(Publication.objects.values_list("title", flat=True)) == ["First", "Second"]


def test_a_file_cut_before_any_item_fails(run_import):
    document = wxr.export(wxr.item(1, "First"))
    cut = document[: document.index("<item>") + 20]

    result = run_import(cut)

    assert not result.ok
    assert "Nothing could be imported" in result.error
    assert not Publication.objects.exists()


def test_an_empty_export_is_not_an_error(run_import):
    result = run_import(wxr.export())

    assert result.ok
    assert result.row("publications") == {
        "created": 0,
        "updated": 0,
        "unchanged": 0,
        "skipped": 0,
        "failed": 0,
    }


def test_the_report_is_printed_and_written_to_a_file(run_import):
    result = run_import(wxr.export(wxr.item(1, "Grid resilience")))

    assert result.report in result.output
    assert "Report written to" in result.output
    assert result.row("publications")["created"] == 1


def test_progress_is_shown_on_stderr(run_import):
    result = run_import(wxr.export(*(wxr.item(number) for number in range(1, 4))))

    assert result.progress.strip().endswith("3/3 items read")
