"""Staff write a memo in the admin's rich-text editor, in a browser, under the site's CSP."""

import re

from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from publications.models import Publication
from tests.factories import PublicationTypeFactory

PASSWORD = "e2e-staff-password-1"


def log_in(page):
    page.goto(page.base + "/admin/")
    page.get_by_label("Username").fill("writer")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def test_writing_a_memo_with_the_rich_text_editor(site_page, transactional_db):
    get_user_model().objects.create_superuser("writer", "writer@example.org", PASSWORD)
    memo_type = PublicationTypeFactory(name="Policy Memo")
    page = site_page
    log_in(page)
    page.goto(page.base + "/admin/publications/publication/add/")
    page.get_by_label("Title:").fill("Storage on the grid")
    page.get_by_label("Type:").select_option(label=memo_type.name)

    # The editor is ProseMirror, loaded through an import map the CSP allows by its hash.
    editor = page.locator(".field-body .ProseMirror[contenteditable=true]")
    expect(editor).to_be_visible()
    expect(editor).to_have_attribute("contenteditable", "true")
    editor.click()
    page.keyboard.type("Batteries change how a grid is run.")
    page.keyboard.press("Enter")
    page.keyboard.type("Bold claim: ")
    page.keyboard.press("Control+b")
    page.keyboard.type("storage is cheap")
    page.keyboard.press("Control+b")
    expect(editor.locator("strong")).to_have_text("storage is cheap")

    page.locator("input[name=_save]").first.click()
    expect(page.locator(".messagelist")).to_contain_text("Storage on the grid")
    publication = Publication.objects.get(title="Storage on the grid")
    assert "<p>Batteries change how a grid is run.</p>" in publication.body
    assert "<strong>storage is cheap</strong>" in publication.body
    assert publication.status == Publication.Status.DRAFT


def test_the_admin_list_and_a_change_form_work_under_the_policy(site_page, transactional_db):
    get_user_model().objects.create_superuser("writer", "writer@example.org", PASSWORD)
    page = site_page
    log_in(page)
    page.goto(page.base + "/admin/publications/publication/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.goto(page.base + "/admin/authors/author/add/")
    expect(page.locator("#id_name")).to_be_visible()
    page.goto(page.base + "/admin/otp_totp/totpdevice/add/")
    expect(page.locator("#totpdevice_form")).to_be_visible()
