"""A reader finds an event, registers, and receives the confirmation with its calendar file."""

import icalendar
from django.core import mail
from playwright.sync_api import expect

from events.models import Registration


def test_registering_for_an_event_end_to_end(site_page, demo, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []
    page = site_page
    page.goto(page.base + "/events/")
    page.get_by_role("link", name="Grid Resilience After the Winter Storms").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Grid Resilience After the Winter Storms")
    page.get_by_role("link", name="Register", exact=True).click()
    page.get_by_label("Name", exact=True).fill("Ada Reader")
    page.get_by_label("E-mail address").fill("ada.reader@example.org")
    page.get_by_label("Organisation (optional)").fill("Acme Policy")
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you for registering")

    registration = Registration.objects.get(email="ada.reader@example.org")
    assert registration.status == Registration.Status.CONFIRMED
    [message] = mail.outbox
    [(name, content, mimetype)] = message.attachments
    assert mimetype.startswith("text/calendar")
    [item] = icalendar.Calendar.from_ical(content).events
    assert str(item["SUMMARY"]) == "Grid Resilience After the Winter Storms"
    assert item["DTSTART"].params["TZID"] == "America/New_York"


def test_the_readers_own_time_is_shown_beside_the_events(browser, live_server, demo):
    context = browser.new_context(timezone_id="Asia/Tokyo", locale="en-GB")
    page = context.new_page()
    page.goto(live_server.url + "/events/grid-resilience-after-the-winter-storms/")
    # The event is in New York; a reader in Tokyo sees it in Tokyo time too (static/js/event-time.js).
    expect(page.locator("[data-event-local]")).to_contain_text("Your time:")
    expect(page.locator("[data-event-local]")).to_contain_text("GMT+9")
    context.close()
