"""The first pass over an export: everything a post may refer to that can come after it in the
file (its featured image, its guest authors, its categories' parents), kept small: no post
content is held, so a file of any size fits."""

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from . import wxr
from .cleaning import host_of, plain

# A resized copy of an upload: "chart-300x200.png" is a size of "chart.png".
_SIZE = re.compile(r"-\d+x\d+(?=\.\w+$)")
UPLOADS = "/wp-content/uploads/"


@dataclass
class Attachment:
    wp_id: str
    url: str
    file: str  # _wp_attached_file, relative to wp-content/uploads
    title: str = ""
    alt: str = ""
    caption: str = ""
    parent: str = ""
    mime: str = ""

    @property
    def is_pdf(self) -> bool:
        return self.mime == "application/pdf" or self.file.lower().endswith(".pdf")

    @property
    def is_image(self) -> bool:
        return self.mime.startswith("image/") or bool(re.search(r"\.(jpe?g|png|gif|webp)$", self.file, re.I))


@dataclass
class Person:
    key: str  # "user:<login>" or "guest:<login>"
    name: str
    bio: str = ""
    website: str = ""


@dataclass
class Index:
    version: str = ""
    sites: list[str] = field(default_factory=list)
    users: dict[str, Person] = field(default_factory=dict)
    guests: dict[str, Person] = field(default_factory=dict)
    categories: dict[str, dict] = field(default_factory=dict)
    attachments: dict[str, Attachment] = field(default_factory=dict)
    by_path: dict[str, str] = field(default_factory=dict)
    children: dict[str, list[str]] = field(default_factory=dict)
    items: int = 0
    error: str = ""

    @property
    def site(self) -> str:
        """The site's identity, the key of everything imported from it: host and path."""
        if not self.sites:
            return "unknown"
        parts = urlsplit(self.sites[0])
        return (parts.netloc.lower().removeprefix("www.") + parts.path.rstrip("/")) or "unknown"

    @property
    def hosts(self) -> set[str]:
        return {host_of(url) for url in self.sites if host_of(url)}

    def upload_path(self, url: str) -> str | None:
        """The path below wp-content/uploads of an address on this site, or None."""
        parts = urlsplit(url)
        if parts.netloc and host_of(url) not in self.hosts:
            return None
        path = unquote(parts.path)
        if UPLOADS not in path:
            return None
        return path.split(UPLOADS, 1)[1]

    def attachment_for_url(self, url: str) -> Attachment | None:
        path = self.upload_path(url)
        if path is None:
            return None
        wp_id = self.by_path.get(path) or self.by_path.get(_SIZE.sub("", path))
        return self.attachments.get(wp_id) if wp_id else None


def _person_from_user(values: dict) -> Person:
    login = values.get("wp:author_login", "")
    full = " ".join(
        part for part in (values.get("wp:author_first_name"), values.get("wp:author_last_name")) if part
    )
    return Person(key=f"user:{login}", name=plain(values.get("wp:author_display_name") or full or login))


def _person_from_guest(item: wxr.Item) -> Person:
    meta = item.meta
    login = meta.get("cap-user_login") or item.get("wp:post_name").removeprefix("cap-")
    full = " ".join(part for part in (meta.get("cap-first_name"), meta.get("cap-last_name")) if part)
    return Person(
        key=f"guest:{login}",
        name=plain(meta.get("cap-display_name") or full or item.get("title") or login),
        bio=plain(meta.get("cap-description", "")),
        website=meta.get("cap-website", ""),
    )


def build(path: Path) -> Index:
    """Read the whole export once. A file that is not an export at all raises ``ExportError``;
    one cut short keeps what came before, with ``error`` saying where it stopped."""
    index = Index()
    try:
        for kind, value in wxr.read(path):
            if kind == "version":
                index.version = value
            elif kind == "site":
                index.sites.append(value)
            elif kind == "wp:author":
                person = _person_from_user(value)
                index.users[value.get("wp:author_login", "")] = person
            elif kind == "wp:category":
                index.categories[value.get("wp:category_nicename", "")] = value
            elif kind == "item":
                _add_item(index, value)
    except wxr.ExportError as error:
        if not index.version:
            raise
        index.error = str(error)
    return index


def _add_item(index: Index, item: wxr.Item) -> None:
    index.items += 1
    if item.post_type == "guest-author":
        person = _person_from_guest(item)
        index.guests[person.key.split(":", 1)[1]] = person
    elif item.post_type == "attachment":
        attachment = Attachment(
            wp_id=item.post_id,
            url=item.get("wp:attachment_url") or item.get("guid"),
            file=item.meta.get("_wp_attached_file", ""),
            title=plain(item.get("title")),
            alt=plain(item.meta.get("_wp_attachment_image_alt", "")),
            caption=plain(item.get("excerpt:encoded")),
            parent=item.get("wp:post_parent"),
            mime=item.get("wp:post_mime_type"),
        )
        if not attachment.file:
            attachment.file = index.upload_path(attachment.url) or ""
        index.attachments[attachment.wp_id] = attachment
        if attachment.file:
            index.by_path[attachment.file] = attachment.wp_id
        if attachment.parent and attachment.parent != "0":
            index.children.setdefault(attachment.parent, []).append(attachment.wp_id)
