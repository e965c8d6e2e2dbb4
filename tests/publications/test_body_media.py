"""Images, charts and videos in a publication's body: how the page shows them, the embargo on
their files, the check on their descriptions, and the cleaning of videos."""

import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from publications import body, figures, pdf, sharing
from publications.models import BodyImage, Publication
from tests.admin_forms import change_url, form_data, ready
from tests.factories import BodyImageFactory, PublicationFactory, figure
from tests.security.conftest import read

pytestmark = pytest.mark.django_db


def copies(image) -> list[str]:
    return [image.image.storage.url(copy["name"]) for copy in image.renditions["sizes"]]


def test_the_page_shows_a_library_image_with_its_copies_caption_credit_and_data(client):
    image = BodyImageFactory(
        credit="Chart: Ada Okafor",
        data_file=SimpleUploadedFile("storage.csv", b"year,gwh\n2020,4\n2025,21\n"),
    )
    assert [copy["width"] for copy in image.renditions["sizes"]] == [480, 800]
    shown_figure = figure(image, alt="Storage by year", caption="Storage grew <em>fivefold</em>.")
    publication = PublicationFactory(body=f"<p>Before.</p>{shown_figure}")
    page = client.get(publication.get_absolute_url()).content.decode()
    found = re.search(r'<figure class="body-figure">(.*?)</figure>', page, re.S)
    assert found, page
    shown = found.group(1)
    img = re.search(r"<img [^>]*>", shown).group(0)
    assert 'alt="Storage by year"' in img
    assert 'loading="lazy"' in img
    assert f'sizes="{figures.BODY_SIZES}"' in img
    assert 'width="1200" height="600"' in img
    srcset = re.search(r'srcset="([^"]*)"', img).group(1)
    assert srcset == ", ".join(
        [f"{copies(image)[0]} 480w", f"{copies(image)[1]} 800w", f"{image.image.url} 1200w"]
    )
    assert "<figcaption>Storage grew <em>fivefold</em>. <small>Chart: Ada Okafor</small>" in shown
    assert f'href="{image.data_file.url}" download>Download the data (CSV, 24' in shown
    # What is stored names the image by its number, not by an address that could change.
    assert f'data-file="{image.pk}"' in Publication.objects.get(pk=publication.pk).body


def test_an_image_not_in_the_library_is_left_out_of_the_page(client):
    publication = PublicationFactory(
        body='<p>Text.</p><figure class="figure"><img src="/media/elsewhere.png" alt="x"></figure>'
        '<figure class="figure"><img src="/media/gone.png" alt="y" data-file="999999"></figure>'
    )
    page = client.get(publication.get_absolute_url()).content.decode()
    assert "elsewhere.png" not in page
    assert "gone.png" not in page
    assert "<p>Text.</p>" in page


def test_a_body_image_of_a_draft_is_a_404_to_the_public_and_served_once_published(client):
    image = BodyImageFactory(data_file=SimpleUploadedFile("data.csv", b"a,b\n1,2\n"))
    draft = PublicationFactory(draft=True, body=figure(image))
    urls = [image.image.url, image.data_file.url, *copies(image)]
    assert len(urls) == 4
    for url in urls:
        assert client.get(url).status_code == 404, url
    draft.status = Publication.Status.PUBLISHED
    draft.save()
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == "public, max-age=600"
        read(response)
    # Taken out of the text again (and in no other published text): private again.
    draft.body = "<p>No image now.</p>"
    draft.save()
    assert client.get(image.image.url).status_code == 404


def test_the_library_shows_each_role_what_it_may_see(ada, ben, eve, sam):
    mine = BodyImageFactory(uploaded_by=ada)
    bens = BodyImageFactory(uploaded_by=ben)
    PublicationFactory(draft=True, body=figure(bens), authors=[ben.author])
    public = BodyImageFactory(uploaded_by=ben)
    PublicationFactory(body=figure(public))
    assert set(BodyImage.objects.visible_to(ada)) == {mine, public}
    assert set(BodyImage.objects.visible_to(eve)) == {mine, bens, public}
    assert set(BodyImage.objects.visible_to(sam)) == {public}


def test_an_image_in_use_cannot_be_deleted_from_the_library(login, eve):
    image = BodyImageFactory()
    PublicationFactory(body=figure(image))
    response = login(eve).post(
        reverse("admin:publications_bodyimage_delete", args=[image.pk]), {"post": "yes"}
    )
    assert response.status_code == 200  # the page listing what protects it
    assert BodyImage.objects.filter(pk=image.pk).exists()


# --- The check before publishing ---------------------------------------------------------------


