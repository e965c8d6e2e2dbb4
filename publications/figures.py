"""Figures and videos in a publication's body.

An image is stored as the editor makes it, ``<figure><img src alt data-file="12">
<figcaption>…</figcaption></figure>``: the ``data-file`` number names the image in the media
library (library.py), the alt text and caption belong to this use of it. The page is given the
library's resized copies, credit and data download when it is shown (``for_reading``), so the
stored text never holds an address that may change.

A video is an ``<iframe>`` of YouTube or Vimeo. Whatever address an editor pastes becomes the
privacy-friendly player (youtube-nocookie.com; Vimeo with ``dnt=1``); an iframe of any other
site is removed. These are the only hosts the CSP lets the page frame (``frame-src``).

All of it runs on nh3's canonical output (quoted attributes, lower-case tags), which is what
keeps the patterns below exact.
"""

import re
from html import escape, unescape
from urllib.parse import parse_qs, urlsplit

from django.template.defaultfilters import filesizeformat

VIDEO_HOSTS = ("https://www.youtube-nocookie.com", "https://player.vimeo.com")
# How wide a body figure shows (site.css: the text's measure, 40rem, less nothing; the page's
# side padding on a phone), for the browser to pick from ``srcset`` before layout.
BODY_SIZES = "(min-width: 42.5rem) 40rem, calc(100vw - 2.5rem)"
BODY_WIDTHS = (480, 800, 1200, 1600)

_ATTRIBUTE = re.compile(r'([a-z][a-z0-9-]*)="([^"]*)"')
_IFRAME = re.compile(r"<iframe((?:\s+[a-z][a-z0-9-]*=\"[^\"]*\")*)\s*>.*?</iframe>", re.S)
_FIGURE = re.compile(r"<figure(?:\s[^>]*)?>(.*?)</figure>", re.S)
_IMG = re.compile(r"<img((?:\s+[a-z][a-z0-9-]*=\"[^\"]*\")*)\s*/?>")
_FIGURE_OR_IMG = re.compile(f"{_FIGURE.pattern}|{_IMG.pattern}", re.S)
_FIGCAPTION = re.compile(r"<figcaption>(.*?)</figcaption>", re.S)
_YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")


def attributes(text: str) -> dict[str, str]:
    return {name: unescape(value) for name, value in _ATTRIBUTE.findall(text)}


def video_src(url: str) -> str | None:
    """The privacy-friendly player address for a YouTube or Vimeo link, or None for anything
    else (another site, a channel, a malformed address)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme not in {"http", "https"}:
        return None
    host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
    path = [part for part in parts.path.split("/") if part]
    query = parse_qs(parts.query)
    video = None
    if host in {"youtube.com", "youtube-nocookie.com"}:
        if path[:1] == ["watch"]:
            video = (query.get("v") or [""])[0]
        elif len(path) >= 2 and path[0] in {"embed", "shorts", "live"}:
            video = path[1]
    elif host == "youtu.be" and path:
        video = path[0]
    if video is not None:
        if not _YOUTUBE_ID.fullmatch(video):
            return None
        start = (query.get("start") or query.get("t") or [""])[0].rstrip("s")
        return f"{VIDEO_HOSTS[0]}/embed/{video}" + (f"?start={start}" if start.isdigit() else "")
    if host in {"vimeo.com", "player.vimeo.com"}:
        numbers = [part for part in path if part.isdigit()]
        if not numbers:
            return None
        unlisted = (query.get("h") or [""])[0] or next(
            (part for part in path[path.index(numbers[0]) + 1 :] if re.fullmatch(r"[0-9a-f]{6,20}", part)),
            "",
        )
        extra = f"&h={unlisted}" if re.fullmatch(r"[0-9a-f]{6,20}", unlisted) else ""
        return f"{VIDEO_HOSTS[1]}/video/{numbers[0]}?dnt=1{extra}"
    return None


def clean_videos(html: str) -> str:
    """Every iframe as the privacy-friendly player with its title, or gone if it is not a video
    of YouTube or Vimeo."""

    def video(match: re.Match) -> str:
        attrs = attributes(match.group(1))
        src = video_src(attrs.get("src", ""))
        if src is None:
            return ""
        title = attrs.get("title", "").strip() or "Video"
        return f'<iframe src="{escape(src)}" title="{escape(title)}"></iframe>'

    return _IFRAME.sub(video, html)


def render_videos(html: str) -> str:
    """Each (clean) iframe as the page shows it: lazily loaded, in a frame of its own."""

    def video(match: re.Match) -> str:
        attrs = attributes(match.group(1))
        return (
            f'<figure class="body-video"><iframe src="{escape(attrs["src"])}" '
            f'title="{escape(attrs["title"])}" loading="lazy" allowfullscreen '
            'allow="fullscreen; picture-in-picture; encrypted-media" '
            'referrerpolicy="strict-origin-when-cross-origin"></iframe></figure>'
        )

    return _IFRAME.sub(video, html)


def image_ids(html: str) -> list[int]:
    """The media library's images a body shows, in order, each once."""
    found = []
    for match in _IMG.finditer(html):
        number = attributes(match.group(1)).get("data-file", "")
        if number.isdigit() and int(number) not in found:
            found.append(int(number))
    return found


