"""Plain text for snippets and descriptions (core/text.py): what a reader sees of HTML, and
excerpts cut between words."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.text import excerpt, html_to_text


def test_blocks_are_kept_apart_by_a_space():
    html = "<h2>Why</h2><p>It is difficult.</p><p>A better way</p><ul><li>one</li><li>two</li></ul>"
    assert html_to_text(html) == "Why It is difficult. A better way one two"


def test_inline_elements_do_not_split_words_and_entities_are_read():
    assert (
        html_to_text("<p>Re<em>think</em>ing <strong>R&amp;D</strong>&nbsp;now</p>") == "Rethinking R&D now"
    )


def test_line_breaks_and_table_cells_are_spaces():
    assert html_to_text("<p>one<br>two</p><table><tr><td>a</td><td>b</td></tr></table>") == "one two a b"


def test_a_short_text_is_kept_whole():
    assert excerpt("Three short words.", 10) == "Three short words."
    assert excerpt("  spaced   out  ", 10) == "spaced out"


def test_a_cut_ends_on_a_whole_word_with_one_ellipsis():
    text = "one two three four five six seven eight nine ten, eleven twelve"
    assert excerpt(text, 10) == "one two three four five six seven eight nine ten…"


def test_punctuation_before_the_cut_is_dropped_not_doubled():
    assert excerpt("Ports, and then ships, and then more words follow here", 2) == "Ports, and…"
    assert excerpt("alpha beta gamma delta, epsilon zeta", 4) == "alpha beta gamma delta…"
    assert excerpt("a b c d e f g h — i j", 9) == "a b c d e f g h…"


def test_a_cut_near_the_end_of_a_sentence_ends_there():
    text = "One two three four five six seven eight. Nine ten eleven twelve thirteen"
    assert excerpt(text, 10) == "One two three four five six seven eight."


@given(
    st.lists(st.text(alphabet="abcdéжω.,;:!?… -", min_size=1, max_size=12), max_size=60), st.integers(1, 40)
)
def test_an_excerpt_is_the_start_of_the_text_cut_between_words(words, limit):
    whole = " ".join(" ".join(words).split())
    cut = excerpt(whole, limit)
    assert len(cut.split()) <= limit
    if cut == whole:
        return
    if cut.endswith("…"):
        kept = cut[:-1]
        assert whole.startswith(kept)
        assert not kept.endswith((" ", ".", ",", ";", ":", "-", "…")), "one ellipsis, no mark before it"
    else:  # at the end of a sentence
        assert whole.startswith(cut + " ")
        assert cut.endswith((".", "?", "!"))


@pytest.mark.parametrize("html", ["", None])
def test_nothing_is_empty_text(html):
    assert html_to_text(html) == ""
