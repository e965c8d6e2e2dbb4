"""Reading a WordPress export (WXR 1.0 to 1.2) as a stream, one item at a time.

An export can run to hundreds of megabytes, so it is never held whole: ``read`` yields each
child of ``<channel>`` as it ends and then drops it. It is XML from outside, so nothing in it
is trusted: a document type declaration (the way in for entity expansion bombs and external
entities) is refused before parsing starts, and the parser itself resolves no entity, loads
no DTD, reaches nothing on the network and keeps lxml's limits on huge text nodes and depth.
"""

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

from django.utils import timezone
from lxml import etree

from .cleaning import plain

WORDPRESS_NS = "http://wordpress.org/export/"
PREFIXES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://wellformedweb.org/CommentAPI/": "wfw",
}
# How far into the file the root element must start (after the XML declaration and comments).
PROLOG_BYTES = 64 * 1024
CHANNEL_PARTS = {"wp:author", "wp:category", "wp:tag", "wp:term", "item"}
SKIPPED_STATUSES = {
    "trash": "in the trash",
    "auto-draft": "an empty automatic draft",
    "inherit": "a revision",
}


class ExportError(Exception):
    """The file cannot be read as a WordPress export (or no further): the message says why."""


@dataclass
class Item:
    """One ``<item>``: a post, page, attachment or any custom post type."""

    fields: dict[str, str] = field(default_factory=dict)
    # (domain, nicename, text) of each <category>: categories, tags, Co-Authors Plus bylines…
    terms: list[tuple[str, str, str]] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    checksum: str = ""

    def get(self, name: str, default: str = "") -> str:
        return self.fields.get(name) or default

    @property
    def post_id(self) -> str:
        return self.get("wp:post_id")

    @property
    def post_type(self) -> str:
        return self.get("wp:post_type", "post")

    @property
    def status(self) -> str:
        return self.get("wp:status")

    @property
    def label(self) -> str:
        """How the report names the item: ``post 12 "Its title"``."""
        title = plain(self.get("title"))[:60] or "(no title)"
        return f'{self.post_type} {self.post_id or "?"} "{title}"'

    def date(self, gmt_field: str = "wp:post_date_gmt", local_field: str = "wp:post_date") -> datetime | None:
        """A WordPress date: the GMT one, else the site's local one (read in our time zone), else
        the RSS date. Drafts carry "0000-00-00 00:00:00", which is no date."""
        for name, aware in ((gmt_field, True), (local_field, False)):
            value = self.get(name)
            if value and not value.startswith("0000"):
                try:
                    moment = datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
                except ValueError:
                    continue
                return moment.replace(tzinfo=UTC) if aware else timezone.make_aware(moment)
        try:
            return parsedate_to_datetime(self.get("pubDate")) if self.get("pubDate") else None
        except (TypeError, ValueError):
            return None


def _name(tag) -> str:
    """``{http://wordpress.org/export/1.2/}post_id`` -> ``wp:post_id``, whatever the WXR version."""
    if not isinstance(tag, str):  # comments and processing instructions
        return ""
    qname = etree.QName(tag)
    namespace = qname.namespace or ""
    if namespace.startswith(WORDPRESS_NS):
        prefix = "excerpt" if namespace.rstrip("/").endswith("excerpt") else "wp"
    else:
        prefix = PREFIXES.get(namespace, "")
    return f"{prefix}:{qname.localname}" if prefix else qname.localname


def check_prolog(path: Path) -> None:
    """Refuse, before parsing, a file that is not XML with an ``<rss>`` root, or that declares
    a document type (and with it entities)."""
    with open(path, "rb") as source:
        head = source.read(PROLOG_BYTES).decode("utf-8", errors="replace").lstrip("\ufeff")
    position = 0
    while True:
        while position < len(head) and head[position].isspace():
            position += 1
        rest = head[position:]
        if rest.startswith("<?"):
            end, closer = head.find("?>", position), "?>"
        elif rest.startswith("<!--"):
            end, closer = head.find("-->", position), "-->"
        elif rest[:9].upper() in {"<!DOCTYPE", "<!ENTITY "}:
            raise ExportError(
                "The file declares a document type (<!DOCTYPE>), which a WordPress export never does; "
                "it is refused because entities declared there can expand without limit or read "
                "other files."
            )
        elif rest.startswith("<"):
            root = rest[1:].split(None, 1)[0].split(">", 1)[0].split("/", 1)[0] if len(rest) > 1 else ""
            if root != "rss":
                raise ExportError(
                    f"This is not a WordPress export: its root element is <{root}>, not <rss>. "
                    "Export from WordPress under Tools → Export."
                )
            return
        else:
            raise ExportError("This is not a WordPress export (WXR): it does not start as XML.")
        if end < 0:
            raise ExportError("This is not a WordPress export (WXR): its start is not well-formed XML.")
        position = end + len(closer)


def _text(element) -> str:
    return (element.text or "").strip() if element.text else ""


def _item(element) -> Item:
    item = Item(checksum=hashlib.sha256(etree.tostring(element)).hexdigest())
    for child in element:
        name = _name(child.tag)
        if name == "category":
            item.terms.append((child.get("domain", ""), child.get("nicename", ""), _text(child)))
        elif name == "wp:postmeta":
            values = {_name(part.tag): part.text or "" for part in child}
            item.meta[values.get("wp:meta_key", "")] = values.get("wp:meta_value", "")
        elif name and name != "wp:comment":
            # Content keeps its own whitespace (wpautop reads the line breaks).
            item.fields[name] = (child.text or "") if name == "content:encoded" else _text(child)
    return item


def _simple(element) -> dict[str, str]:
    return {_name(child.tag): _text(child) for child in element}


def read(path: Path) -> Iterator[tuple[str, object]]:
    """Yield ``(kind, value)`` for each part of the channel, in file order:
    ``("version", "1.2")``, ``("site", "https://example.org")``, ``("wp:author", {...})``,
    ``("wp:category", {...})``, ``("wp:tag", {...})``, ``("wp:term", {...})``, ``("item", Item)``.

    Raises ``ExportError`` for a file that is not a WordPress export or stops being readable
    (cut short, not well-formed): whatever was yielded before stays good."""
    check_prolog(path)
    with open(path, "rb") as source:
        version = yield from _parts(source)
    if version is None:
        raise ExportError("This is not a WordPress export (WXR): it has no <channel> with <wp:wxr_version>.")


def _parts(source) -> Iterator[tuple[str, object]]:
    events = etree.iterparse(
        source,
        events=("end",),
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    version = None
    try:
        for _, element in events:
            parent = element.getparent()
            if parent is None or parent.tag != "channel":
                continue
            name = _name(element.tag)
            if name == "wp:wxr_version":
                version = _text(element)
                yield "version", version
            elif name in {"wp:base_site_url", "wp:base_blog_url"}:
                yield "site", _text(element)
            elif name in CHANNEL_PARTS:
                if version is None:
                    raise ExportError(
                        "This is an RSS feed, not a WordPress export: it has no <wp:wxr_version>. "
                        "Export from WordPress under Tools → Export."
                    )
                yield name, _item(element) if name == "item" else _simple(element)
            # Done with it: drop it and everything before it, so memory stays flat.
            element.clear()
            while element.getprevious() is not None:
                del parent[0]
    except etree.XMLSyntaxError as error:
        raise ExportError(
            f"The file stops being readable XML at line {error.lineno}: {error.msg}. It may be cut "
            "short (an interrupted download or export) or contain an entity it does not define."
        ) from None
    return version
