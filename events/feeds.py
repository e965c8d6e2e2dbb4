"""RSS 2.0 and Atom feeds of events: what is coming up, soonest first, then recent past ones.
Links are absolute on ``SITE_URL``."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from core.links import absolute_url

from .models import Event

FEED_LENGTH = 20


class EventsFeed(Feed):
    url_name = "events:feed"
    language = settings.LANGUAGE_CODE

    def title(self):
        return f"{settings.SITE_NAME}: events"

    def description(self):
        return f"Briefings, panels and launches from {settings.SITE_NAME}."

    subtitle = description

    def link(self):
        return absolute_url(reverse("events:list"))

    def feed_url(self):
        return absolute_url(reverse(self.url_name))

    def author_name(self):
        return settings.SITE_NAME

    def items(self):
        return Event.objects.published().with_cards().order_by("-published_at", "-pk")[:FEED_LENGTH]

    def item_title(self, event):
        when = event.local_start.strftime("%-d %B %Y, %H:%M %Z")
        prefix = "Cancelled: " if event.cancelled else ""
        return f"{prefix}{event.title} ({when})"

    def item_description(self, event):
        return event.change_note or event.summary or event.dek

    def item_link(self, event):
        return absolute_url(event.get_absolute_url())

    def item_guid(self, event):
        return absolute_url(event.get_absolute_url())

    item_guid_is_permalink = True

    def item_pubdate(self, event):
        return event.published_at

    def item_updateddate(self, event):
        return event.updated_at

    def item_categories(self, event):
        return [event.type.name]


class EventsAtomFeed(EventsFeed):
    feed_type = Atom1Feed
    url_name = "events:feed_atom"
