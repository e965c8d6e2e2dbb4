"""Calendar files (RFC 5545), written with the icalendar library.

- UID: ``event-<pk>@<site host>``, stable for the event's life whatever its title or date;
- DTSTART/DTEND: in the event's zone with TZID, and a VTIMEZONE for each zone used (UTC as UTC);
- DTSTAMP and LAST-MODIFIED: when the event was last saved (the same bytes until it changes);
- SEQUENCE: raised by every change of time, place or status (models.SCHEDULE_FIELDS);
- STATUS: CONFIRMED, or CANCELLED for a cancelled event (calendar programs then strike it out).
"""

from urllib.parse import urlsplit

import icalendar
from django.conf import settings

from core.links import absolute_url

PRODID = "-//Red Cell//Events//EN"


def uid(event) -> str:
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    return f"event-{event.pk}@{host}"


def component(event) -> icalendar.Event:
    item = icalendar.Event()
    item.add("uid", uid(event))
    item.add("dtstamp", event.updated_at)
    item.add("created", event.created_at)
    item.add("last-modified", event.updated_at)
    item.add("sequence", event.sequence)
    item.add("summary", f"Cancelled: {event.title}" if event.cancelled else event.title)
    if event.time_zone == "UTC":
        item.add("dtstart", event.starts_at)
        item.add("dtend", event.ends_at)
    else:
        item.add("dtstart", event.local_start)
        item.add("dtend", event.local_end)
    item.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    url = absolute_url(event.get_absolute_url())
    item.add("url", url)
    if event.place:
        item.add("location", event.place)
    description = "\n\n".join(part for part in [event.change_note, event.dek, event.summary, url] if part)
    item.add("description", description)
    return item


def calendar(events, *, name: str) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    for event in events:
        cal.add_component(component(event))
    cal.add_missing_timezones()
    return cal.to_ical()


def event_calendar(event) -> bytes:
    return calendar([event], name=event.title)
