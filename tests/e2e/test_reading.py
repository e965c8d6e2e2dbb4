"""A reader finds a memo, reads it, and searches, in a real browser under the site's CSP."""

import re

from playwright.sync_api import expect

from publications.models import Publication


def test_reading_a_memo_from_the_home_page(site_page, demo):
    page = site_page
    page.goto(page.base + "/")
    featured = Publication.objects.published().filter(featured=True).first()
    page.get_by_role("link", name=featured.title).first.click()
    expect(page).to_have_url(re.compile(re.escape(featured.get_absolute_url()) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(featured.title)
    expect(page.locator("main")).to_contain_text("min read")
    # The table of contents jumps to its section.
    toc = page.locator(".toc a").first
    if toc.count():
        target = toc.get_attribute("href")
        toc.click()
        expect(page).to_have_url(re.compile(re.escape(target) + "$"))
    # An author's name leads to their page.
    author = featured.ordered_authors()[0]
    page.locator("main").get_by_role("link", name=author.name).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(author.name)


def test_searching_from_the_header(site_page, demo):
    page = site_page
    page.goto(page.base + "/publications/")
    target = Publication.objects.published().first()
    word = max(target.title.split(), key=len).strip(":,.?")
    page.get_by_role("searchbox", name="Search publications").fill(word)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q="))
    result = page.locator("main").get_by_role("link", name=target.title).first
    expect(result).to_be_visible()
    result.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(target.title)


def test_filtering_the_list_as_you_choose(site_page, demo):
    """js/filters.js applies a choice at once, in place: the focus stays in the box, the count
    and the address follow, and there is no button to press."""
    page = site_page
    page.goto(page.base + "/publications/")
    expect(page.locator("main form").get_by_role("button", name="Filter")).to_be_hidden()
    total = page.locator("[data-filter-count]").inner_text()
    report = Publication.objects.published().filter(type__name="Report")
    page.get_by_label("Type").focus()
    page.get_by_label("Type").select_option(label="Report")
    expect(page).to_have_url(re.compile(r"/publications/\?type=report$"))
    expect(page.locator("[data-filter-count]")).to_have_text(re.compile(rf"^{report.count()} publications"))
    assert page.locator("[data-filter-count]").inner_text() != total
    expect(page.get_by_label("Type")).to_be_focused()
    expect(page.locator("main").get_by_role("link", name="Clear filters")).to_be_visible()
    cards = page.locator("[data-filter-results] .type-label")
    assert set(cards.all_inner_texts()) == {"REPORT"}


def test_filtering_the_list_without_javascript(browser, live_server, demo):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/publications/")
    tag = Publication.objects.published().tags().order_by("name").first()
    page.get_by_label("Tag").select_option(tag.slug)
    page.locator("main form").get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(rf"[?&]tag={tag.slug}"))
    expect(page.get_by_label("Tag")).to_have_value(tag.slug)
    context.close()


def test_numbered_pages(site_page, demo):
    page = site_page
    page.goto(page.base + "/publications/")
    pages = page.get_by_role("navigation", name="Pages")
    expect(pages.get_by_role("link", name="Page 1")).to_have_attribute("aria-current", "page")
    pages.get_by_role("link", name="Page 2").click()
    expect(page).to_have_url(re.compile(r"/publications/\?page=2$"))
    expect(page.get_by_role("navigation", name="Pages").locator('[aria-current="page"]')).to_have_text(
        "Page 2"
    )


def box(page, selector: str) -> dict:
    return page.locator(selector).first.bounding_box()


def test_a_memo_keeps_one_grid_on_a_wide_screen(site_page, demo):
    page = site_page
    page.set_viewport_size({"width": 1366, "height": 900})
    memo = Publication.objects.published().filter(series__isnull=False, authorships__isnull=False).first()
    page.goto(page.base + memo.get_absolute_url())
    body = box(page, ".publication__body")
    # Below the text, on its left edge and no wider than it: no lines across the page.
    for selector in (
        ".about-authors",
        ".cite",
        "#related-title",
        "#related ul",
        ".publication__summary",
        "#notes",
    ):
        if page.locator(selector).count():
            part = box(page, selector)
            assert abs(part["x"] - body["x"]) < 1, selector
            assert part["width"] <= body["width"] + 1, selector
    # The series box beside the text, at its top.
    series = box(page, ".series-box")
    assert series["x"] > body["x"] + body["width"]
    assert abs(series["y"] - body["y"]) < 2


def test_on_a_phone_the_series_box_comes_before_the_text(site_page, demo):
    page = site_page
    page.set_viewport_size({"width": 390, "height": 844})
    memo = Publication.objects.published().filter(series__isnull=False).first()
    page.goto(page.base + memo.get_absolute_url())
    series, body = box(page, ".series-box"), box(page, ".publication__body")
    assert series["y"] + series["height"] <= body["y"]
    assert box(page, ".publication__header")["y"] < series["y"]
    # Nothing wider than the screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
