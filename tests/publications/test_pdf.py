"""The PDF of every publication: generated with WeasyPrint unless staff uploaded one, stored once
per version of its content, made by a task, and under the same embargo as the page."""

import logging
import re
import socket
import subprocess
import urllib.request

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse

from core.links import absolute_url
from publications import body as bodies
from publications import pdf
from publications.models import Publication
from publications.tasks import make_pdf, pdfs_on_demand
from tests.factories import AuthorFactory, PublicationFactory, SeriesFactory
from tests.images import png
from tests.tools import POPPLER_HINT, pdftotext_missing, require

pytestmark = pytest.mark.django_db

BODY = """
<h2>Why the grid fails</h2>
<p>Outages now last longer than the indices admit.<sup>1</sup></p>
<ul><li>Ice storms</li><li>Heat domes</li></ul>
<blockquote class="pull-quote"><p>The long tail goes underfunded.</p></blockquote>
<h2>What to measure</h2>
<table><tbody><tr><th>Measure</th><th>Target</th></tr>
<tr><td>Long outages</td><td>Baseline</td></tr></tbody></table>
<p>Restoration curves reveal what averages hide.<sup>2</sup></p>
<h2>Recommendations</h2>
<ol><li>Report the longest outages by feeder.</li></ol>
<h2>Notes</h2>
<ol><li><p>Utilities exclude major event days.</p></li>
<li><p>Interviews with emergency managers.</p></li></ol>
"""
SECTIONS = ["Why the grid fails", "What to measure", "Recommendations"]


def pages_of(content: bytes) -> list[str]:
    """The text of each page as pdftotext reads it, runs of white space made single spaces."""
    require(pdftotext_missing(), hint=POPPLER_HINT)
    result = subprocess.run(["pdftotext", "-", "-"], input=content, capture_output=True, check=True)
    return [" ".join(page.split()) for page in result.stdout.decode().split("\f")]


def text_of(content: bytes) -> str:
    return " ".join(pages_of(content))


def fetch(client, publication):
    return client.get(reverse("publications:pdf", args=[publication.slug]))


def read(response) -> bytes:
    return b"".join(response.streaming_content)


@pytest.fixture
def memo():
    """A published memo by two authors, one with a name outside Latin-1, in a series."""
    authors = [AuthorFactory(name="Ольга Тихомирова"), AuthorFactory(name="Zoë Ørsted-Núñez")]
    return PublicationFactory(
        title="Keeping the Lights On",
        dek="Reliability rules say how often, not how long.",
        body=BODY,
        authors=authors,
        series=SeriesFactory(name="Stress Test"),
    )


def generated(publication) -> list[str]:
    return pdf.stored_files(publication.pk)


def test_the_pdf_has_the_title_every_author_every_section_and_the_notes(client, memo):
    response = fetch(client, memo)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'inline; filename="{memo.slug}.pdf"'
    content = read(response)
    assert content.startswith(b"%PDF-")
    text = text_of(content)
    assert "Keeping the Lights On" in text
    assert "Reliability rules say how often, not how long." in text
    assert "Ольга Тихомирова and Zoë Ørsted-Núñez" in text
    for heading in SECTIONS:
        # Once in the contents (with its page number) and once over its section.
        assert text.count(heading) >= 2, heading
    assert "The long tail goes underfunded." in text
    # Each note at the foot of the page that refers to it.
    for reference, note in [
        ("than the indices admit.", "Utilities exclude major event days."),
        ("what averages hide.", "Interviews with emergency managers."),
    ]:
        [page] = [page for page in pages_of(content) if reference in page]
        assert note in page
    assert "POLICY MEMO" in text.upper()
    assert "STRESS TEST" in text.upper()
    assert absolute_url(memo.get_absolute_url()) in text


def test_notes_become_footnotes_at_their_references():
    html = pdf.print_body(bodies.render(bodies.sanitize(BODY)).html)

    assert '<span class="footnote" data-note="1">Utilities exclude major event days.</span>' in html
    assert html.index('data-note="1"') < html.index("What to measure") < html.index('data-note="2"')
    assert 'id="notes"' not in html
    assert "note-back" not in html


