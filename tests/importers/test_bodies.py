"""Post bodies become what the body editor makes: paragraphs, headings, links, notes in the
reading page's convention, and a report of whatever could not be kept."""

import json

import pytest

from publications import body
from publications.models import Publication

from . import wxr

pytestmark = pytest.mark.django_db


def body_of(run_import, content, **kwargs):
    result = run_import(wxr.export(wxr.item(1, "Post", content, **kwargs)))
    assert result.ok, result.error
    return Publication.objects.get().body, result.report


def test_the_body_is_what_the_editor_itself_would_store(run_import):
    """Sanitising the imported body again changes nothing: it is in the editor's own form."""
    stored, _ = body_of(
        run_import,
        "<!-- wp:heading --><h1>Title</h1><!-- /wp:heading -->\nText with <b>bold</b>, <i>italic</i> "
        'and a <span style="color:red">span</span>.\n\n<h5>Small</h5><script>alert(1)</script>',
    )

    assert body.sanitize(stored) == stored
    assert "<h2>Title</h2>" in stored
    assert "<strong>bold</strong>" in stored
    assert "<em>italic</em>" in stored
    assert "<h4>Small</h4>" in stored
    assert "script" not in stored
    assert "alert" not in stored


def test_gutenberg_block_comments_are_removed(run_import):
    stored, report = body_of(
        run_import,
        "<!-- wp:paragraph -->\n<p>One.</p>\n<!-- /wp:paragraph -->\n\n"
        '<!-- wp:list {"ordered":false} -->\n<ul><li>A</li><li>B</li></ul>\n<!-- /wp:list -->',
    )

    assert "wp:" not in stored
    assert "<p>One.</p>" in stored
    assert "<li>A</li>" in stored
    assert "Gutenberg block comments removed: 1" in report


def test_classic_line_breaks_become_paragraphs(run_import):
    stored, _ = body_of(run_import, "First paragraph,\nsame paragraph.\n\nSecond paragraph.\n\n\nThird.")

    assert stored == "<p>First paragraph,<br>\nsame paragraph.</p>\n<p>Second paragraph.</p>\n<p>Third.</p>"


def test_classic_paragraphs_inside_a_block_quote(run_import):
    stored, _ = body_of(run_import, "<blockquote>Quoted one.\n\nQuoted two.</blockquote>\n\nAfter.")

    assert "<blockquote><p>Quoted one.</p>" in stored
    assert "<p>Quoted two.</p></blockquote>" in stored.replace("\n", "")
    assert "<p>After.</p>" in stored


@pytest.mark.parametrize(
    "content",
    [
        "Claim one[footnote]First source.[/footnote] and two[footnote]Second, <em>ibid</em>.[/footnote].",
        "Claim one[efn_note]First source.[/efn_note] and two[efn_note]Second, <em>ibid</em>.[/efn_note].",
        "Claim one((First source.)) and two((Second, <em>ibid</em>.)).",
        "Claim one[ref]First source.[/ref] and two[ref]Second, <em>ibid</em>.[/ref].",
    ],
)
def test_footnote_plugins_become_the_notes_convention(run_import, content):
    stored, report = body_of(run_import, content)

    publication = Publication.objects.get()
    assert "<sup>1</sup>" in stored
    assert "<sup>2</sup>" in stored
    assert "<h2>Notes</h2>" in stored
    assert body.dangling_note_refs(publication.body_html) == []  # every reference has its note
    assert 'href="#note-2"' in publication.body_html
    assert "footnotes turned into numbered notes: 1" in report


def test_wordpress_own_footnotes(run_import):
    notes = [{"id": "a1", "content": "The source."}]
    stored, _ = body_of(
        run_import,
        '<!-- wp:paragraph --><p>Claim<sup data-fn="a1" class="fn">'
        '<a href="#a1" id="a1-link">1</a></sup>.</p>'
        "<!-- /wp:paragraph --><!-- wp:footnotes /-->",
        meta={"footnotes": json.dumps(notes)},
    )

    assert "<p>Claim<sup>1</sup>.</p>" in stored
    assert "The source." in stored


def test_a_caption_shortcode_becomes_a_linked_figure_with_its_caption(run_import):
    stored, report = body_of(
        run_import,
        '[caption id="attachment_5" align="alignnone" width="300"]<a href="https://old.example.org/wp-content/'
        'uploads/2024/03/chart.png"><img src="https://old.example.org/wp-content/uploads/2024/03/chart-300x200.png"'
        ' alt="Grid load by hour" width="300" height="200" /></a> Load peaks at 6 p.m.[/caption]',
    )

    assert 'href="https://old.example.org/wp-content/uploads/2024/03/chart-300x200.png"' in stored
    assert ">Grid load by hour</a>" in stored
    assert "<p><em>Load peaks at 6 p.m.</em></p>" in stored
    assert "[caption" not in stored
    assert "inline image kept as a link" in report


def test_embeds_and_iframes_become_links(run_import):
    stored, report = body_of(
        run_import,
        "[embed]https://www.youtube.com/watch?v=abc[/embed]\n\n"
        '<iframe src="https://player.vimeo.com/video/1" width="640"></iframe>\n\n'
        '<!-- wp:embed --><figure class="wp-block-embed"><div class="wp-block-embed__wrapper">\n'
        "https://twitter.com/x/status/1\n</div></figure><!-- /wp:embed -->",
    )

    assert '<a href="https://www.youtube.com/watch?v=abc"' in stored
    assert '<a href="https://player.vimeo.com/video/1"' in stored
    assert '<a href="https://twitter.com/x/status/1"' in stored
    assert "iframe" not in stored
    assert "embedded frame (<iframe>) kept as a link" in report


def test_unknown_shortcodes_are_removed_keeping_their_text_and_reported(run_import):
    stored, report = body_of(
        run_import,
        'Before [su_box title="Key point"]Inside the box[/su_box] [contact-form-7 id="3"] after [sic].',
    )

    assert stored == "<p>Before Inside the box  after [sic].</p>"
    assert "shortcode [su_box] not converted: removed, its text kept" in report
    assert "shortcode [contact-form-7] not converted: removed" in report


def test_links_to_the_old_site_become_local_addresses(run_import):
    stored, _ = body_of(
        run_import,
        '<p>See <a href="https://old.example.org/2024/03/other/">this</a> and '
        '<a href="https://elsewhere.org/x">that</a>.</p>',
    )

    assert 'href="/2024/03/other/"' in stored  # which redirects to its new page
    assert 'href="https://elsewhere.org/x"' in stored


def test_a_gallery_only_post(run_import, uploads):
    result = run_import(
        wxr.export(
            wxr.item(1, "Photos", '[gallery ids="11,12"]'),
            wxr.attachment(11, "2024/03/chart.png", parent=1, alt="The chart"),
            wxr.attachment(12, "2024/03/map.png", parent=1, alt="The map"),
        ),
        "--media-dir",
        str(uploads),
    )

    assert result.ok
    publication = Publication.objects.get()
    assert publication.body.startswith("<ul>")
    assert ">The chart</a>" in publication.body
    assert ">The map</a>" in publication.body
    assert 'href="/media/imports/wordpress/2024/03/chart.png"' in publication.body
    assert publication.hero_image  # the first image of the gallery
    assert publication.hero_alt == "The chart"
    assert "gallery kept as a list of links to its images" in result.report
