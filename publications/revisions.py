"""Revisions of publications (django-reversion) and a readable comparison of two of them.

One revision holds the publication together with its byline (authorships) and its tags, so
restoring one brings all three back as they were. The search vector is left out: it is
derived, and rebuilt on the save that completes a restore.
"""

import difflib
import re
from dataclasses import dataclass, field
from html import unescape

import reversion
from django.contrib.contenttypes.models import ContentType
from django.utils import formats, timezone
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe
from reversion.models import Version
from taggit.models import Tag, TaggedItem

from authors.models import Author
from regions.models import Region
from research_areas.models import ResearchArea
from series.models import Series

from . import workflow
from .models import SEARCH_FIELDS, Authorship, Publication, PublicationType


def register() -> None:
    if not reversion.is_registered(Publication):
        reversion.register(Publication, follow=["authorships", "tagged_items"], exclude=list(SEARCH_FIELDS))
    for model in (Authorship, TaggedItem):
        if not reversion.is_registered(model):
            reversion.register(model)


def versions_of(publication: Publication):
    """Every saved version of ``publication``, newest first, with who saved it."""
    return (
        Version.objects.get_for_object(publication)
        .select_related("revision__user")
        .order_by("-revision__date_created", "-pk")
    )


def saved(version: Version) -> str:
    """When a version was saved, and by whom: "Nov. 26, 2026, 14:05 EST by Eve"."""
    revision = version.revision
    by = f" by {workflow.who(revision.user)}" if revision.user else ""
    return workflow.moment(revision.date_created) + by


# Comparing -------------------------------------------------------------------------------


@dataclass
class Row:
    before: SafeString
    after: SafeString
    heading: bool = False


@dataclass
class FieldChange:
    label: str
    rows: list[Row] = field(default_factory=list)


_TOKENS = re.compile(r"\s+|\w+|[^\w\s]")
_BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|blockquote|tr|caption)>|<br\s*/?>|<hr\s*/?>|</t[dh]>")
_HEADING_START = re.compile(r"<h[1-6][^>]*>")


def _marked(tokens: list[str], tag: str) -> str:
    text = escape("".join(tokens))
    return f"<{tag}>{text}</{tag}>" if text else ""


def _opcodes(old: list[str], new: list[str]) -> list[tuple]:
    """difflib's opcodes, with a lone space between two changes made part of the change, so
    "in Trouble" → "Under Pressure" reads as one replacement rather than two."""
    merged: list[list] = []
    opcodes = difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes()
    for index, (op, i1, i2, j1, j2) in enumerate(opcodes):
        only_space = op == "equal" and not "".join(old[i1:i2]).strip()
        if only_space and 0 < index < len(opcodes) - 1:
            op = "replace"
        if merged and op != "equal" and merged[-1][0] != "equal":
            merged[-1][2], merged[-1][4] = i2, j2
            merged[-1][0] = "replace"
        else:
            merged.append([op, i1, i2, j1, j2])
    return [tuple(opcode) for opcode in merged]


def inline_diff(before: str, after: str) -> Row:
    """The two texts side by side, with removed words in ``<del>`` and added ones in ``<ins>``."""
    old, new = _TOKENS.findall(before), _TOKENS.findall(after)
    left, right = [], []
    for op, i1, i2, j1, j2 in _opcodes(old, new):
        if op == "equal":
            left.append(escape("".join(old[i1:i2])))
            right.append(escape("".join(new[j1:j2])))
        else:
            left.append(_marked(old[i1:i2], "del"))
            right.append(_marked(new[j1:j2], "ins"))
    return Row(mark_safe("".join(left)), mark_safe("".join(right)))  # every piece is escaped above


def blocks(html: str) -> list[tuple[bool, str]]:
    """The body as (is heading, text) per paragraph, heading, list item or table cell."""
    html = _HEADING_START.sub(lambda m: m.group(0) + "\x00", html or "")
    found = []
    for chunk in _BLOCK_END.sub("\n", html).split("\n"):
        text = " ".join(unescape(strip_tags(chunk)).split())
        heading = "\x00" in chunk
        text = text.replace("\x00", "").strip()
        if text:
            found.append((heading, text))
    return found


def body_diff(before: str, after: str) -> list[Row]:
    """Changed blocks of the body, each shown with its words marked; unchanged blocks left out."""
    old, new = blocks(before), blocks(after)
    rows = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        removed, added = old[i1:i2], new[j1:j2]
        for index in range(max(len(removed), len(added))):
            was = removed[index] if index < len(removed) else (False, "")
            now = added[index] if index < len(added) else (False, "")
            row = inline_diff(was[1], now[1])
            row.heading = was[0] or now[0]
            rows.append(row)
    return rows


def _plain(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if hasattr(value, "tzinfo"):
        return formats.date_format(timezone.localtime(value), "N j, Y, H:i T")
    return str(value)


def _names(model, ids, attribute="name") -> str:
    if not ids:
        return ""
    by_id = dict(model.objects.filter(pk__in=ids).values_list("pk", attribute))
    return ", ".join(by_id.get(pk, f"(deleted #{pk})") for pk in ids)


def _related_versions(version: Version, model) -> list[dict]:
    content_type = ContentType.objects.get_for_model(model)
    return [v.field_dict for v in version.revision.version_set.filter(content_type=content_type)]


def _byline(version: Version) -> str:
    rows = [
        row
        for row in _related_versions(version, Authorship)
        if str(row["publication_id"]) == version.object_id
    ]
    rows.sort(key=lambda row: (row["position"], row["id"]))
    return _names(Author, [row["author_id"] for row in rows])


def _tags(version: Version) -> str:
    publication_type = ContentType.objects.get_for_model(Publication)
    tag_ids = [
        row["tag_id"]
        for row in _related_versions(version, TaggedItem)
        if row["content_type_id"] == publication_type.pk and str(row["object_id"]) == version.object_id
    ]
    return ", ".join(sorted(_names(Tag, tag_ids).split(", "))) if tag_ids else ""


def _snapshot(version: Version) -> dict[str, str]:
    """A version as the plain text of each field an editor knows, in the form's order."""
    data = version.field_dict
    return {
        "Title": data["title"],
        "Slug": data["slug"],
        "Type": _names(PublicationType, [data["type_id"]] if data.get("type_id") else []),
        "Dek": data["dek"],
        "Authors": _byline(version),
        "Summary": data["summary"],
        "Body": data["body"],
        "Status": Publication.Status(data["status"]).label,
        "Publication date": _plain(data["published_at"]),
        "Featured": _plain(data["featured"]),
        "Research areas": _names(ResearchArea, sorted(data.get("areas", []))),
        "Regions": _names(Region, sorted(data.get("regions", []))),
        "Series": _names(Series, [data["series_id"]] if data.get("series_id") else []),
        "Tags": _tags(version),
        "Related publications": _names(Publication, data.get("related", []), "title"),
        "Hero image": str(data["hero_image"] or ""),
        "Hero image description": data["hero_alt"],
        "Hero caption": data["hero_caption"],
        "Hero credit": data["hero_credit"],
        "PDF": str(data["pdf"] or ""),
    }


def compare(older: Version, newer: Version) -> list[FieldChange]:
    """What changed from ``older`` to ``newer``, field by field; unchanged fields left out."""
    before, after = _snapshot(older), _snapshot(newer)
    changes = []
    for label, was in before.items():
        now = after[label]
        if was == now:
            continue
        if label == "Body":
            rows = body_diff(was, now)
            if not rows:
                continue
        else:
            rows = [inline_diff(was, now)]
        changes.append(FieldChange(label, rows))
    return changes
