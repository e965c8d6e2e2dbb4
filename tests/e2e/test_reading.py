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


def test_filtering_the_list(site_page, demo):
    page = site_page
    page.goto(page.base + "/publications/")
    first_select = page.locator("main form select").first
    first_select.select_option(index=1)
    page.locator("main form").first.get_by_role("button").first.click()
    expect(page).to_have_url(re.compile(r"/publications/\?"))
    expect(page.locator("main")).to_contain_text("publication")