def test_a_note_without_a_reference_keeps_the_notes_as_endnotes():
    rendered = bodies.render(bodies.sanitize(BODY.replace("<sup>2</sup>", ""))).html

    assert pdf.print_body(rendered) == rendered


def test_public_pdfs_are_cached_briefly_and_named_by_their_publication(client, memo):
    response = fetch(client, memo)
    read(response)

    assert response["Cache-Control"] == f"public, max-age={pdf.PUBLIC_MAX_AGE}"
    assert f"publication-{memo.pk}" in response["xkey"].split()


def test_the_page_and_its_citation_tags_point_to_the_pdf(client, memo):
    page = client.get(memo.get_absolute_url()).content.decode()
    address = reverse("publications:pdf", args=[memo.slug])

    assert f'<a class="pdf-link" href="{address}">' in page
    assert re.search(rf'<meta name="citation_pdf_url" content="[^"]*{re.escape(address)}">', page)


@pytest.mark.parametrize("state", [{"draft": True}, {"in_review": True}, {"scheduled": True}])
def test_an_unpublished_pieces_pdf_is_a_404_to_the_public(client, state):
    hidden = PublicationFactory(**state)

    assert fetch(client, hidden).status_code == 404
    assert generated(hidden) == []


def test_a_missing_slug_is_a_404(client):
    assert client.get(reverse("publications:pdf", args=["no-such-piece"])).status_code == 404


def test_staff_see_a_drafts_pdf_as_the_roles_say_never_for_a_shared_cache(login, ada, ben, eve, sam):
    draft = PublicationFactory(draft=True, title="Ada's Draft", authors=[ada.author])

    for user in (ada, eve):
        response = fetch(login(user), draft)
        assert response.status_code == 200, user
        assert response["Cache-Control"] == "private, no-store"
        assert "xkey" not in response
        assert "Ada's Draft" in text_of(read(response))
        assert "DRAFT: NOT FOR CIRCULATION" in text_of(read(fetch(login(user), draft))).upper()
    for user in (ben, sam):
        assert fetch(login(user), draft).status_code == 404, user


def test_an_uploaded_pdf_takes_precedence(client, memo):
    memo.pdf.save("lights.pdf", ContentFile(b"%PDF-1.7 the designed report"))

    response = fetch(client, memo)

    assert read(response) == b"%PDF-1.7 the designed report"
    assert response["Content-Disposition"] == f'inline; filename="{memo.slug}.pdf"'
    assert generated(memo) == []
    assert make_pdf.call(memo.pk) is False


def test_an_edit_makes_a_new_version_and_deletes_the_old_one(client, memo):
    first = pdf.stored_name(memo)
    read(fetch(client, memo))
    assert generated(memo) == [first]

    memo.title = "Keeping the Lights On, Revised"
    memo.save()
    memo = pdf.source().get(pk=memo.pk)
    second = pdf.stored_name(memo)

    assert second != first
    assert "Keeping the Lights On, Revised" in text_of(read(fetch(client, memo)))
    assert generated(memo) == [second]
    assert not default_storage.exists(first)


def test_renaming_an_author_changes_the_version():
    author = AuthorFactory(name="Ada Okafor")
    memo = PublicationFactory(authors=[author])
    before = pdf.version(pdf.source().get(pk=memo.pk))

    author.name = "Ada Okafor-Lindqvist"
    author.save()

    assert pdf.version(pdf.source().get(pk=memo.pk)) != before


def test_the_task_is_idempotent(memo):
    assert make_pdf.call(memo.pk) is True
    [name] = generated(memo)
    assert make_pdf.call(memo.pk) is False
    assert generated(memo) == [name]


def test_the_task_leaves_drafts_alone():
    draft = PublicationFactory(draft=True)

    assert make_pdf.call(draft.pk) is False
    assert generated(draft) == []


