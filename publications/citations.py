"""How to cite a publication: Chicago and APA text, BibTeX and RIS files, and the schema.org
JSON-LD that search engines read.

Everything here works from a publication and its authors in byline order (a list, as the
publication page already has it), so none of it costs a query of its own.
"""

import json
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from core.links import absolute_url
from core.slugs import readable_slug

# Publication types whose slug contains one of these words are reports for schema.org, BibTeX
# (@techreport) and RIS (RPRT); others (commentary, op-eds…) are articles on the web.
REPORT_WORDS = ("report", "memo", "brief", "paper", "study", "testimony", "analysis")
APA_MAX_AUTHORS = 20
CHICAGO_MAX_AUTHORS = 10


@dataclass(frozen=True)
class Name:
    family: str
    given: str
    full: str

    @classmethod
    def of(cls, author) -> "Name":
        """From an author's ``sort_name`` ("Okafor, Ada"), which editors can correct by hand."""
        family, _, given = (author.sort_name or author.name).partition(",")
        return cls(family=family.strip(), given=given.strip(), full=author.name)

    @property
    def inverted(self) -> str:
        return f"{self.family}, {self.given}" if self.given else self.family

    @property
    def initials(self) -> str:
        """APA initials: "Ada Grace" -> "A. G.", "Jean-Paul" -> "J.-P."."""
        return " ".join(
            "-".join(f"{part[0]}." for part in word.split("-") if part) for word in self.given.split()
        )


def is_report(publication) -> bool:
    slug = publication.type.slug.lower()
    return any(word in slug for word in REPORT_WORDS)


def _date(publication) -> datetime | None:
    return timezone.localtime(publication.published_at) if publication.published_at else None


def _long_date(moment: datetime) -> str:
    return f"{moment:%B} {moment.day}, {moment.year}"


def _end(text: str) -> str:
    """``text`` closed with a full stop, unless it already ends a sentence."""
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else f"{text}."


def _language_tag() -> str:
    """``LANGUAGE_CODE`` as a BCP 47 tag: "en-us" -> "en-US"."""
    language, _, region = settings.LANGUAGE_CODE.partition("-")
    return f"{language}-{region.upper()}" if region else language


def _url(publication) -> str:
    return absolute_url(publication.get_absolute_url())


def _series_and_type(publication) -> str:
    return ", ".join(
        part for part in [publication.type.name, getattr(publication.series, "name", "")] if part
    )


def chicago(publication, authors: list) -> SafeString:
    """Chicago Manual of Style (17th ed.), bibliography entry."""
    names = [Name.of(author) for author in authors]
    if len(names) > CHICAGO_MAX_AUTHORS:
        names = names[:7]
        people = ", ".join([names[0].inverted] + [n.full for n in names[1:]]) + ", et al."
    elif len(names) > 2:
        people = ", ".join([names[0].inverted] + [n.full for n in names[1:-1]]) + f", and {names[-1].full}"
    elif len(names) == 2:
        people = f"{names[0].inverted}, and {names[1].full}"
    else:
        people = names[0].inverted if names else ""
    if is_report(publication):
        title = publication.title.strip().rstrip(".")
        title = format_html("<i>{}</i>{}", title, "" if title.endswith(("?", "!")) else ".")
    else:
        title = format_html("“{}”", _end(publication.title))
    moment = _date(publication)
    published = f"{settings.SITE_NAME}, {_long_date(moment)}" if moment else f"{settings.SITE_NAME}, n.d"
    parts = [format_html("{} ", _end(people))] if people else []
    parts += [title, format_html(" {} {}. ", _end(_series_and_type(publication)), published)]
    parts.append(format_html("{}.", _url(publication)))
    return mark_safe("".join(parts))


def apa(publication, authors: list) -> SafeString:
    """APA (7th ed.) reference."""
    names = [f"{n.family}, {n.initials}" if n.initials else n.family for n in map(Name.of, authors)]
    if len(names) > APA_MAX_AUTHORS:
        people = ", ".join(names[:19]) + ", . . . " + names[-1]
    elif len(names) > 1:
        people = ", ".join(names[:-1]) + ", & " + names[-1]
    else:
        people = names[0] if names else settings.SITE_NAME
    moment = _date(publication)
    when = f"{moment.year}, {moment:%B} {moment.day}" if moment else "n.d."
    publisher = f" {settings.SITE_NAME}." if authors else ""
    return format_html(
        "{} ({}). <i>{}</i> [{}].{} {}",
        _end(people),
        when,
        publication.title.rstrip("."),
        _series_and_type(publication),
        publisher,
        _url(publication),
    )


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


def json_ld(publication, authors: list, areas=(), tags=()) -> dict:
    """schema.org ``Report`` or ``Article``, authors as ``Person`` in byline order."""
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
    return [("Chicago", chicago(publication, authors)), ("APA", apa(publication, authors))]
