"""The image picker the body editor opens: who may upload, what it refuses, and that a refused
upload stores nothing."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from publications.models import BodyImage
from tests.factories import BodyImageFactory, PublicationFactory, figure
from tests.images import png

pytestmark = pytest.mark.django_db

PICK = "admin:publications_bodyimage_pick"


def upload(**overrides) -> dict:
    data = {
        "image": SimpleUploadedFile("grid.png", png(1000, 500), content_type="image/png"),
        "alt": "Batteries beside a substation",
        "caption": "The first grid-scale store",
        "credit": "Photo: Ada Okafor",
        "CKEditorFuncNum": "-1",
    }
    return data | overrides


def stored_files(media_root) -> list:
    return [path for path in media_root.rglob("*") if path.is_file()] if media_root.exists() else []


def test_an_author_uploads_an_image_into_her_draft_and_gets_it_back_for_the_editor(login, ada, media_root):
    draft = PublicationFactory(draft=True, authors=[ada.author])
    url = reverse(PICK) + f"?publication={draft.pk}&CKEditorFuncNum=-1"
    response = login(ada).post(url, upload(publication=str(draft.pk)))
    assert response.status_code == 200
    image = BodyImage.objects.get()
    assert image.uploaded_by == ada
    assert image.alt == "Batteries beside a substation"
    assert [copy["width"] for copy in image.renditions["sizes"]] == [480, 800]
    page = response.content.decode()
    assert f'data-id="{image.pk}"' in page
    assert 'data-callback="-1"' in page
    assert "data-picked" in page


def test_the_picker_lists_what_the_user_may_see(login, ada, ben):
    mine = BodyImageFactory(uploaded_by=ada, alt="Mine")
    hidden = BodyImageFactory(uploaded_by=ben, alt="Ben's draft chart")
    PublicationFactory(draft=True, authors=[ben.author], body=figure(hidden))
    page = login(ada).get(reverse(PICK)).content.decode()
    assert f'data-id="{mine.pk}"' in page
    assert "Ben&#x27;s draft chart" not in page


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"alt": ""}, "This field is required."),
        (
            {"image": SimpleUploadedFile("notes.png", b"not really a picture", content_type="image/png")},
            "Upload a valid image.",
        ),
        (
            {"image": SimpleUploadedFile("photo.png", b"GIF89a" + b"\x00" * 10, content_type="image/png")},
            "Upload a valid image.",
        ),
        (
            {"data_file": SimpleUploadedFile("data.csv", b"\x00\x01\x02binary", content_type="text/csv")},
            "This file is not CSV text.",
        ),
        (
            {"data_file": SimpleUploadedFile("data.exe", b"MZ", content_type="application/octet-stream")},
            "File extension “exe” is not allowed.",
        ),
        (
            {
                "data_file": SimpleUploadedFile(
                    "data.xlsx", b"a,b\n1,2", content_type="application/octet-stream"
                )
            },
            "This file is not an Excel workbook.",
        ),
    ],
)
def test_bad_input_gets_a_clear_message_and_stores_nothing(login, eve, media_root, change, message):
    response = login(eve).post(reverse(PICK), upload(**change))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Nothing was uploaded." in page
    assert message in page.replace("&#x27;", "'")
    assert not BodyImage.objects.exists()
    assert stored_files(media_root) == []


def test_an_image_over_the_size_limit_is_refused(login, eve, media_root, settings):
    settings.MAX_IMAGE_UPLOAD_MB = 1
    big = SimpleUploadedFile("big.png", png(1200, 1200, noise=True), content_type="image/png")
    response = login(eve).post(reverse(PICK), upload(image=big))
    assert response.status_code == 400
    assert "the largest allowed is 1.0" in response.content.decode()
    assert not BodyImage.objects.exists()


def test_a_csv_of_data_is_kept_with_its_chart(login, eve):
    csv = SimpleUploadedFile("storage.csv", "année,GWh\n2020,4\n".encode(), content_type="text/csv")
    assert login(eve).post(reverse(PICK), upload(data_file=csv)).status_code == 200
    image = BodyImage.objects.get()
    assert image.data_file.name.endswith(".csv")
    assert image.data_size == len("année,GWh\n2020,4\n".encode())


def test_the_picker_is_for_staff_who_write(client, django_user_model, sam, media_root):
    url = reverse(PICK)
    # Anonymous and non-staff visitors are sent to the login page; nothing is stored.
    response = client.post(url, upload())
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    reader = django_user_model.objects.create_user("reader", password="pw")
    client.force_login(reader)
    assert client.post(url, upload()).status_code == 302
    # Staff without the library's permissions (a subscriber manager): refused.
    client.force_login(sam)
    assert client.get(url).status_code == 403
    assert client.post(url, upload()).status_code == 403
    assert not BodyImage.objects.exists()
    assert stored_files(media_root) == []


def test_an_author_may_not_upload_into_someone_elses_work(login, ada, ben, media_root):
    bens_draft = PublicationFactory(draft=True, authors=[ben.author])
    my_published = PublicationFactory(authors=[ada.author])
    client = login(ada)
    # A draft she may not see is missing; her own published work she may no longer change.
    response = client.post(reverse(PICK), upload(publication=str(bens_draft.pk)))
    assert response.status_code == 404
    response = client.post(reverse(PICK), upload(publication=str(my_published.pk)))
    assert response.status_code == 403
    assert client.post(reverse(PICK), upload(publication="../1")).status_code == 404
    assert not BodyImage.objects.exists()
    assert stored_files(media_root) == []


def test_the_upload_needs_the_csrf_token(ada):
    client = Client(enforce_csrf_checks=True)
    client.force_login(ada)
    response = client.post(reverse(PICK), upload())
    assert response.status_code == 403
    assert not BodyImage.objects.exists()


def test_an_author_changes_only_her_own_uploads(login, ada, ben):
    mine, bens = BodyImageFactory(uploaded_by=ada), BodyImageFactory(uploaded_by=ben)
    PublicationFactory(body=figure(bens))  # public, so she sees it
    client = login(ada)
    assert client.get(reverse("admin:publications_bodyimage_change", args=[mine.pk])).status_code == 200
    page = client.get(reverse("admin:publications_bodyimage_change", args=[bens.pk]))
    assert page.status_code == 200
    assert 'name="alt"' not in page.content.decode()  # shown, not editable


def test_a_garbled_upload_request_is_no_server_error(login, eve):
    response = login(eve).post(
        reverse(PICK), {"image": BytesIO(b"\x89PNG\r\n"), "alt": "x" * 1000, "CKEditorFuncNum": "abc"}
    )
    assert response.status_code == 400
