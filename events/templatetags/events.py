"""Events on the pages of other apps (home, experts, areas, regions, series), which know nothing of
events: ``{% load events %}{% events_for area as events %}``."""

from django import template
from django.db.models import Q

from core import surrogates

from ..models import Event

register = template.Library()
SHOWN = 4


def _listing(events) -> dict:
    # A new event may join any such list: the page depends on every event (core/surrogates.py).
    surrogates.shows_all(Event)
    events = events.with_cards().distinct()
    return {"upcoming": list(events.upcoming()[:SHOWN]), "past": list(events.past()[:SHOWN])}


@register.simple_tag
def events_for(item) -> dict:
    """The upcoming and latest past public events of an expert, research area, region or series."""
    published = Event.objects.published()
    kind = item._meta.model_name
    if kind == "author":
        return _listing(published.filter(speakers__author=item))
    if kind == "researcharea":
        return _listing(published.filter(areas=item))
    if kind == "region":
        return _listing(published.in_regions(type(item).objects.within(item)))
    if kind == "series":
        return _listing(published.filter(series=item))
    raise template.TemplateSyntaxError(f"events_for does not know {kind}")


@register.simple_tag
def next_events(count: int = 3) -> list:
    """The next public events that are not cancelled, soonest first (the home page)."""
    surrogates.shows_all(Event)
    return list(Event.objects.published().filter(~Q(cancelled=True)).with_cards().upcoming()[:count])


@register.inclusion_tag("events/event_card.html")
def event_card(event, heading_level: int = 3):
    return {"event": event, "heading_level": heading_level}
