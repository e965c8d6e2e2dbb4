"""Plain text for snippets and descriptions: HTML read as a reader sees it, and excerpts cut
between words.

Stripping tags alone glues the last word of one paragraph to the first of the next
("difficult.A better"), and cutting after a word that ends a sentence and then adding an
ellipsis gives "on.…". These two functions are what every snippet is made with.
"""

import re
from html import unescape

from django.utils.html import strip_tags

# Elements that end a line of text, where a reader sees a break and so a space belongs.
BLOCK_ELEMENTS = (
    "address|article|aside|blockquote|br|caption|dd|div|dl|dt|figcaption|figure|footer|h[1-6]|header"
    "|hr|li|main|nav|ol|p|pre|section|table|tbody|td|tfoot|th|thead|tr|ul"
)
# Written so that Postgres' regular expressions read it the same way (no \b there).
BLOCK_TAG = rf"</?(?:{BLOCK_ELEMENTS})(?:\s[^>]*)?/?>"
_BLOCK_TAG = re.compile(BLOCK_TAG, re.IGNORECASE)
SENTENCE_END = (".", "?", "!", ".”", "?”", "!”", '."', '?"', '!"', ".)", ".’")
# Left off a cut excerpt's last word before the ellipsis: "a, b, and…", not "a, b, and,…".
TRAILING_MARKS = ",;:–—-‒(/…. "
ELLIPSIS = "…"


def html_to_text(html: str) -> str:
    """The text of an HTML fragment, with a space wherever one block ends and the next begins,
    entities decoded and every run of white space made one space."""
    return " ".join(unescape(strip_tags(_BLOCK_TAG.sub(" ", html or ""))).split())


def excerpt(text: str, words: int) -> str:
    """At most ``words`` words of ``text``. When it has more, the cut falls between words: at
    the end of a sentence if one ends in the last third of what is kept, otherwise after a
    whole word, with one ellipsis and none of the word's trailing punctuation."""
    parts = str(text or "").split()
    if len(parts) <= words:
        return " ".join(parts)
    parts = parts[:words]
    for last in range(len(parts) - 1, (2 * len(parts)) // 3 - 1, -1):
        if parts[last].endswith(SENTENCE_END):
            return " ".join(parts[: last + 1])
    while parts and not parts[-1].rstrip(TRAILING_MARKS):
        parts.pop()  # a dash or a stray mark standing alone
    if not parts:
        return ELLIPSIS
    parts[-1] = parts[-1].rstrip(TRAILING_MARKS)
    return " ".join(parts) + ELLIPSIS
