"""Preview links: an outside reviewer reads a draft without an account, until the link expires."""

from datetime import timedelta

import pytest
from django.contrib.admin.models import LogEntry
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from lxml import html

from publications import sharing
from tests.admin_forms import ready
from tests.images import png

pytestmark = pytest.mark.django_db


def share_page(publication) -> str:
    return reverse("admin:publications_publication_share", args=[publication.pk])


def make_link(client, publication, days=7) -> str:
    response = client.post(share_page(publication), {"days": days})
    assert response.status_code == 200
    return response.context["link"]["path"]


def test_staff_make_a_link_and_an_outsider_reads_the_draft_with_it(login, ada, client):
    draft = ready(authors=[ada.author], title="Unreleased Findings", body="<p>The secret sauce.</p>")
    response = login(ada).post(share_page(draft), {"days": 3})
    page = response.content.decode()
    link = response.context["link"]
    assert link["url"] in page
    assert "It works until" in page
    assert LogEntry.objects.get(user=ada).get_change_message().startswith("Made a preview link")

    client.logout()
    shared = client.get(link["path"])
    assert shared.status_code == 200
    assert "The secret sauce." in shared.content.decode()
    assert "Preview:" in shared.content.decode()
    assert '<meta name="robots" content="noindex, nofollow">' in shared.content.decode()
    assert shared["X-Robots-Tag"] == "noindex, nofollow"
    assert shared["Cache-Control"] == "private, no-store"
    assert shared["Referrer-Policy"] == "same-origin"
    # The ordinary address still shows nothing.
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_a_link_stops_working_when_it_expires(login, ada, client, clock):
    draft = ready(authors=[ada.author], title="Short Lived")
    path = make_link(login(ada), draft, days=1)
    client.logout()
    clock.advance(timedelta(hours=23, minutes=59))
    assert client.get(path).status_code == 200
    clock.advance(timedelta(minutes=1))
    expired = client.get(path)
    assert expired.status_code == 410
    page = expired.content.decode()
    assert "This preview link has expired" in page
    assert "Short Lived" not in page
    assert expired["Cache-Control"] == "private, no-store"
    assert '<meta name="robots" content="noindex, nofollow">' in page


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        lambda token: token.replace(
            token.split(":")[0], signing.b64_encode(b'{"p":1,"k":"x","e":9999999999}').decode()
        ),
        lambda token: "not-a-token",
        lambda token: signing.dumps({"p": 1, "e": 9999999999}, salt="some.other.salt"),
    ],
    ids=["signature", "payload", "garbage", "other-salt"],
)
def test_a_tampered_link_gets_a_clear_page_not_an_error(login, ada, client, tamper):
    draft = ready(authors=[ada.author], title="Guarded Draft")
    path = make_link(login(ada), draft)
    token = path.rstrip("/").rsplit("/", 1)[-1]
    client.logout()
    response = client.get(reverse("publications:shared_preview", args=[tamper(token)]))
    assert response.status_code == 404
    page = response.content.decode()
    assert "This preview link is not valid" in page
    assert "Guarded Draft" not in page
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_withdrawing_links_stops_every_one_made_so_far(login, ada, client):
    draft = ready(authors=[ada.author])
    staff = login(ada)
    first, second = make_link(staff, draft), make_link(staff, draft)
    staff.post(share_page(draft), {"_revoke": "1"})
    fresh = make_link(staff, draft)
    client.logout()
    for path in (first, second):
        response = client.get(path)
        assert response.status_code == 410
        assert "withdrawn" in response.content.decode()
    assert client.get(fresh).status_code == 200


def test_a_link_to_a_piece_since_published_leads_to_its_public_page(login, eve, client):
    draft = ready()
    path = make_link(login(eve), draft)
    draft.refresh_from_db()
    draft.status, draft.published_at = draft.Status.PUBLISHED, None
    draft.save()
    client.logout()
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == draft.get_absolute_url()


def test_a_token_for_a_deleted_publication_is_a_clear_page(client):
    draft = ready()
    token = sharing.make_token(draft, draft.created_at + timedelta(days=365 * 100))
    draft.delete()
    response = client.get(reverse("publications:shared_preview", args=[token]))
    assert response.status_code == 410


def test_the_shared_page_shows_the_drafts_hero_and_pdf_which_stay_private_elsewhere(login, ada, client):
    draft = ready(authors=[ada.author], title="Pictured Draft")
    draft.hero_image = SimpleUploadedFile("harbour.png", png(1000, 500))
    draft.hero_alt = "A harbour"
    draft.pdf = SimpleUploadedFile("report.pdf", b"%PDF-1.4 the full report")
    draft.save()
    path = make_link(login(ada), draft)
    client.logout()

    page = html.fromstring(client.get(path).content)
    [img] = page.xpath('//figure[contains(@class, "publication__hero")]//img')
    urls = [img.get("src")] + [candidate.split()[0] for candidate in img.get("srcset").split(",")]
    [pdf_link] = page.xpath('//a[contains(@class, "pdf-link")]/@href')
    for url in [*urls, pdf_link]:
        assert url.startswith(path + "files/")
        response = client.get(url)
        assert response.status_code == 200
        assert response["Cache-Control"] == "private, no-store"
        body = b"".join(response.streaming_content)  # reading it to the end closes the file
        assert body.startswith(b"%PDF") if url == pdf_link else body[:4] in {b"RIFF", b"\x89PNG"}

    # Its ordinary addresses stay closed to the public, and the link opens nothing else.
    assert client.get(draft.hero_image.url).status_code == 404
    other = ready(title="Another Draft")
    other.pdf = SimpleUploadedFile("other.pdf", b"%PDF-1.4 secret")
    other.save()
    token = path.rstrip("/").rsplit("/", 1)[-1]
    assert client.get(reverse("publications:shared_file", args=[token, other.pdf.name])).status_code == 404
    assert client.get(reverse("publications:shared_file", args=["forged", draft.pdf.name])).status_code == 404
