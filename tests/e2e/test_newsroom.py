"""The newsroom as its roles see it, in Chromium: an author's admin without the technical apps,
the word count while writing, names first in the autocomplete, one tag field that makes new tags,
an image uploaded into the body and found with its copies on the published page, and no WCAG
violation on the admin pages staff work in. Screenshots of the admin at 1366 and 1920 pixels go
to /tmp/admin-shots/ for a person to look at."""

import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from publications.models import Publication
from staff import roles
from tests.factories import (
    AuthorFactory,
    BodyImageFactory,
    PublicationFactory,
    PublicationTypeFactory,
    ResearchAreaFactory,
    figure,
)
from tests.images import png

from .conftest import run_axe

PASSWORD = "e2e-newsroom-password-1"
SHOTS = Path("/tmp/admin-shots")


def staff(username: str, role: str | None = None):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", PASSWORD, is_staff=True, is_superuser=role is None
    )
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


def log_in(page, username: str):
    page.goto(page.base + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


@pytest.fixture
def newsroom(transactional_db):
    """An author with an expert record, an editor, areas to pick from and a draft to open."""
    author = staff("amara", roles.AUTHOR)
    AuthorFactory(name="Amara Diallo", user=author, bio="Writes on trade.")
    staff("eve", roles.EDITOR)
    for name, description in [
        ("Energy & Infrastructure", "Economics of the grid and the economy of power."),
        ("Economics", "Markets, trade and growth."),
        ("Political Economy", ""),
    ]:
        ResearchAreaFactory(name=name, description=description)
    PublicationTypeFactory(name="Policy Memo")
    chart = BodyImageFactory(
        uploaded_by=author, alt="Container throughput by port", caption="Throughput fell."
    )
    return PublicationFactory(
        title="Ports under pressure",
        draft=True,
        authors=[author.author],
        tags=["ports"],
        body=f"<p>Ports are full.</p>{figure(chart)}<p>Ships wait.</p>",
    )


def test_an_author_writes_with_a_word_count_names_first_and_one_tag_field(site_page, newsroom):
    page = site_page
    log_in(page, "amara")
    expect(page.locator("#site-name")).not_to_contain_text("Django")
    technical = re.compile("Axes|Otp|Tasks|Taggit|Users|Experts")
    expect(page.locator("#content-main")).not_to_contain_text(technical)  # the home page
    page.goto(page.base + "/admin/publications/publication/")
    expect(page.locator("#nav-sidebar")).not_to_contain_text(technical)
    expect(page.locator("#nav-sidebar")).to_contain_text("Publications")

    page.goto(page.base + "/admin/publications/publication/add/")
    checks = page.locator(".live-checks")
    expect(checks).to_contain_text("There is no dek")
    page.get_by_label("Dek:").fill("Why batteries matter")
    expect(checks).not_to_contain_text("There is no dek")  # checked as typed, nothing saved
    page.get_by_label("Title:").fill("Storage on the grid")
    expect(page.locator(".serp__title")).to_have_text("Storage on the grid | Red Cell Institute")
    expect(page.locator(".serp__description")).to_have_text("Why batteries matter")  # the dek, no summary yet
    page.get_by_label("Type:").select_option(label="Policy Memo")
    editor = page.locator(".field-body .ProseMirror[contenteditable=true]")
    expect(editor).to_have_attribute("spellcheck", "true")
    assert editor.bounding_box()["height"] > 200  # several lines tall from the start
    stats = page.locator("#body-stats")
    expect(stats).to_have_text("0 words · 0 min read")
    editor.click()
    page.keyboard.type("Batteries change how a grid is run.")
    expect(stats).to_have_text("7 words · 1 min read")

    # Leaving asks first; the writing is kept as a working copy and offered back.
    dialogs = []
    page.once("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.accept()))
    page.goto(page.base + "/admin/publications/publication/")
    assert dialogs == ["beforeunload"]
    page.goto(page.base + "/admin/publications/publication/add/")
    expect(page.locator(".messagelist")).to_contain_text("Restored your unsaved changes")
    expect(page.get_by_label("Title:")).to_have_value("Storage on the grid")
    expect(editor).to_have_text("Batteries change how a grid is run.")
    expect(stats).to_have_text("7 words · 1 min read")
    page.get_by_label("Type:").select_option(label="Policy Memo")

    # "Econ" and Enter picks the area named so, not one whose description mentions economics.
    page.locator(".field-areas .select2-selection").click()
    page.keyboard.type("Econ")
    expect(page.locator(".select2-results__option").first).to_have_text("Economics")
    page.keyboard.press("Enter")
    expect(checks).not_to_contain_text("No research area")
    # A new tag, typed into the one tag field.
    page.locator(".field-tags .select2-selection").click()
    page.keyboard.type("batteries")
    expect(page.locator(".select2-results__option").first).to_have_text("batteries")
    page.keyboard.press("Enter")

    page.locator("input[name=_submit]").first.click()
    expect(page.locator(".messagelist")).to_contain_text("Submitted for review")
    memo = Publication.objects.get(title="Storage on the grid")
    assert memo.status == Publication.Status.IN_REVIEW
    assert list(memo.areas.values_list("name", flat=True)) == ["Economics"]
    assert list(memo.tags.names()) == ["batteries"]
    assert "Batteries change how a grid is run." in memo.body


def test_unpublishing_asks_first(site_page, newsroom):
    live = PublicationFactory(title="Live memo")
    page = site_page
    log_in(page, "eve")
    page.goto(page.base + f"/admin/publications/publication/{live.pk}/change/")
    buttons = page.locator(".submit-row").first.locator("input[type=submit]")
    labels = [buttons.nth(index).get_attribute("value") for index in range(buttons.count())]
    assert labels[0] == "Save"
    assert labels[-1] == "Unpublish"
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.locator("input[name=_unpublish]").first.click()
    live.refresh_from_db()
    assert live.is_published


ADMIN_PAGES = {
    "home": "/admin/",
    "publication list": "/admin/publications/publication/",
    "new publication": "/admin/publications/publication/add/",
    "media library": "/admin/publications/bodyimage/",
    "image picker": "/admin/publications/bodyimage/pick/",
    "your settings": "/admin/preferences/",
}


@pytest.mark.parametrize("username", ["amara", "eve"])
def test_the_admin_pages_have_no_wcag_violations_and_are_photographed(axe_page, newsroom, username):
    page = axe_page
    log_in(page, username)
    pages = {**ADMIN_PAGES, "a draft": f"/admin/publications/publication/{newsroom.pk}/change/"}
    found = {}
    SHOTS.mkdir(exist_ok=True)
    for width in (1366, 1920):
        page.set_viewport_size({"width": width, "height": 900})
        for name, path in pages.items():
            page.goto(page.base + path)
            page.screenshot(path=SHOTS / f"{username}-{name.replace(' ', '-')}-{width}.png", full_page=True)
            if width == 1366 and (violations := run_axe(page)):
                found[name] = violations
    assert not found, found


@pytest.mark.parametrize("width", [1366, 1920])
def test_the_publication_list_of_the_demo_fits_the_screen(axe_page, demo, width):
    """The list of the demo's publications, as its editor sees it, without sideways scrolling."""
    page = axe_page
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(page.base + "/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("e2e-demo-password")
    page.get_by_role("button", name="Log in").click()
    page.goto(page.base + "/admin/publications/publication/")
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SHOTS / f"demo-publication-list-{width}.png")
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    # Every column of the list is in view, none behind a sideways scroll.
    hidden = page.evaluate(
        "(list) => list.scrollWidth - list.clientWidth", page.locator(".results").element_handle()
    )
    assert hidden <= 0


def test_an_author_writes_a_memo_with_an_image_and_an_editor_publishes_it(site_page, newsroom, tmp_path):
    page = site_page
    log_in(page, "amara")
    page.goto(page.base + "/admin/publications/publication/add/")
    page.get_by_label("Title:").fill("Batteries on the grid")
    page.get_by_label("Dek:").fill("Why storage matters")
    page.get_by_label("Summary:").fill("Storage lets a grid run on wind and sun.")
    editor = page.locator(".field-body .ProseMirror[contenteditable=true]")
    stats = page.locator("#body-stats")
    editor.click()
    page.keyboard.type("Batteries change how a grid is run.")
    expect(stats).to_have_text("7 words · 1 min read")
    page.keyboard.press("Enter")

    # A pull quote and a list after it, typed on (no click back into the text after a dialog).
    page.keyboard.type("Storage is the new transmission.")
    page.locator(".field-body .prose-menubar__button[title=blockquote]").click()
    dropdown = page.locator(
        ".field-body .prose-menubar__dropdown",
        has=page.locator(".prose-menubar__option", has_text="Pull quote"),
    )
    dropdown.locator(".prose-menubar__selected").click()
    dropdown.locator(".prose-menubar__option", has_text="Pull quote").click()
    expect(editor.locator("blockquote.pull-quote")).to_have_text("Storage is the new transmission.")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # out of the quote
    page.locator(".field-body .prose-menubar__button[title='unordered list']").click()
    page.keyboard.type("Cheaper cells")
    page.keyboard.press("Enter")
    page.keyboard.type("Faster permits")
    expect(editor.locator("ul li")).to_have_count(2)
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # out of the list
    # An image: the figure button, then "Browse…" opens the library, where she uploads one.
    page.locator(".field-body .prose-menubar__button[title=figure]").click()
    dialog = page.locator("dialog.prose-editor-dialog")
    with page.expect_popup() as opened:
        dialog.get_by_role("button", name="Browse...").click()
    picker = opened.value
    picker.wait_for_load_state()
    photo = tmp_path / "substation.png"
    photo.write_bytes(png(1600, 900))
    picker.get_by_label("Image:").set_input_files(photo)
    picker.get_by_label("Description (alt text):").fill("Battery containers beside a substation")
    picker.get_by_label("Caption:").fill("The first grid-scale store")
    picker.get_by_label("Credit:", exact=True).fill("Photo: Amara Diallo")
    with picker.expect_event("close"):
        picker.get_by_role("button", name="Upload and insert").click()
    expect(dialog.get_by_label("Alternative Text")).to_have_value("Battery containers beside a substation")
    expect(dialog.get_by_label("Caption")).to_have_value("The first grid-scale store")
    dialog.get_by_role("button", name="Insert").click()
    expect(editor.locator("figure img")).to_have_attribute("alt", "Battery containers beside a substation")
    expect(editor.locator("figcaption")).to_have_text("The first grid-scale store")
    # Read once the count has long caught up with the typing (it follows a moment after).
    expect(stats).not_to_have_text("7 words · 1 min read")
    words = int(stats.get_attribute("data-words"))
    assert words > 7

    SHOTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 1366, "height": 900})
    editor.locator("figure").scroll_into_view_if_needed()
    page.screenshot(path=SHOTS / "author-body-with-image-1366.png")

    # She leaves and comes back: the writing, image included, is there again.
    page.once("dialog", lambda dialog: dialog.accept())
    page.goto(page.base + "/admin/publications/publication/")
    page.goto(page.base + "/admin/publications/publication/add/")
    expect(page.locator(".messagelist")).to_contain_text("Restored your unsaved changes")
    expect(editor.locator("figure img")).to_have_attribute("alt", "Battery containers beside a substation")
    expect(editor.locator("blockquote.pull-quote")).to_have_count(1)
    expect(stats).to_have_attribute("data-words", str(words))
    page.get_by_label("Type:").select_option(label="Policy Memo")
    page.locator(".field-areas .select2-selection").click()
    page.keyboard.type("Econ")
    expect(page.locator(".select2-results__option").first).to_have_text("Economics")
    page.keyboard.press("Enter")
    page.locator("input[name=_submit]").first.click()
    expect(page.locator(".messagelist")).to_contain_text("Submitted for review")
    memo = Publication.objects.get(title="Batteries on the grid")
    assert memo.status == Publication.Status.IN_REVIEW
    assert 'data-file="' in memo.body

    # The editor publishes it (the byline is empty, so with a reason) and the page shows the image.
    page.context.clear_cookies()
    log_in(page, "eve")
    page.goto(page.base + f"/admin/publications/publication/{memo.pk}/change/")
    page.get_by_label("Publish anyway because").fill("The byline follows in the next edit.")
    page.locator("input[name=_publish]").first.click()
    expect(page.locator(".messagelist")).to_contain_text("Published")
    memo.refresh_from_db()
    assert memo.is_published
    page.goto(page.base + memo.get_absolute_url())
    image = page.locator(".publication__body figure img")
    expect(image).to_have_attribute("alt", "Battery containers beside a substation")
    expect(image).to_have_attribute("loading", "lazy")
    expect(image).to_have_attribute("srcset", re.compile(r"-480w\.webp 480w, .*-800w\.webp 800w"))
    expect(page.locator(".publication__body figcaption")).to_have_text(
        "The first grid-scale store Photo: Amara Diallo"
    )
    assert image.evaluate("(img) => img.complete && img.naturalWidth > 0")