def test_an_image_without_a_description_blocks_publishing_until_published_anyway(login, eve):
    image = BodyImageFactory()
    memo = ready(body=f"<p>Text.</p>{figure(image, alt='')}")
    client = login(eve)
    page = client.post(change_url(memo), form_data(memo, _publish="Publish now"), follow=True)
    assert "An image in the body has no description (alt text)." in page.content.decode()
    memo.refresh_from_db()
    assert memo.status == Publication.Status.DRAFT

    reason = "The chart is described in the paragraph above it."
    client.post(change_url(memo), form_data(memo, _publish="Publish now", override_reason=reason))
    memo.refresh_from_db()
    assert memo.is_published
    assert memo.checks_override == reason


def test_the_checks_while_writing_see_an_image_without_a_description(login, eve):
    image = BodyImageFactory()
    memo = ready()
    data = form_data(memo, body=figure(image, alt=" "))
    data["publication"] = memo.pk
    problems = login(eve).post(reverse("admin:publications_publication_checks"), data).json()["problems"]
    assert {"field": "body", "message": "An image in the body has no description (alt text)."} in problems


# --- Videos and the sanitiser -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("pasted", "player"),
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://youtu.be/dQw4w9WgXcQ?t=42", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=42"),
        ("https://www.youtube.com/embed/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1"),
        (
            "https://player.vimeo.com/video/76979871?h=abc123def",
            "https://player.vimeo.com/video/76979871?dnt=1&h=abc123def",
        ),
    ],
)
def test_videos_become_the_privacy_friendly_players(pasted, player):
    cleaned = body.sanitize(f'<iframe src="{pasted}" title="The launch"></iframe>', media=True)
    assert cleaned == f'<iframe src="{player.replace("&", "&amp;")}" title="The launch"></iframe>'


@pytest.mark.parametrize(
    "src",
    [
        "https://evil.example/embed/x",
        "https://www.youtube.com.evil.example/embed/dQw4w9WgXcQ",
        "javascript:alert(1)",
        "https://www.youtube.com/channel/UC123",
        "//www.youtube.com/embed/dQw4w9WgXcQ",
        "",
    ],
)
def test_the_sanitiser_drops_iframes_of_other_sites(src):
    iframe = f'<iframe src="{src}" title="x" onload="alert(1)">fallback <b>text</b></iframe>'
    html = f"<p>Before.</p>{iframe}<p>After.</p>"
    assert body.sanitize(html, media=True) == "<p>Before.</p><p>After.</p>"
    assert "iframe" not in body.sanitize(html)  # pages and events take no video at all


def test_a_saved_video_is_shown_lazily_in_the_player_and_the_csp_allows_only_those_players(client):
    publication = PublicationFactory(
        body='<iframe src="https://vimeo.com/76979871" title="The launch"></iframe>'
        '<iframe src="https://tracker.example/v/1" title="Other"></iframe>'
    )
    response = client.get(publication.get_absolute_url())
    page = response.content.decode()
    assert (
        '<iframe src="https://player.vimeo.com/video/76979871?dnt=1" title="The launch" loading="lazy"'
        in page
    )
    assert "tracker.example" not in page
    directives = dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";") if part.strip()
    )
    assert directives["frame-src"].split() == ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]


# --- Cost ---------------------------------------------------------------------------------------


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_body_images_of_a_page_are_read_in_one_query(client):
    one = PublicationFactory(body=figure(BodyImageFactory()))
    three = PublicationFactory(body="".join(figure(BodyImageFactory()) for _ in range(3)))
    plain = PublicationFactory()
    assert queries(client, three.get_absolute_url()) == queries(client, one.get_absolute_url())
    assert queries(client, one.get_absolute_url()) == queries(client, plain.get_absolute_url()) + 1


# --- Preview links and the PDF -------------------------------------------------------------------


def test_a_preview_link_shows_the_drafts_images_through_itself(client):
    image = BodyImageFactory()
    draft = PublicationFactory(draft=True, body=figure(image))
    expires = timezone.now() + timedelta(days=1)
    page = client.get(reverse("publications:shared_preview", args=[sharing.make_token(draft, expires)]))
    srcset = re.search(
        r'<figure class="body-figure"><img [^>]*srcset="([^"]*)"', page.content.decode()
    ).group(1)
    addresses = [candidate.split(" ")[0] for candidate in srcset.split(", ")]
    assert len(addresses) == 3
    for address in addresses:
        assert "/preview/" in address
        response = client.get(address)
        assert response.status_code == 200, address
        read(response)
    assert client.get(image.image.url).status_code == 404  # still embargoed at its own address


def test_the_pdf_shows_the_body_images_from_storage():
    image = BodyImageFactory()
    publication = PublicationFactory(body=figure(image, caption="Storage grew."))  # no byline, too
    printed = pdf.context(publication)["body"]
    middle = image.renditions["sizes"][1]["name"]
    assert f'src="{pdf._media_url(middle)}"' in printed
    assert "<figcaption>Storage grew. <small>" in printed


def test_a_page_names_its_library_images_for_edge_purges(client):
    image = BodyImageFactory()
    publication = PublicationFactory(body=figure(image))
    assert f"bodyimage-{image.pk}" in client.get(publication.get_absolute_url())["xkey"].split()
