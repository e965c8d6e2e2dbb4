"""A tiny plain-text markup for writing the demo bodies, turned into the HTML the
admin editor produces (see ``publications/body.py`` for the conventions).

Blocks are separated by blank lines:

- ``## Heading`` and ``### Heading`` become ``<h2>`` and ``<h3>``;
- a block whose lines all start with ``- `` is a bullet list, ``1. `` a numbered list;
- a block whose lines start with ``> `` is a pull quote;
- a block whose lines start with ``|`` is a table, the first row its header
  (a ``|---|`` separator row is skipped; a line not starting with ``|`` continues
  the row above);
- anything else is a paragraph.

Inline: ``[^3]`` is footnote reference 3 (``<sup>3</sup>``), ``*text*`` is italic,
``**text**`` bold and ``[text](https://…)`` a link. Notes go last, as a numbered
list under ``## Notes``.
"""

import re
from html import escape

_BULLET = re.compile(r"^- ")
_NUMBERED = re.compile(r"^\d+\. ")
_SEPARATOR = re.compile(r"^\|[\s|:-]+\|$")


def inline(text: str) -> str:
    text = escape(text, quote=False)
    text = re.sub(r"\[\^(\d+)\]", r"<sup>\1</sup>", text)
    text = re.sub(r"\[([^\]]+)\]\((https?://[^)\s]+)\)", r'<a href="\2">\1</a>', text)
    text = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", text)
    text = re.sub(r"\*(.+?)\*", r"<em>\1</em>", text)
    return text


def _list(tag: str, lines: list[str], marker: re.Pattern) -> str:
    items, current = [], None
    for line in lines:
        if marker.match(line):
            if current is not None:
                items.append(current)
            current = marker.sub("", line, count=1)
        else:  # a continuation line of the previous item
            current = f"{current} {line}"
    items.append(current)
    return f"<{tag}>" + "".join(f"<li>{inline(item)}</li>" for item in items) + f"</{tag}>"


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _table(lines: list[str]) -> str:
    joined: list[str] = []
    for line in lines:  # a line not starting with "|" continues the row above
        if line.startswith("|") or not joined:
            joined.append(line)
        else:
            joined[-1] = f"{joined[-1]} {line}"
    rows = [line for line in joined if not _SEPARATOR.match(line.strip())]
    head, body = rows[0], rows[1:]
    thead = "<tr>" + "".join(f"<th>{inline(cell)}</th>" for cell in _cells(head)) + "</tr>"
    tbody = "".join(
        "<tr>" + "".join(f"<td>{inline(cell)}</td>" for cell in _cells(row)) + "</tr>" for row in body
    )
    return f"<table><thead>{thead}</thead><tbody>{tbody}</tbody></table>"


def to_html(text: str) -> str:
    blocks = [block.strip() for block in re.split(r"\n\s*\n", text.strip()) if block.strip()]
    html = []
    for block in blocks:
        lines = [line.strip() for line in block.splitlines()]
        first = lines[0]
        if first.startswith("#"):
            level, _, heading = first.partition(" ")
            html.append(f"<h{len(level)}>{inline(heading)}</h{len(level)}>")
            if len(lines) > 1:
                html.append(f"<p>{inline(' '.join(lines[1:]))}</p>")
        elif _BULLET.match(first):
            html.append(_list("ul", lines, _BULLET))
        elif _NUMBERED.match(first):
            html.append(_list("ol", lines, _NUMBERED))
        elif first.startswith(">"):
            quote = " ".join(line.lstrip(">").strip() for line in lines)
            html.append(f'<blockquote class="pull-quote"><p>{inline(quote)}</p></blockquote>')
        elif first.startswith("|"):
            html.append(_table(lines))
        else:
            html.append(f"<p>{inline(' '.join(lines))}</p>")
    return "".join(html)
