"""axe-core finds no WCAG 2.1 A or AA violation on the key pages, in Chromium."""

from publications.models import Publication
from research_areas.models import ResearchArea
from series.models import Series

from .conftest import run_axe


def key_pages() -> dict[str, str]:
    published = Publication.objects.published()
    memo = published.exclude(body_html="").order_by("-word_count").first()
    author = memo.ordered_authors()[0]
    return {
        "home": "/",
        "publications": "/publications/",
        "filtered list": f"/publications/?type={memo.type.slug}",
        "memo": memo.get_absolute_url(),
        "experts": "/authors/",
        "expert": author.get_absolute_url(),
        "research areas": "/research-areas/",
        "research area": ResearchArea.objects.first().get_absolute_url(),
        "series": Series.objects.first().get_absolute_url(),
        "search": "/search/?q=energy",
        "search, nothing found": "/search/?q=zzzzqqq",
        "subscribe": "/subscribe/",
        "about": "/about/",
        "nested page": "/about/contact/",
        "not found": "/no-such-page/",
    }


def test_key_pages_have_no_wcag_violations(axe_page, demo):
    page = axe_page
    found = {}
    for name, path in key_pages().items():
        page.goto(page.base + path)
        if violations := run_axe(page):
            found[name] = violations
    assert not found, found


def test_the_sign_up_form_with_errors_has_no_wcag_violations(axe_page, demo):
    page = axe_page
    page.goto(page.base + "/subscribe/")
    form = page.locator("form.subscribe__form").first
    form.evaluate("(f) => f.setAttribute('novalidate', '')")
    form.locator("input[type=email]").fill("not-an-address@")
    form.locator("button[type=submit]").click()
    page.wait_for_selector(".field__error, [role=status]")
    assert run_axe(page) == []


def test_the_admin_login_has_no_wcag_violations(axe_page, transactional_db):
    page = axe_page
    page.goto(page.base + "/admin/login/")
    assert run_axe(page) == []
