"""The publication body: sanitising what editors store, and enriching it for reading.

``sanitize`` is the allow-list of the admin editor (the same extension list drives
both), so whatever the editor can make survives and nothing else does.

``render`` runs on that sanitised HTML. nh3 re-serialises its output in one
canonical form (lower-case tags, quoted attributes, no attributes on headings
or ``<sup>``), which is what makes the small regular expressions below exact.
"""

import math
import re
from dataclasses import dataclass, field
from functools import cache
from html import unescape

import nh3
from django.utils.html import strip_tags
from django_prose_editor.config import allowlist_from_extensions, expand_extensions

from core.slugs import readable_slug

from . import figures

WORDS_PER_MINUTE = 230
NOTES_HEADINGS = {"notes", "endnotes", "footnotes", "references"}
PULL_QUOTE = "pull-quote"

# Everything the body editor can produce; the same list drives server-side sanitising.
EXTENSIONS = {
    "Heading": {"levels": [2, 3, 4]},
    "Bold": True,
    "Italic": True,
    "Superscript": True,
    "Subscript": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "NodeClass": {
        "cssClasses": {
            "blockquote": {
                "title": "Quote",
                "cssClasses": [{"className": "pull-quote", "title": "Pull quote"}],
            }
        }
    },
    "HorizontalRule": True,
    "HardBreak": True,
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "HTML": True,
    # On by default in django-prose-editor, it switches the browser's spell-check off.
    "NoSpellCheck": False,
}

# A publication's body also holds figures from the media library (the admin's form gives the
# figure dialog its "Browse" button, publications/admin/library.py) and videos (the "Video"
# node of static/js/prose-video.js, allowed by DJANGO_PROSE_EDITOR_EXTENSIONS in settings).
PUBLICATION_EXTENSIONS = EXTENSIONS | {"Figure": True, "Caption": True, "Image": True, "Video": True}
FIGURE_CLASS = "figure"


@cache
def _cleaner(media: bool = False) -> nh3.Cleaner:
    options = allowlist_from_extensions(expand_extensions(PUBLICATION_EXTENSIONS if media else EXTENSIONS))
    if media:
        # The figure's one class (the editor's default), and no size on its image: the page
        # takes the library's.
        options["attributes"]["figure"].discard("class")
        options.setdefault("allowed_classes", {})["figure"] = {FIGURE_CLASS}
        options["attributes"]["img"] = {"src", "alt", "data-file"}
    # The editor offers one block-quote style; allow that class and no other.
    options["attributes"].get("blockquote", set()).discard("class")
    options.setdefault("allowed_classes", {})["blockquote"] = {PULL_QUOTE}
    options["link_rel"] = "noopener noreferrer"
    options["attributes"]["a"].discard("rel")
    options["attributes"]["a"].discard("target")
    return nh3.Cleaner(**options)


def sanitize(html: str, *, media: bool = False) -> str:
    """``html`` with only what the editor can make; ``media``: figures and videos too (a
    publication's body), every iframe not a YouTube or Vimeo video removed."""
    cleaned = _cleaner(media).clean(html or "").strip()
    if media:
        cleaned = figures.clean_videos(cleaned)
    return "" if re.fullmatch(r"(<p></p>)*", cleaned) else cleaned


def sanitize_with_media(html: str) -> str:
    return sanitize(html, media=True)


def reading_minutes(word_count: int) -> int:
    return math.ceil(word_count / WORDS_PER_MINUTE)


@dataclass
class RenderedBody:
    html: str
    toc: list[dict] = field(default_factory=list)
    word_count: int = 0


_HEADING = re.compile(r"<h([234])>(.*?)</h\1>", re.S)
_NOTE_REF = re.compile(r"<sup>\s*\[?(\d{1,3})\]?\s*</sup>")


def dangling_note_refs(rendered_html: str) -> list[str]:
    """Numbers of footnote references in ``render``'s output that have no note: ``render``
    turns every reference with a matching note into a link and leaves the rest as plain
    ``<sup>N</sup>``, which its own pattern finds here, so the two cannot disagree."""
    return _NOTE_REF.findall(rendered_html)


_NOTES_LIST = re.compile(r"(<ol(?: [^>]*)?>)(.*?)(</ol>)", re.S)
_LIST_ITEM = re.compile(r"<li>(.*?)</li>", re.S)


def render(html: str) -> RenderedBody:
    """Anchored headings, a table of contents and two-way linked footnotes.

    Footnotes follow one plain convention editors can type: superscript numbers in
    the text (``<sup>1</sup>``) and a numbered list under a heading called "Notes".
    """
    # Tags become spaces so that words in neighbouring blocks are not run together.
    word_count = len(unescape(strip_tags(re.sub(r"<[^>]*>", " ", html))).split())
    toc: list[dict] = []
    used_ids: set[str] = {"notes", "main-content", "related", "about-authors"}
    has_notes = False

    def anchor(match: re.Match) -> str:
        nonlocal has_notes
        level, inner = match.group(1), match.group(2)
        text = unescape(strip_tags(inner)).strip()
        base = readable_slug(text, fallback="section")
        anchor_id, number = base, 1
        while anchor_id in used_ids:
            number += 1
            anchor_id = f"{base}-{number}"
        used_ids.add(anchor_id)
        if text.lower().rstrip(":") in NOTES_HEADINGS:
            has_notes = True
            anchor_id = "notes"
        else:
            toc.append({"level": int(level), "id": anchor_id, "text": text})
        return f'<h{level} id="{anchor_id}">{inner}</h{level}>'

    html = figures.render_videos(_HEADING.sub(anchor, html))

    notes: set[str] = set()
    if has_notes:
        notes_list = _NOTES_LIST.search(html, html.find('id="notes"'))
        if notes_list:
            counter = 0

            def note_item(match: re.Match) -> str:
                nonlocal counter
                counter += 1
                notes.add(str(counter))
                back = (
                    f' <a href="#note-ref-{counter}" class="note-back" '
                    f'aria-label="Back to reference {counter}">↩</a>'
                )
                note = match.group(1)
                # The editor wraps list items in paragraphs; the link belongs inside the last one.
                if note.endswith("</p>"):
                    note = note[: -len("</p>")] + back + "</p>"
                else:
                    note += back
                return f'<li id="note-{counter}">{note}</li>'

            items = _LIST_ITEM.sub(note_item, notes_list.group(2))
            html = (
                html[: notes_list.start()]
                + notes_list.group(1).replace("<ol", '<ol class="notes"', 1)
                + items
                + notes_list.group(3)
                + html[notes_list.end() :]
            )

    ref_counts: dict[str, int] = {}

    def note_ref(match: re.Match) -> str:
        number = match.group(1)
        if number not in notes:
            return match.group(0)
        ref_counts[number] = ref_counts.get(number, 0) + 1
        repeat = ref_counts[number]
        ref_id = f"note-ref-{number}" + (f"-{repeat}" if repeat > 1 else "")
        return (
            f'<sup class="note-ref" id="{ref_id}">'
            f'<a href="#note-{number}" aria-label="Note {number}">{number}</a></sup>'
        )

    html = _NOTE_REF.sub(note_ref, html)
    return RenderedBody(html=html, toc=toc, word_count=word_count)
