"""Recordings: YouTube and Vimeo addresses as their no-cookie embeds."""

import re
from urllib.parse import parse_qs, urlsplit

YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{6,20}")
VIMEO_ID = re.compile(r"\d{5,12}")


def embed_url(url: str) -> str:
    """The privacy-enhanced embed address for a YouTube or Vimeo video, or "" for anything else
    (which the page shows as a plain link)."""
    if not url:
        return ""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
    video = ""
    if host in {"youtube.com", "youtube-nocookie.com"}:
        if parts.path == "/watch":
            video = parse_qs(parts.query).get("v", [""])[0]
        elif parts.path.startswith(("/embed/", "/live/")):
            video = parts.path.split("/")[2]
    elif host == "youtu.be":
        video = parts.path.lstrip("/")
    if video and YOUTUBE_ID.fullmatch(video):
        return f"https://www.youtube-nocookie.com/embed/{video}"
    if host in {"vimeo.com", "player.vimeo.com"}:
        number = parts.path.rstrip("/").rsplit("/", 1)[-1]
        if VIMEO_ID.fullmatch(number):
            return f"https://player.vimeo.com/video/{number}?dnt=1"
    return ""
