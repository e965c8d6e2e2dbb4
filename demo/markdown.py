"""Publication bodies written in Markdown, turned into the HTML the admin editor makes.

CommonMark with tables, plus the two conventions of the reading page that Markdown has no
syntax for (``publications/body.py`` reads them):

- ``[^3]`` is footnote reference 3, written ``<sup>3</sup>`` as an editor types it; the notes
  themselves are a numbered list under a final ``## Notes``;
- a block quote whose first line is ``[!pull-quote]`` is a pull quote, ``<blockquote
  class="pull-quote">``, as GitHub's ``> [!NOTE]`` marks an alert.
"""

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline

from publications.body import PULL_QUOTE

PULL_QUOTE_MARK = f"[!{PULL_QUOTE}]"
_NOTE_REF = re.compile(r"\[\^(\d+)\]")


def _note_ref(state: StateInline, silent: bool) -> bool:
    match = _NOTE_REF.match(state.src, state.pos, state.posMax)
    if not match:
        return False
    if not silent:
        state.push("sup_open", "sup", 1)
        state.push("text", "", 0).content = match.group(1)
        state.push("sup_close", "sup", -1)
    state.pos = match.end()
    return True


def _pull_quotes(state: StateCore) -> None:
    """Class the block quotes that open with the mark, and drop the mark."""
    tokens = state.tokens
    for index in reversed(range(len(tokens) - 3)):
        quote, paragraph, inline = tokens[index : index + 3]
        if not (quote.type == "blockquote_open" and paragraph.type == "paragraph_open"):
            continue
        if inline.content[: len(PULL_QUOTE_MARK)].lower() != PULL_QUOTE_MARK:
            continue
        quote.attrSet("class", PULL_QUOTE)
        inline.content = inline.content[len(PULL_QUOTE_MARK) :].lstrip()
        if not inline.content:  # the mark stood alone, a blank line above the quote
            del tokens[index + 1 : index + 4]


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    md.inline.ruler.before("link", "note_ref", _note_ref)
    md.core.ruler.before("inline", "pull_quote", _pull_quotes)
    # A line break inside a paragraph is a space, as the editor stores it.
    md.add_render_rule("softbreak", lambda self, tokens, index, options, env: " ")
    return md


_MD = _parser()


def to_html(markdown: str) -> str:
    """The body HTML, compact like the editor's: no line breaks between blocks."""
    return _MD.render(markdown).replace(">\n", ">").strip()
