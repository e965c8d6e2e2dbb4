"""The body editor's own nodes (django-prose-editor), for its ``DJANGO_PROSE_EDITOR_EXTENSIONS``
setting: the script that defines each and what it adds to the allow-list that cleans what the
editor sends."""

from django.templatetags.static import static
from django.utils.functional import lazy


def video_allowlist(config, allowed) -> None:
    """The "Video" node makes an iframe; which sites it may show is decided when the body is
    cleaned (publications/figures.py)."""
    allowed["tags"].add("iframe")
    allowed["attributes"].setdefault("iframe", set()).update({"src", "title"})


EXTENSIONS = [{"js": [lazy(static, str)("js/prose-video.js")], "extensions": {"Video": video_allowlist}}]
