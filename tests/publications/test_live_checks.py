"""The checks before publishing, run on the form as it is being written, before any save."""

import pytest
from django.urls import reverse

from publications.models import Publication
from tests.factories import AuthorFactory, PublicationFactory, ResearchAreaFactory

pytestmark = pytest.mark.django_db

URL = reverse("admin:publications_publication_checks")


def messages(response) -> list[str]:
    assert response.status_code == 200
    return [problem["message"] for problem in response.json()["problems"]]


def test_a_new_form_is_checked_as_typed_and_nothing_is_saved(login, ada):
    expert = AuthorFactory(name="Ines Bauer", bio="")
    area = ResearchAreaFactory()
    client = login(ada)
    assert messages(client.post(URL, {})) == [
        "There is no dek (the one-line subtitle).",
        "There is no summary.",
        "No author is on the byline.",
        "No research area is chosen.",
    ]
    data = {
        "dek": "A dek",
        "summary": "A summary",
        "body": "<p>A claim.<sup>1</sup></p>",
        "areas": [area.pk],
        "authorships-TOTAL_FORMS": "2",
        "authorships-0-author": str(ada.author.pk),
        "authorships-1-author": str(expert.pk),
        "hero_chosen": "1",
        "hero_alt": "",
    }
    assert messages(client.post(URL, data)) == [
        "Footnote reference 1 has no note under the “Notes” heading.",
        "Ines Bauer has no bio.",
        "The hero image has no description (alt text).",
    ]
    data["authorships-1-DELETE"] = "on"
    data["hero_alt"] = "A chart"
    data["body"] = "<p>A claim.</p>"
    assert messages(client.post(URL, data)) == []
    assert not Publication.objects.exists()


def test_a_publication_the_user_may_not_see_is_missing_and_a_subscriber_manager_is_refused(
    login, ben, sam, ada
):
    theirs = PublicationFactory(draft=True, authors=[ada.author])
    assert login(ben).post(URL, {"publication": theirs.pk}).status_code == 404
    assert login(sam).post(URL, {}).status_code == 403
    assert login(ada).get(URL).status_code == 405


def test_the_form_carries_the_address_of_the_checks(login, ada):
    html = login(ada).get(reverse("admin:publications_publication_add")).content.decode()
    assert f'data-url="{URL}"' in html
    assert "No author is on the byline." in html
