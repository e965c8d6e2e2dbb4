"""The publication body: hostile HTML is cleaned on save; clean HTML is enriched for reading."""

import pytest

from publications import body
from publications.models import Publication
from tests.factories import PublicationFactory, PublicationTypeFactory

pytestmark = pytest.mark.django_db

# --- Sanitising -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hostile", "forbidden"),
    [
        pytest.param("<p>Hi</p><script>alert('x')</script>", ["<script", "alert("], id="script"),
        pytest.param(
            '<p><img src="x" onerror="alert(1)">Hi</p>', ["onerror", "alert(", "<img"], id="onerror"
        ),
        pytest.param('<p onclick="steal()">Hi</p>', ["onclick", "steal"], id="onclick"),
        pytest.param('<p><a href="javascript:alert(1)">Hi</a></p>', ["javascript:", "alert("], id="js-href"),
        pytest.param('<p><a href="JaVaScRiPt:alert(1)">Hi</a></p>', ["javascript:", "alert("], id="js-case"),
        pytest.param('<p><a href="data:text/html,boom">Hi</a></p>', ["data:"], id="data-href"),
        pytest.param('<p style="position:fixed;top:0">Hi</p>', ["style=", "position"], id="style-attr"),
        pytest.param("<style>body{display:none}</style><p>Hi</p>", ["<style", "display"], id="style-tag"),
        pytest.param(
            '<iframe src="https://evil.example/"></iframe><p>Hi</p>', ["<iframe", "evil"], id="iframe"
        ),
        pytest.param('<form action="/x"><input name="q"></form><p>Hi</p>', ["<form", "<input"], id="form"),
    ],
)
def test_hostile_html_is_removed(hostile, forbidden):
    cleaned = body.sanitize(hostile).lower()

    for fragment in forbidden:
        assert fragment.lower() not in cleaned
    assert "hi" in cleaned  # the reader's text survives


def test_javascript_link_keeps_its_text_but_loses_the_target():
    cleaned = body.sanitize('<p><a href="javascript:alert(1)">Read more</a></p>')

    assert "Read more" in cleaned
    assert "href" not in cleaned


def test_pull_quote_class_survives_and_unknown_classes_go():
    cleaned = body.sanitize(
        '<blockquote class="pull-quote evil"><p>Quote one</p></blockquote>'
        '<blockquote class="huge-red-banner"><p>Quote two</p></blockquote>'
        '<p class="pull-quote">Not a quote</p>'
    )

    assert '<blockquote class="pull-quote"><p>Quote one</p></blockquote>' in cleaned
    assert "evil" not in cleaned
    assert "huge-red-banner" not in cleaned
    assert "<p>Not a quote</p>" in cleaned
    assert "Quote two" in cleaned


@pytest.mark.parametrize(
    "allowed",
    [
        pytest.param("<h2>Section</h2>", id="h2"),
        pytest.param("<h3>Subsection</h3>", id="h3"),
        pytest.param("<h4>Detail</h4>", id="h4"),
        pytest.param("<ul><li><p>One</p></li><li><p>Two</p></li></ul>", id="bullet-list"),
        pytest.param("<ol><li><p>First</p></li></ol>", id="ordered-list"),
        pytest.param(
            "<table><tbody><tr><th>Year</th><th>GW</th></tr><tr><td>2024</td><td>12</td></tr></tbody></table>",
            id="table",
        ),
        pytest.param("<p>CO<sub>2</sub> rose 3%<sup>1</sup></p>", id="sup-sub"),
        pytest.param("<p><strong>Bold</strong> and <em>italic</em></p>", id="emphasis"),
        pytest.param("<blockquote><p>Plain quote</p></blockquote>", id="blockquote"),
        pytest.param("<hr>", id="rule"),
        pytest.param("<p>Line<br>break</p>", id="hard-break"),
    ],
)
def test_structure_the_editor_makes_survives(allowed):
    assert body.sanitize(allowed) == allowed


@pytest.mark.parametrize(
    "href", ["https://example.org/report", "http://example.org/", "mailto:press@example.org"]
)
def test_safe_links_survive_and_open_safely(href):
    cleaned = body.sanitize(f'<p><a href="{href}" target="_blank">Link</a></p>')

    assert f'href="{href}"' in cleaned
    assert 'rel="noopener noreferrer"' in cleaned
    assert "target" not in cleaned


def test_headings_outside_h2_to_h4_keep_their_text_only():
    cleaned = body.sanitize("<h1>Big</h1><h5>Small</h5>")

    assert "<h1" not in cleaned
    assert "<h5" not in cleaned
    assert "Big" in cleaned
    assert "Small" in cleaned


def test_empty_editor_output_is_stored_as_empty():
    assert body.sanitize("<p></p>") == ""


def test_create_sanitises_the_stored_body():
    publication = Publication.objects.create(
        title="Hostile import",
        type=PublicationTypeFactory(),
        body='<p onclick="x()">Text</p><script>alert(1)</script><p><a href="javascript:x()">link</a></p>',
    )

    publication.refresh_from_db()
    for stored in (publication.body, publication.body_html):
        assert "<script" not in stored
        assert "onclick" not in stored
        assert "javascript:" not in stored
        assert "Text" in stored


def test_editing_the_body_re_renders_it():
    publication = PublicationFactory(body="<h2>First</h2><p>x</p>")
    publication.body = "<h2>Second</h2><p>x</p>"
    publication.save()
    publication.refresh_from_db()

    assert '<h2 id="second">Second</h2>' in publication.body_html
    assert [entry["id"] for entry in publication.toc] == ["second"]