def images_without_alt(html: str) -> int:
    return sum(1 for match in _IMG.finditer(html) if not attributes(match.group(1)).get("alt", "").strip())


def images_not_in_library(html: str) -> int:
    return sum(1 for match in _IMG.finditer(html) if not attributes(match.group(1)).get("data-file"))


def for_reading(html: str, images: dict, url=None) -> str:
    """``html`` with each figure as the page shows it: the library image's resized copies
    (``srcset``, ``sizes``, lazy loading, its size), the alt text and caption of this use, the
    image's credit and, for a chart, its data to download. An image not in ``images`` (deleted,
    or never from the library) is left out. ``url`` turns a stored file name into an address
    (the storage's own by default; a preview link routes them through itself)."""

    def figure(inner: str) -> str:
        img = _IMG.search(inner)
        if img is None:
            return ""
        attrs = attributes(img.group(1))
        number = attrs.get("data-file", "")
        image = images.get(int(number)) if number.isdigit() else None
        if image is None:
            return ""
        caption = _FIGCAPTION.search(inner)
        return image_figure(
            image, alt=attrs.get("alt", ""), caption=caption.group(1) if caption else "", url=url
        )

    # A figure, or an image the editor left outside one.
    return _FIGURE_OR_IMG.sub(lambda match: figure(match.group(1) or match.group(0)), html)


def image_figure(image, *, alt: str, caption: str, url=None) -> str:
    storage = image.image.storage
    address = url or storage.url
    renditions = image.renditions or {}
    candidates = [(address(copy["name"]), copy["width"]) for copy in renditions.get("sizes", [])]
    width, height = renditions.get("width"), renditions.get("height")
    if width and width <= BODY_WIDTHS[-1]:
        candidates.append((address(image.image.name), width))
    src = next((u for u, w in candidates if w >= BODY_WIDTHS[1]), None) or (
        candidates[-1][0] if candidates else address(image.image.name)
    )
    parts = [f'<img src="{escape(src)}" alt="{escape(alt)}" loading="lazy" decoding="async"']
    if candidates:
        parts.append(f' srcset="{escape(", ".join(f"{u} {w}w" for u, w in candidates))}"')
        parts.append(f' sizes="{BODY_SIZES}"')
    if width and height:
        parts.append(f' width="{width}" height="{height}"')
    parts.append(">")
    notes = [caption.strip()] if caption.strip() else []
    if image.credit:
        notes.append(f"<small>{escape(image.credit)}</small>")
    if image.data_file:
        kind = image.data_file.name.rsplit(".", 1)[-1].upper()
        size = f", {filesizeformat(image.data_size)}" if image.data_size else ""
        notes.append(
            f'<a class="data-download" href="{escape(address(image.data_file.name))}" download>'
            f"Download the data ({kind}{size})</a>"
        )
    figcaption = f"<figcaption>{' '.join(notes)}</figcaption>" if notes else ""
    return f'<figure class="body-figure">{"".join(parts)}{figcaption}</figure>'
