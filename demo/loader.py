"""Read the demo content in ``demo/content/`` and check all of it before anything is written.

Each folder holds one kind of thing, one file each, named by its slug; a file is YAML front
matter and, below it, its text (see ``demo/content/README.md``). The dataclasses below are
the schema: their fields are what the front matter may hold, those without a default are
required, and the one marked ``TEXT`` takes the text below the front matter.
"""

import dataclasses
import re
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path

import frontmatter
import yaml
from django.apps import apps
from django.core.exceptions import ValidationError

from core import colours
from core.colours import BackgroundColourField
from demo import charts, images, markdown
from publications import body
from publications.body import dangling_note_refs
from publications.models import Publication as StoredPublication

CONTENT_DIR = Path(__file__).resolve().parent / "content"
TEXT = {"text": True}
UNDATED = (StoredPublication.Status.DRAFT.value, StoredPublication.Status.IN_REVIEW.value)
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class ContentError(Exception):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("The demo content has problems:\n  " + "\n  ".join(problems))


@dataclass
class Area:
    slug: str
    name: str
    parent: str = ""
    description: str = field(default="", metadata=TEXT)


@dataclass
class Region:
    slug: str
    name: str
    parent: str = ""
    description: str = field(default="", metadata=TEXT)


@dataclass
class Series:
    slug: str
    name: str
    landing_text: str = ""
    lead_expert: str = ""
    banner_colour: str = ""
    logo: bool | str = False
    logo_alt: str = ""
    description: str = field(default="", metadata=TEXT)


@dataclass
class Expert:
    slug: str
    name: str
    role: str = ""
    photo: bool = True
    photo_alt: str = ""
    bio: str = field(default="", metadata=TEXT)


@dataclass
class PublicationType:
    slug: str
    name: str
    plural_name: str = ""
    position: int = 0


@dataclass
class Newsletter:
    slug: str
    name: str
    position: int = 0
    active: bool = True
    areas: list[str] = field(default_factory=list)
    series: list[str] = field(default_factory=list)
    description: str = field(default="", metadata=TEXT)


@dataclass
class Publication:
    slug: str
    title: str
    type: str
    dek: str
    summary: str
    authors: list[str]
    areas: list[str]
    regions: list[str] = field(default_factory=list)
    series: str = ""
    tags: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    featured: bool = False
    days_ago: int | None = None
    hours_ago: int = 0
    status: str = ""
    hero: bool | None = None
    hero_alt: str = ""
    hero_caption: str = ""
    hero_credit: str = ""
    # A bar chart in the body (demo/charts.py): its title, description, caption and CSV data.
    chart_title: str = ""
    chart_alt: str = ""
    chart_caption: str = ""
    chart_data: str = ""
    body: str = field(default="", metadata=TEXT)


@dataclass
class Page:
    slug: str
    title: str
    parent: str = ""
    description: str = ""
    draft: bool = False
    body: str = field(default="", metadata=TEXT)


@dataclass
class MenuLink:
    """One item of a menu in menus.yaml: a label, and a page, a list or a url to lead to."""

    label: str
    page: str = ""
    list: str = ""
    url: str = ""


@dataclass
class Content:
    areas: dict[str, Area]
    regions: dict[str, Region]
    series: dict[str, Series]
    experts: dict[str, Expert]
    types: dict[str, PublicationType]
    newsletters: dict[str, Newsletter]
    publications: dict[str, Publication]
    pages: dict[str, Page]
    menus: dict[str, list[MenuLink]]


FOLDERS = {
    "areas": Area,
    "regions": Region,
    "series": Series,
    "experts": Expert,
    "types": PublicationType,
    "newsletters": Newsletter,
    "publications": Publication,
    "pages": Page,
}
MARKDOWN_BODIES = (Publication, Page)
MENUS_FILE = "menus.yaml"


def read_content(directory: Path = CONTENT_DIR) -> Content:
    """All of the content in ``directory``, or a ``ContentError`` listing the problems found."""
    directory = Path(directory)
    if not directory.is_dir():
        raise ContentError([f"{directory} is not a folder"])
    problems: list[str] = []
    content = Content(
        **{folder: _read_folder(directory, folder, problems) for folder in FOLDERS},
        menus=_read_menus(directory / MENUS_FILE, problems),
    )
    # References are checked once every file reads: a file left out would make them all look wrong.
    problems = problems or check(content)
    if problems:
        raise ContentError(problems)
    return content