def test_publishing_and_editing_queue_the_pdf_after_commit(commit, memo):
    draft = PublicationFactory(draft=True, authors=[AuthorFactory(name="Grace Liddell")])
    with commit():
        draft.save()
    assert generated(draft) == []

    with commit():
        draft.status = Publication.Status.PUBLISHED
        draft.save()
    [name] = generated(draft)
    assert name == pdf.stored_name(pdf.source().get(pk=draft.pk))

    with commit():
        draft.dek = "A new dek."
        draft.save()
    [newer] = generated(draft)
    assert newer != name


def test_bulk_loads_leave_the_pdfs_to_their_first_request(client, commit):
    with commit(), pdfs_on_demand():
        memo = PublicationFactory(authors=[AuthorFactory()])
    assert generated(memo) == []

    read(fetch(client, memo))
    assert generated(memo) == [pdf.stored_name(pdf.source().get(pk=memo.pk))]


def test_deleting_a_publication_deletes_its_generated_pdfs(commit, memo):
    make_pdf.call(memo.pk)
    pk = memo.pk
    with commit():
        memo.delete()
    assert pdf.stored_files(pk) == []


def test_a_generated_pdf_is_never_served_at_a_media_address(client, memo):
    make_pdf.call(memo.pk)
    [name] = generated(memo)

    assert client.get(default_storage.url(name)).status_code == 404


def test_the_hero_image_is_on_the_cover(client, memo):
    memo.hero_image.save("harbour.png", ContentFile(png(2400, 1200)), save=False)
    memo.hero_alt = "Cranes over a harbour"
    memo.hero_credit = "Illustration: Red Cell"
    memo.save()

    text = text_of(read(fetch(client, pdf.source().get(pk=memo.pk))))

    assert "Illustration: Red Cell" in text


def test_the_stylesheet_comes_from_the_collected_static_files(
    client, memo, settings, tmp_path, caplog, monkeypatch
):
    """In production the stylesheet has a hashed name, which only the collected files know."""
    asked = []
    static_file = pdf._static_file
    monkeypatch.setattr(pdf, "_static_file", lambda name: asked.append(name) or static_file(name))
    settings.STATIC_ROOT = tmp_path / "static"
    manifest = {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"}
    settings.STORAGES = {**settings.STORAGES, "staticfiles": manifest}
    call_command("collectstatic", interactive=False, verbosity=0)
    settings.DEBUG = False

    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        text = text_of(read(fetch(client, memo)))

    assert [name for name in asked if re.fullmatch(r"css/pdf\.[0-9a-f]{12}\.css", name)]
    assert re.search(r"\b2 ?/ ?[3-9]\b", text), "the stylesheet's page numbers"
    assert caplog.text == ""


def test_nothing_outside_the_site_is_fetched(client, memo, monkeypatch, caplog):
    """The body is sanitised on save, so this writes around it, as an import script might."""
    opened = []

    def record(*args, **kwargs):
        opened.append(args)
        raise AssertionError("no network access while rendering a PDF")

    monkeypatch.setattr(socket, "create_connection", record)
    monkeypatch.setattr(socket.socket, "connect", record)
    monkeypatch.setattr(urllib.request.OpenerDirector, "open", record)
    other = AuthorFactory(photo_alt="Someone else")
    other.photo.save("other.png", ContentFile(png(40, 40)))
    Publication.objects.filter(pk=memo.pk).update(
        body_html='<h2 id="remote">Remote</h2><p><img src="https://tracker.example/pixel.png" alt="">'
        f'<img src="{other.photo.url}" alt=""><img src="file:///etc/passwd" alt=""></p>'
    )

    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        response = fetch(client, memo)
        text = text_of(read(response))

    assert response.status_code == 200
    assert "Remote" in text
    assert opened == []
    refused = caplog.text
    assert "tracker.example" in refused
    assert other.photo.name in refused
    assert "/etc/passwd" in refused
