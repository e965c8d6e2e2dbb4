"""WordPress content made into what our body editor makes.

A post body from WordPress is HTML as its editors left it: Gutenberg's block comments,
shortcodes (``[caption]``, ``[gallery]``, ``[embed]``, footnote plugins), and, in posts written
before blocks, bare text whose line breaks ``wpautop`` turned into paragraphs only when the
page was shown. This turns all of it into the body editor's own HTML: paragraphs, headings 2 to
4, lists, block quotes, tables, links, and footnotes in the convention the reading page
understands (superscript numbers in the text, a numbered list under a final "Notes" heading;
publications/body.py). The result still goes through the body's sanitiser when it is saved.

The editor has no images in a body, so an inline image or a gallery becomes a link to the
image file (the first image of a post usually becomes its hero image instead). Every change of
that kind, and whatever could not be converted, is listed in the item's notes for the report.
"""

import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape, unescape
from urllib.parse import urlsplit

from django.utils.html import strip_tags

TITLE_LENGTH = 255

BLOCK = (
    r"(?:table|thead|tfoot|caption|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|blockquote|"
    r"address|p|h[1-6]|hr|fieldset|legend|section|article|aside|header|footer|nav|figure|figcaption|"
    r"details|summary)"
)
CONTAINERS = r"(?:blockquote|div|section|article|aside|figure|details)"
_GUTENBERG = re.compile(r"<!--\s*/?wp:.*?-->", re.S)
_MORE = re.compile(r"<!--\s*(?:more|nextpage|noteaser).*?-->", re.S)
_CAPTION = re.compile(r"\[caption([^\]]*)\](.*?)\[/caption\]", re.S | re.I)
_GALLERY = re.compile(r"\[gallery([^\]]*)\]", re.I)
_EMBED = re.compile(r"\[embed[^\]]*\](.*?)\[/embed\]", re.S | re.I)
_MEDIA = re.compile(r"\[(video|audio|pdf-embedder|pdf)\b([^\]]*)\](?:.*?\[/\1\])?", re.S | re.I)
_FOOTNOTE_CODES = re.compile(r"\[(footnote|efn_note|ref|fn)(?:\s[^\]]*)?\](.*?)\[/\1\]", re.S | re.I)
_DOUBLE_PARENS = re.compile(r"\(\((.+?)\)\)", re.S)
_GUTENBERG_NOTE = re.compile(r"<sup\b[^>]*\bdata-fn=\"([^\"]+)\"[^>]*>.*?</sup>", re.S)
_LINKED_IMAGE = re.compile(r"<a\b[^>]*>\s*(<img\b[^>]*>)\s*</a>", re.S | re.I)
_IMAGE = re.compile(r"<img\b[^>]*>", re.I)
_IFRAME = re.compile(r"<iframe\b([^>]*)>.*?</iframe>", re.S | re.I)
_PAIRED_CODE = re.compile(r"\[([a-zA-Z][\w-]*)\b[^\]]*\](.*?)\[/\1\]", re.S)
_LONE_CODE = re.compile(r"\[([a-zA-Z][\w-]*)(?:\s+[^\]]*=[^\]]*|\s*/)\]")
_HREF = re.compile(r"(<a\b[^>]*\bhref=)([\"'])(.*?)\2", re.S | re.I)
_BARE_URL = re.compile(r"^[ \t]*(https?://[^\s<>\"]+)[ \t]*$", re.M)
_UNSAFE = re.compile(r"<(script|style|form|object|embed|video|audio|input|button|svg)\b", re.I)


def attribute(attrs: str, name: str) -> str:
    match = re.search(rf"\b{name}\s*=\s*([\"'])(.*?)\1", attrs, re.S | re.I)
    return unescape(match.group(2)) if match else ""


def plain(html: str) -> str:
    """Text without tags or entities, its whitespace collapsed (titles, summaries, names)."""
    text = strip_tags(re.sub(r"<[^>]*>", " ", html or ""))
    # Titles are often escaped twice by the time they reach an export ("&amp;#8217;").
    for _ in range(2):
        text = unescape(text)
    return " ".join(text.split())