def _read_folder(directory: Path, folder: str, problems: list[str]) -> dict:
    items = {}
    for path in sorted((directory / folder).glob("*")):
        where = f"{folder}/{path.name}"
        if path.name.startswith("."):
            continue
        if path.suffix != ".md" or not _SLUG.fullmatch(path.stem):
            problems.append(f"{where}: name files <slug>.md, the slug in lower-case letters, digits and -")
            continue
        try:
            post = frontmatter.load(path)
        except yaml.MarkedYAMLError as error:
            line = error.problem_mark.line + 1 if error.problem_mark else "?"
            problems.append(f"{where}, line {line}: the front matter is not valid YAML: {error.problem}")
            continue
        except (yaml.YAMLError, UnicodeDecodeError) as error:
            problems.append(f"{where}: the front matter cannot be read: {error}")
            continue
        item, found = _item(FOLDERS[folder], path.stem, post)
        problems += [f"{where}: {problem}" for problem in found]
        if item is not None:
            items[path.stem] = item
    return items


def _item(kind: type, slug: str, post: frontmatter.Post):
    text_field = next((f.name for f in dataclasses.fields(kind) if f.metadata.get("text")), None)
    values, problems = _values(kind, post.metadata, text_field)
    text = post.content.strip()
    if text_field:
        # Descriptions and bios are shown as one paragraph of plain text; bodies are Markdown.
        values[text_field] = markdown.to_html(text) if kind in MARKDOWN_BODIES else " ".join(text.split())
    elif text:
        problems.append("nothing is read below the front matter here: move the text into a field")
    return (None, problems) if problems else (kind(slug=slug, **values), [])


def _values(kind: type, given: dict, text_field: str | None = None) -> tuple[dict, list[str]]:
    """The fields of ``kind`` in ``given``, each checked against its type, and the problems."""
    problems = []
    fields = {f.name: f for f in dataclasses.fields(kind) if f.name != "slug"}
    values = {}
    for key, value in given.items():
        if key not in fields or key == text_field:
            problems.append(f"unknown field {key!r} (known: {', '.join(sorted(set(fields) - {text_field}))})")
        elif not _is_a(value, fields[key].type):
            problems.append(f"{key!r} should be {_describe(fields[key].type)}, not {value!r}")
        else:
            values[key] = value
    required = [
        name
        for name, f in fields.items()
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    ]
    problems += [f"missing field {name!r}" for name in required if name not in given]
    return values, problems


def _read_menus(path: Path, problems: list[str]) -> dict[str, list[MenuLink]]:
    """The menus in ``menus.yaml`` (none without the file), each a list of links in order."""
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text()) or {}
    except yaml.YAMLError as error:
        problems.append(f"{MENUS_FILE}: not valid YAML: {error}")
        return {}
    known = apps.get_model("website", "MenuItem").Menu.values
    if not isinstance(data, dict) or not set(data) <= set(known):
        problems.append(f"{MENUS_FILE}: give the menus ({', '.join(known)}), each a list of links")
        return {}
    menus = {}
    for menu, links in data.items():
        menus[menu] = []
        for number, link in enumerate(links if isinstance(links, list) else [links], 1):
            where = f"{MENUS_FILE}, {menu} item {number}"
            if not isinstance(link, dict):
                problems.append(f"{where}: write an item as label: with page:, list: or url:")
                continue
            values, found = _values(MenuLink, link)
            problems += [f"{where}: {problem}" for problem in found]
            if not found:
                menus[menu].append(MenuLink(**values))
    return menus


def _is_a(value, kind) -> bool:
    if typing.get_origin(kind) in (typing.Union, types.UnionType):
        return any(_is_a(value, option) for option in typing.get_args(kind))
    if typing.get_origin(kind) is list:
        return isinstance(value, list) and all(_is_a(item, typing.get_args(kind)[0]) for item in value)
    if kind is type(None):
        return value is None
    return isinstance(value, kind) and (kind is bool or not isinstance(value, bool))


def _describe(kind) -> str:
    if typing.get_origin(kind) is list:
        return "a list like [first, second]"
    names = {str: "text", int: "a whole number", bool: "true or false"}
    return " or ".join(names.get(option, "empty") for option in typing.get_args(kind) or [kind])


