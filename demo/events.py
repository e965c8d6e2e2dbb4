"""The demo's events (``demo/content/events/``): read and checked with the rest of the content
before anything is written, then saved by slug, so loading again updates the same rows.

Dates are relative to the day of loading (``days_from_now``, negative for past events), so the
demo always has events coming up and events gone by.
"""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import frontmatter
import yaml
from django.utils import timezone

from authors.models import Author
from demo import markdown
from demo.loader import _SLUG, CONTENT_DIR, ContentError, _values
from events.models import Event, EventType, Speaker, validate_time_zone
from publications.models import Publication
from regions.models import Region
from research_areas.models import ResearchArea
from series.models import Series

FOLDER = "events"
# Fields that go from the file to the event as they are.
COPIED = (
    "title", "dek", "summary", "description", "time_zone", "venue_name", "venue_address", "map_url", "online",
    "stream_url", "registration", "registration_url", "capacity", "recording_url", "transcript", "cancelled",
    "change_note",
)  # fmt: skip


@dataclass
class EventFile:
    slug: str
    title: str
    type: str
    days_from_now: int
    start: str
    hours: float | int = 1
    time_zone: str = "UTC"
    dek: str = ""
    summary: str = ""
    venue_name: str = ""
    venue_address: str = ""
    map_url: str = ""
    online: bool = False
    stream_url: str = ""
    registration: str = "none"
    registration_url: str = ""
    capacity: int | None = None
    speakers: list[dict] = field(default_factory=list)
    areas: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    series: str = ""
    related: list[str] = field(default_factory=list)
    recording_url: str = ""
    transcript: str = ""
    cancelled: bool = False
    change_note: str = ""
    description: str = field(default="", metadata={"text": True})


def read_events(directory: Path = CONTENT_DIR) -> list[EventFile]:
    """Every event file, checked; a ``ContentError`` listing every problem otherwise."""
    problems, events = [], []
    for path in sorted((Path(directory) / FOLDER).glob("*.md")):
        where = f"{FOLDER}/{path.name}"
        if not _SLUG.fullmatch(path.stem):
            problems.append(f"{where}: name files <slug>.md")
            continue
        try:
            post = frontmatter.load(path)
        except (yaml.YAMLError, UnicodeDecodeError) as error:
            problems.append(f"{where}: the front matter cannot be read: {error}")
            continue
        values, found = _values(EventFile, post.metadata, "description")
        problems += [f"{where}: {problem}" for problem in found]
        if not found:
            spec = EventFile(slug=path.stem, description=markdown.to_html(post.content.strip()), **values)
            problems += [f"{where}: {problem}" for problem in _check(spec)]
            events.append(spec)
    if problems:
        raise ContentError(problems)
    return events


def _check(spec: EventFile) -> list[str]:
    problems = []
    try:
        validate_time_zone(spec.time_zone)
        time.fromisoformat(spec.start)
    except Exception as error:
        problems.append(f"time_zone or start: {error}")
    if spec.hours <= 0:
        problems.append("hours must be more than 0")
    if spec.registration not in Event.Registration.values:
        problems.append(f"registration is one of {', '.join(Event.Registration.values)}")
    for speaker in spec.speakers:
        if not (speaker.get("expert") or speaker.get("name")) or set(speaker) - {
            "expert",
            "name",
            "title",
            "organisation",
            "role",
        }:
            problems.append(f"a speaker has an expert or a name (and title, organisation, role): {speaker}")
    return problems


def _missing(model, slugs, what) -> list[str]:
    found = set(model.objects.filter(slug__in=slugs).values_list("slug", flat=True))
    return [f"{FOLDER}: no {what} {slug!r}" for slug in sorted(set(slugs) - found)]


def load_events(specs: list[EventFile]) -> int:
    """Saves every event (after the rest of the content, which they refer to)."""
    today = timezone.localdate()
    problems = []
    for spec in specs:
        problems += _missing(ResearchArea, spec.areas, "research area") + _missing(
            Region, spec.regions, "region"
        )
        problems += _missing(Publication, spec.related, "publication") + _missing(
            Series, [spec.series] if spec.series else [], "series"
        )
        problems += _missing(Author, [s["expert"] for s in spec.speakers if s.get("expert")], "expert")
    if problems:
        raise ContentError(problems)
    for spec in specs:
        zone = ZoneInfo(spec.time_zone)
        starts = datetime.combine(
            today + timedelta(days=spec.days_from_now), time.fromisoformat(spec.start), zone
        )
        event = Event.objects.filter(slug=spec.slug).first() or Event(slug=spec.slug)
        event.type, _ = EventType.objects.get_or_create(name=spec.type)
        event.starts_at, event.ends_at = starts, starts + timedelta(hours=spec.hours)
        for name in COPIED:
            setattr(event, name, getattr(spec, name))
        event.series = Series.objects.filter(slug=spec.series).first() if spec.series else None
        event.status = Event.Status.PUBLISHED
        if event.published_at is None:
            event.published_at = min(timezone.now(), starts) - timedelta(days=14)
        event.save()
        event.areas.set(ResearchArea.objects.filter(slug__in=spec.areas))
        event.regions.set(Region.objects.filter(slug__in=spec.regions))
        event.related_publications.set(Publication.objects.filter(slug__in=spec.related))
        event.speakers.all().delete()
        for position, speaker in enumerate(spec.speakers):
            Speaker.objects.create(
                event=event,
                position=position,
                author=Author.objects.filter(slug=speaker["expert"]).first()
                if speaker.get("expert")
                else None,
                name=speaker.get("name", ""),
                title=speaker.get("title", ""),
                organisation=speaker.get("organisation", ""),
                role=speaker.get("role", Speaker.Role.SPEAKER),
            )
    return len(specs)