# --- Rendering --------------------------------------------------------------------------------

FOOTNOTED = (
    "<h2>Background</h2>"
    "<p>Demand rose.<sup>1</sup> Supply fell.<sup>2</sup> Nobody counted.<sup>7</sup></p>"
    "<h3>Costs &amp; prices</h3>"
    "<p>As noted before.<sup>1</sup></p>"
    "<h2>Background</h2>"
    "<p>Again.</p>"
    "<h2>Notes</h2>"
    "<ol><li><p>Agency report, 2024.</p></li><li><p>Ministry data.</p></li></ol>"
)


@pytest.fixture
def rendered():
    """One realistic body with headings, duplicate headings and footnotes, rendered once."""
    return body.render(body.sanitize(FOOTNOTED))


def test_headings_get_ids_and_toc_entries(rendered):
    assert '<h2 id="background">Background</h2>' in rendered.html
    assert '<h3 id="costs-prices">Costs &amp; prices</h3>' in rendered.html
    assert rendered.toc[:2] == [
        {"level": 2, "id": "background", "text": "Background"},
        {"level": 3, "id": "costs-prices", "text": "Costs & prices"},
    ]


def test_duplicate_headings_get_unique_ids(rendered):
    assert '<h2 id="background-2">Background</h2>' in rendered.html
    ids = [entry["id"] for entry in rendered.toc]
    assert ids == ["background", "costs-prices", "background-2"]


def test_notes_heading_is_an_anchor_but_not_in_the_toc(rendered):
    assert '<h2 id="notes">Notes</h2>' in rendered.html
    assert all(entry["text"] != "Notes" for entry in rendered.toc)


def test_footnote_refs_link_to_notes_and_notes_link_back(rendered):
    html = rendered.html

    assert '<sup class="note-ref" id="note-ref-1"><a href="#note-1"' in html
    assert '<sup class="note-ref" id="note-ref-2"><a href="#note-2"' in html
    assert '<li id="note-1">' in html
    assert '<li id="note-2">' in html
    assert 'href="#note-ref-1"' in html
    assert 'href="#note-ref-2"' in html
    assert '<ol class="notes">' in html


def test_second_reference_to_the_same_note_gets_its_own_id(rendered):
    assert 'id="note-ref-1"' in rendered.html
    assert 'id="note-ref-1-2"' in rendered.html
    assert rendered.html.count('href="#note-1"') == 2


def test_superscript_without_a_note_stays_plain(rendered):
    assert "<sup>7</sup>" in rendered.html
    assert "#note-7" not in rendered.html


def test_superscripts_are_plain_when_there_is_no_notes_section():
    html = body.render(body.sanitize("<p>E = mc<sup>2</sup></p><ol><li><p>A list</p></li></ol>")).html

    assert "<sup>2</sup>" in html
    assert "note" not in html


def test_heading_ids_never_clash_with_page_landmarks():
    rendered = body.render("<h2>Main content</h2><h2>Related</h2><h2>About authors</h2>")

    ids = [entry["id"] for entry in rendered.toc]
    assert ids == ["main-content-2", "related-2", "about-authors-2"]


def test_heading_with_no_letters_still_gets_an_anchor():
    rendered = body.render("<h2>???</h2><h2>!!!</h2>")

    assert [entry["id"] for entry in rendered.toc] == ["section", "section-2"]


def test_saved_publication_carries_rendered_body_and_toc():
    publication = PublicationFactory(body=FOOTNOTED)

    publication.refresh_from_db()
    assert '<h2 id="background">' in publication.body_html
    assert 'href="#note-1"' in publication.body_html
    assert [entry["id"] for entry in publication.toc] == ["background", "costs-prices", "background-2"]


@pytest.mark.parametrize(("sections", "shown"), [(2, False), (3, True)])
def test_table_of_contents_shown_for_three_or_more_sections(sections, shown):
    headings = "".join(f"<h2>Part {n}</h2><p>Text.</p>" for n in range(sections))
    publication = PublicationFactory(body=headings + "<h2>Notes</h2><ol><li><p>n</p></li></ol>")

    assert publication.show_toc is shown


# --- Reading time -----------------------------------------------------------------------------


def words(count: int) -> str:
    return " ".join(["word"] * count)


@pytest.mark.parametrize(("count", "minutes"), [(1, 1), (230, 1), (231, 2), (460, 2), (461, 3)])
def test_reading_time_rounds_up_to_whole_minutes(count, minutes):
    publication = PublicationFactory(body=f"<p>{words(count)}</p>")

    assert publication.word_count == count
    assert publication.reading_minutes == minutes


def test_markup_is_not_counted_as_words():
    publication = PublicationFactory(
        body='<p><a href="https://example.org/a-very-long-url">two words</a></p>'
    )

    assert publication.word_count == 2


def test_words_in_separate_paragraphs_headings_and_lists_are_all_counted():
    # The editor writes blocks with no whitespace between them: "<p>…</p><p>…</p>".
    publication = PublicationFactory(
        body="<h2>Intro</h2><p>one two</p><p>three four</p><ul><li><p>five</p></li><li><p>six</p></li></ul>"
    )

    assert publication.word_count == 7


def test_reading_time_of_a_many_paragraph_memo():
    # 24 paragraphs of 20 words: 480 words, just over two minutes' reading.
    publication = PublicationFactory(body="".join(f"<p>{words(20)}</p>" for _ in range(24)))

    assert publication.word_count == 480
    assert publication.reading_minutes == 3