def check(content: Content) -> list[str]:
    """References that lead nowhere and contradictions, which would fail halfway through loading."""
    problems = []
    for folder in ("areas", "regions", "series", "types", "newsletters"):
        names = [item.name for item in getattr(content, folder).values()]
        problems += [
            f"{folder}: two files have the name {name!r}"
            for name in sorted(set(names))
            if names.count(name) > 1
        ]
    for folder, kind in (("areas", "area"), ("regions", "region")):
        items = getattr(content, folder)
        for item in items.values():
            problems += _unknown(f"{folder}/{item.slug}.md", f"parent {kind}", [item.parent], items)
            seen, parent = {item.slug}, items.get(item.parent)
            while parent and parent.slug not in seen:
                seen.add(parent.slug)
                parent = items.get(parent.parent)
            if parent:
                problems.append(f"{folder}/{item.slug}.md: the {kind} is its own ancestor")
    for series in content.series.values():
        problems += _check_series(series, content)
    for newsletter in content.newsletters.values():
        where = f"newsletters/{newsletter.slug}.md"
        problems += _unknown(where, "area", newsletter.areas, content.areas)
        problems += _unknown(where, "series", newsletter.series, content.series)
    for publication in content.publications.values():
        problems += _check_publication(publication, content)
    for page in content.pages.values():
        problems += _check_page(page, content)
    lists = [key for key, _ in apps.get_model("website", "MenuItem")._meta.get_field("named").choices]
    for menu, links in content.menus.items():
        for number, link in enumerate(links, 1):
            where = f"{MENUS_FILE}, {menu} item {number}"
            if sum(map(bool, (link.page, link.list, link.url))) != 1:
                problems.append(f"{where}: give one of page, list or url")
            problems += _unknown(where, "page", [link.page], content.pages)
            if link.list and link.list not in lists:
                problems.append(f"{where}: unknown list {link.list!r} (one of {', '.join(lists)})")
            if link.url and not re.match(r"https?://|/(?!/)", link.url):
                problems.append(f"{where}: a url starts with https:// or /")
    return problems


def _check_page(page: Page, content: Content) -> list[str]:
    where = f"pages/{page.slug}.md"
    problems = _unknown(where, "parent page", [page.parent], content.pages)
    seen, parent = {page.slug}, content.pages.get(page.parent)
    while parent and parent.slug not in seen:
        seen.add(parent.slug)
        parent = content.pages.get(parent.parent)
    if parent:
        problems.append(f"{where}: the page is its own ancestor")
    dangling = dangling_note_refs(body.render(body.sanitize(page.body)).html)
    return problems + [f"{where}: [^{number}] has no note under ## Notes" for number in dangling]


def _check_series(series: Series, content: Content) -> list[str]:
    where = f"series/{series.slug}.md"
    problems = _unknown(where, "lead expert", [series.lead_expert], content.experts)
    if isinstance(series.logo, str) and series.logo not in images.MARKS:
        problems.append(f"{where}: logo is true, false or a mark ({', '.join(sorted(images.MARKS))})")
    if series.banner_colour:
        try:
            for validate in BackgroundColourField.default_validators:
                validate(colours.normalise(series.banner_colour))
        except ValidationError as error:
            problems.append(f"{where}: banner_colour: {' '.join(error.messages)}")
    return problems


def _unknown(where: str, what: str, slugs: list[str], known: dict) -> list[str]:
    return [f"{where}: unknown {what} {slug!r}" for slug in slugs if slug and slug not in known]


def _check_publication(publication: Publication, content: Content) -> list[str]:
    where = f"publications/{publication.slug}.md"
    problems = [
        *_unknown(where, "type", [publication.type], content.types),
        *_unknown(where, "series", [publication.series], content.series),
        *_unknown(where, "area", publication.areas, content.areas),
        *_unknown(where, "region", publication.regions, content.regions),
        *_unknown(where, "author", publication.authors, content.experts),
        *_unknown(where, "related publication", publication.related, content.publications),
    ]
    if len(set(publication.authors)) < len(publication.authors):
        problems.append(f"{where}: an author is named twice")
    if publication.slug in publication.related:
        problems.append(f"{where}: a publication is not related to itself")
    if (publication.days_ago is None) == (publication.status == ""):
        problems.append(f"{where}: give either days_ago (published) or status (one of {', '.join(UNDATED)})")
    elif publication.status and publication.status not in UNDATED:
        problems.append(f"{where}: unknown status {publication.status!r} (one of {', '.join(UNDATED)})")
    if publication.chart_data:
        if not (publication.chart_title and publication.chart_alt):
            problems.append(f"{where}: a chart needs chart_title and chart_alt (what it shows)")
        try:
            charts.rows(publication.chart_data)
        except (ValueError, IndexError):
            problems.append(f"{where}: chart_data should be CSV of labels and numbers under a header")
    dangling = dangling_note_refs(body.render(body.sanitize(publication.body)).html)
    problems += [f"{where}: [^{number}] has no note under ## Notes" for number in dangling]
    return problems