def clean_title(raw: str, fallback: str) -> tuple[str, list[str]]:
    """A title as plain text within the field's length, and what was done to it."""
    notes = []
    title = plain(raw)
    if title != (raw or "").strip():
        notes.append("title: HTML and entities turned into plain text")
    if not title:
        title = fallback
        notes.append(f'no title: named "{fallback}"')
    if len(title) > TITLE_LENGTH:
        title = title[: TITLE_LENGTH - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"
        notes.append(f"title shortened to {TITLE_LENGTH} characters")
    return title, notes


@dataclass
class Image:
    url: str
    alt: str = ""
    caption: str = ""


@dataclass
class Links:
    """What the cleaner asks of the import: where an uploaded file now is (None when it was not
    imported), a site address made local, and the images of a gallery."""

    file_url: Callable[[str], str | None]
    local: Callable[[str], str]
    gallery: Callable[[list[str]], list[Image]]


@dataclass
class Cleaned:
    html: str
    notes: list[str] = field(default_factory=list)


class _Cleaner:
    def __init__(self, links: Links):
        self.links = links
        self.done: Counter = Counter()
        self.notes: list[str] = []
        self.footnotes: list[str] = []

    def image_link(self, image: Image, block: bool) -> str:
        new_url = self.links.file_url(image.url)
        if new_url is None:
            self.done["inline image kept as a link to its old address (file not imported)"] += 1
        else:
            self.done["inline image kept as a link to its file (bodies have no images)"] += 1
        url = new_url or image.url
        label = image.alt or image.caption or url.rstrip("/").rsplit("/", 1)[-1] or "Image"
        link = f'<a href="{escape(url)}">{escape(label)}</a>'
        if not block:
            return link
        caption = f"\n\n<p><em>{escape(image.caption)}</em></p>" if image.caption not in {"", label} else ""
        return f"\n\n<p>{link}</p>{caption}\n\n"

    def caption(self, match: re.Match) -> str:
        attrs, inner = match.group(1), match.group(2)
        image = _IMAGE.search(inner)
        caption = plain(_IMAGE.sub("", _LINKED_IMAGE.sub("", inner))) or plain(attribute(attrs, "caption"))
        if not image:
            return f"\n\n<p>{escape(caption)}</p>\n\n" if caption else ""
        tag = image.group(0)
        return self.image_link(Image(attribute(tag, "src"), attribute(tag, "alt"), caption), block=True)

    def gallery(self, match: re.Match) -> str:
        ids = [part.strip() for part in attribute(match.group(1), "ids").split(",") if part.strip()]
        images = self.links.gallery(ids)
        if not images:
            self.done["gallery with no image found in the export: removed"] += 1
            return ""
        self.done["gallery kept as a list of links to its images"] += 1
        items = "".join(
            f"<li>{self.image_link(image, block=False)}"
            + (f" {escape(image.caption)}" if image.caption and image.caption != image.alt else "")
            + "</li>"
            for image in images
        )
        return f"\n\n<ul>{items}</ul>\n\n"

    def embed_link(self, url: str, what: str) -> str:
        url = url.strip()
        if not url:
            return ""
        self.done[f"{what} kept as a link"] += 1
        target = self.links.file_url(url) or self.links.local(url)
        return f'\n\n<p><a href="{escape(target)}">{escape(url)}</a></p>\n\n'

    def media(self, match: re.Match) -> str:
        attrs = match.group(2)
        url = next(
            (
                attribute(attrs, name)
                for name in ("src", "url", "mp4", "mp3", "webm")
                if attribute(attrs, name)
            ),
            "",
        )
        return self.embed_link(url, f"[{match.group(1).lower()}]")

    def iframe(self, match: re.Match) -> str:
        return self.embed_link(attribute(match.group(1), "src"), "embedded frame (<iframe>)")

    def note(self, text: str) -> str:
        self.footnotes.append(text.strip())
        return f"<sup>{len(self.footnotes)}</sup>"

    def href(self, match: re.Match) -> str:
        url = unescape(match.group(3))
        new = self.links.file_url(url) or self.links.local(url)
        return f'{match.group(1)}"{escape(new)}"'

    def unknown_code(self, match: re.Match, keep_inner: bool) -> str:
        self.done[
            f"shortcode [{match.group(1)}] not converted: removed" + (", its text kept" * keep_inner)
        ] += 1
        return match.group(2) if keep_inner else ""

    def clean(self, content: str, footnotes_meta: str = "") -> Cleaned:
        html = (content or "").replace("\r\n", "\n").replace("\r", "\n")
        blocks = len(_GUTENBERG.findall(html))
        if blocks:
            self.done["Gutenberg block comments removed"] += blocks
        html = _MORE.sub("", _GUTENBERG.sub("", html))
        # Footnotes first: their text may hold links and shortcodes of its own.
        notes_by_id = _gutenberg_notes(footnotes_meta)
        html = _GUTENBERG_NOTE.sub(lambda m: self.note(notes_by_id.get(m.group(1), "")), html)
        html = _FOOTNOTE_CODES.sub(lambda m: self.note(m.group(2)), html)
        html = _DOUBLE_PARENS.sub(lambda m: self.note(m.group(1)), html)
        if self.footnotes:
            self.done["footnotes turned into numbered notes"] += len(self.footnotes)
        html = _CAPTION.sub(self.caption, html)
        html = _GALLERY.sub(self.gallery, html)
        html = _EMBED.sub(lambda m: self.embed_link(m.group(1), "[embed]"), html)
        html = _MEDIA.sub(self.media, html)
        html = _IFRAME.sub(self.iframe, html)
        html = _LINKED_IMAGE.sub(lambda m: self._inline_image(m.group(1)), html)
        html = _IMAGE.sub(lambda m: self._inline_image(m.group(0)), html)
        while _PAIRED_CODE.search(html):
            html = _PAIRED_CODE.sub(lambda m: self.unknown_code(m, keep_inner=True), html)
        html = _LONE_CODE.sub(lambda m: self.unknown_code(m, keep_inner=False), html)
        html = _HREF.sub(self.href, html)
        html = _BARE_URL.sub(lambda m: self.embed_link(m.group(1), "embedded address (oEmbed)"), html)
        html = _normalise_tags(html)
        if self.footnotes:
            items = "".join(f"<li><p>{note}</p></li>" for note in self.footnotes)
            html += f"\n\n<h2>Notes</h2>\n\n<ol>{items}</ol>"
        for tag, count in Counter(m.lower() for m in _UNSAFE.findall(html)).items():
            self.done[f"<{tag}> removed (not allowed in a body)"] += count
        notes = [f"{what} ({count})" if count > 1 else what for what, count in self.done.items()]
        return Cleaned(html=autop(html), notes=notes)

    def _inline_image(self, tag: str) -> str:
        return self.image_link(Image(attribute(tag, "src"), attribute(tag, "alt")), block=False)


def _gutenberg_notes(meta: str) -> dict[str, str]:
    """WordPress 6.3's own footnotes keep their text in the post's ``footnotes`` meta (JSON)."""
    try:
        notes = json.loads(meta) if meta else []
    except ValueError:
        return {}
    return {note.get("id", ""): note.get("content", "") for note in notes if isinstance(note, dict)}


def _normalise_tags(html: str) -> str:
    """Tags the editor writes otherwise: ``<b>`` is ``<strong>``, level 1 and 5–6 headings are
    levels 2 and 4; wrappers (``<div>``, ``<figure>``) become paragraph breaks."""
    html = re.sub(r"<(/?)b\b([^>]*)>", r"<\1strong>", html, flags=re.I)
    html = re.sub(r"<(/?)i\b([^>]*)>", r"<\1em>", html, flags=re.I)
    html = re.sub(r"<(/?)h1\b[^>]*>", r"<\1h2>", html, flags=re.I)
    html = re.sub(r"<(/?)h[56]\b[^>]*>", r"<\1h4>", html, flags=re.I)
    html = re.sub(r"<figcaption\b[^>]*>(.*?)</figcaption>", r"\n\n<p>\1</p>\n\n", html, flags=re.S | re.I)
    return re.sub(r"</?(?:div|figure|section|article)\b[^>]*>", "\n\n", html, flags=re.I)


def autop(text: str) -> str:
    """WordPress's ``wpautop``, in short: blank lines separate paragraphs, a single line break
    inside one is a ``<br>``; block elements are left as they are."""
    text = re.sub(rf"(<{BLOCK}[\s/>])", r"\n\n\1", text, flags=re.I)
    text = re.sub(rf"(</{BLOCK}>)", r"\1\n\n", text, flags=re.I)
    out = []
    for chunk in re.split(r"\n\s*\n", text):
        chunk = chunk.strip()
        if not chunk:
            continue
        opener = re.match(rf"^((?:<{CONTAINERS}\b[^>]*>\s*)+)(.+)$", chunk, re.S | re.I)
        if opener and not re.match(rf"<{BLOCK}[\s/>]", opener.group(2), re.I):
            out.append(opener.group(1) + _paragraph(opener.group(2)))
        elif re.match(rf"</?{BLOCK}[\s/>]", chunk, re.I):
            out.append(chunk)
        else:
            out.append(_paragraph(chunk))
    return "\n".join(out)


def _paragraph(chunk: str) -> str:
    closers = re.match(rf"^(.*?)((?:\s*</{BLOCK}>)+)$", chunk, re.S | re.I)
    text, tail = (closers.group(1), closers.group(2).strip()) if closers else (chunk, "")
    text = re.sub(r"\s*\n\s*", "<br>\n", text.strip())
    return (f"<p>{text}</p>" if text else "") + tail


def clean_body(content: str, links: Links, footnotes_meta: str = "") -> Cleaned:
    return _Cleaner(links).clean(content, footnotes_meta)


def host_of(url: str) -> str:
    return urlsplit(url).netloc.lower().removeprefix("www.")
