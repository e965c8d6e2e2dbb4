"""A reader subscribes with the form at the foot of a page, confirms from the e-mail, and is in."""

import re

from django.core import mail
from playwright.sync_api import expect

from subscriptions.models import Subscriber
from tests.subscriptions.helpers import link_to


def test_subscribing_end_to_end(site_page, demo, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []
    page = site_page
    page.goto(page.base + "/publications/")
    form = page.locator("#subscribe")
    form.get_by_label("E-mail address").fill("reader@example.org")
    form.get_by_label("First name").fill("Ada")
    boxes = form.get_by_role("checkbox")
    if boxes.count():
        boxes.first.check()
    form.get_by_role("button", name="Subscribe").click()
    # The answer replaces the form in place (static/js/subscribe.js), and takes the focus.
    status = form.get_by_role("status")
    expect(status).to_contain_text("Check your inbox")
    expect(status).to_be_focused()
    expect(page).to_have_url(re.compile(r"/publications/$"))

    subscriber = Subscriber.objects.get(email="reader@example.org")
    assert subscriber.confirmed_at is None
    [message] = mail.outbox
    page.goto(page.base + link_to(message, "subscriptions:confirm"))
    page.get_by_role("button", name="Confirm my subscription").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is not None
    assert subscriber.first_name == "Ada"


def test_the_form_explains_a_mistake_without_javascript(browser, live_server, demo):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/subscribe/")
    form = page.locator("#subscribe, main form").first
    form.locator("input[type=email]").fill("not-an-address@")
    # Past the browser's own check, as an old browser or a bot would send it.
    page.locator("form.subscribe__form").first.evaluate("(f) => f.setAttribute('novalidate', '')")
    page.locator("form.subscribe__form button[type=submit]").first.click()
    expect(page.locator(".field__error").first).to_contain_text("valid e-mail address")
    assert page.locator("[aria-invalid=true]").count() >= 1
    context.close()
