"""Search snippets read as text: a space between sentences from different paragraphs, whole
words only, and one ellipsis where the text was cut. On SQLite (the fallback engine) and on
Postgres (``ts_headline``) alike."""

import re

import pytest
from django.urls import reverse
from django.utils.html import strip_tags

from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db

MARKS = ".,;:!?…()\"'“”’"


def snippets(client, query: str) -> list[str]:
    response = client.get(reverse("search"), {"q": query})
    assert response.status_code == 200
    return [" ".join(strip_tags(p.snippet).split()) for p in response.context["search"].page.object_list]


def words(text: str) -> set[str]:
    return {word.strip(MARKS) for word in text.split()} - {""}


def test_sentences_from_two_paragraphs_keep_their_space(client, commit):
    with commit():
        PublicationFactory(
            title="Straits",
            dek="",
            summary="",
            body="<p>Chokepoint enforcement is difficult.</p><p>A better plan starts early.</p>"
            "<ul><li>Stocks</li><li>Escorts</li></ul>",
        )

    (snippet,) = snippets(client, "chokepoint")
    assert "difficult. A better" in snippet
    assert "difficult.A" not in snippet


def test_a_long_text_is_cut_after_a_whole_word_with_one_ellipsis(client, commit):
    body_words = [f"word{number:02d}" for number in range(80)]
    with commit():
        PublicationFactory(
            title="Long", dek="", summary="", body=f"<p>Chokepoint {' '.join(body_words)}.</p>"
        )

    (snippet,) = snippets(client, "chokepoint")
    assert snippet.endswith("…")
    assert not snippet.endswith(("….", ".…", " …"))
    assert snippet.count("…") == 1
    assert words(snippet) <= {"Chokepoint", *body_words}


def test_footnote_numbers_are_left_out(client, commit):
    with commit():
        PublicationFactory(
            title="Notes",
            dek="",
            summary="",
            body="<p>Chokepoint plans are invoked.<sup>1</sup> Then stocks move.</p>",
        )

    (snippet,) = snippets(client, "chokepoint")
    assert "invoked. Then" in snippet


def test_a_match_deep_in_a_long_body_shows_only_whole_words(client, commit):
    """Postgres reads the first part of a long body for its snippet; a word that cut falls in is
    left out rather than shown in part."""
    filler = "lorem " * 414  # the match sits where the body's first 2,500 characters end
    body = f"<p>{filler}chokepoint informational text follows here.</p>"
    with commit():
        PublicationFactory(title="Deep", dek="", summary="", body=body)

    (snippet,) = snippets(client, "chokepoint")
    assert words(snippet) <= {"lorem", "chokepoint", "informational", "text", "follows", "here"}
    assert re.search(r"chokepoint", snippet, re.I)


def test_a_summary_shown_without_a_match_is_cut_between_words(client, commit):
    summary = " ".join(f"part{number}," for number in range(60))
    with commit():
        PublicationFactory(title="Chokepoint atlas", dek="", summary=summary, body="<p>Short.</p>")

    (snippet,) = snippets(client, "atlas")
    assert not re.search(r"[,.]…", snippet)
    assert snippet.count("…") <= 1


def test_a_snippet_shows_the_body_as_last_edited(client, commit):
    """On Postgres snippets come from text stored with the search vector: an edit to the body
    reaches them as it reaches the vector."""
    with commit():
        memo = PublicationFactory(title="Grid", summary="", body="<p>Transformers are scarce this year.</p>")
    assert "Transformers are scarce" in snippets(client, "transformers")[0]

    with commit():
        memo.body = "<p>Transformers are <em>plentiful</em> again, says the regulator.</p>"
        memo.save()

    (snippet,) = snippets(client, "transformers")
    assert "Transformers are plentiful again" in snippet
    assert "scarce" not in snippet
