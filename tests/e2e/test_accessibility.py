"""axe-core finds no WCAG 2.1 A or AA violation on the key pages, in Chromium."""

from publications.models import Publication
from regions.models import Region
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
        "regions": "/regions/",
        # A region with regions inside it, a breadcrumb and publications.
        "region": Region.objects.filter(parent__isnull=False, children__isnull=False)
        .first()
        .get_absolute_url(),
        "publications by region": f"/publications/?region={Region.objects.first().slug}",
        "projects and series": "/series/",
        "series": Series.objects.first().get_absolute_url(),
        # A project with a banner in its colour, a logo, landing text and a lead expert.
        "series with banner": Series.objects.exclude(banner_colour="")
        .exclude(logo="")
        .last()
        .get_absolute_url(),
        "search": "/search/?q=energy",
        "search, nothing found": "/search/?q=zzzzqqq",
        "search, events only": "/search/?q=grid&kind=event",
        "subscribe": "/subscribe/",
        "events": "/events/",
        "past events": "/events/past/",
        "event, upcoming with registration": "/events/grid-resilience-after-the-winter-storms/",
        "event, past with a recording": "/events/narrow-waters-report-launch/",
        "event, cancelled": "/events/cables-and-chokepoints-cancelled/",
        "event registration": "/events/grid-resilience-after-the-winter-storms/register/",
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
