"""JSON-LD ``Event`` (schema.org) for an event page."""

from django import template
from django.conf import settings

from core.links import absolute_url
from publications.citations import json_ld_script

register = template.Library()


def _person(speaker) -> dict:
    person = {"@type": "Person", "name": speaker.display_name}
    if speaker.author_id:
        person["url"] = absolute_url(speaker.author.get_absolute_url())
    if speaker.organisation:
        person["affiliation"] = {"@type": "Organization", "name": speaker.organisation}
    return person


def structured_data(event, speakers, moderators) -> dict:
    url = absolute_url(event.get_absolute_url())
    locations = []
    if event.venue_name:
        place = {"@type": "Place", "name": event.venue_name}
        if event.venue_address:
            place["address"] = ", ".join(
                line.strip() for line in event.venue_address.splitlines() if line.strip()
            )
        locations.append(place)
    if event.online:
        # The stream's own address stays for registrants; the page is where to find it.
        locations.append({"@type": "VirtualLocation", "url": url})
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "url": url,
        "startDate": event.local_start.isoformat(),
        "endDate": event.local_end.isoformat(),
        "eventStatus": "https://schema.org/EventCancelled"
        if event.cancelled
        else "https://schema.org/EventScheduled",
        "eventAttendanceMode": f"https://schema.org/{event.attendance_mode}",
        "location": locations[0] if len(locations) == 1 else locations,
        "organizer": {"@type": "Organization", "name": settings.SITE_NAME, "url": absolute_url("/")},
    }
    if event.summary or event.dek:
        data["description"] = event.summary or event.dek
    if event.hero_image:
        data["image"] = absolute_url(event.hero_image.url)
    if speakers or moderators:
        data["performer"] = [_person(speaker) for speaker in [*speakers, *moderators]]
    return data


@register.simple_tag
def event_json_ld(event, speakers, moderators):
    return json_ld_script(structured_data(event, speakers, moderators))
