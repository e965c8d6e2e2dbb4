"""The checks before publishing: each one names what a reader would miss."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from publications import workflow
from tests.admin_forms import ready
from tests.factories import AuthorFactory, PublicationFactory
from tests.images import png

pytestmark = pytest.mark.django_db

NOTES = "<h2>Notes</h2><ol><li><p>First source.</p></li></ol>"


def messages(publication) -> list[str]:
    return [problem.message for problem in workflow.problems(publication)]


def test_a_complete_publication_passes_every_check():
    assert messages(ready(body="<p>Claim.<sup>1</sup></p>" + NOTES)) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"dek": ""}, "There is no dek (the one-line subtitle)."),
        ({"summary": "  "}, "There is no summary."),
        ({"areas": None}, "No research area is chosen."),
        ({"authors": None}, "No author is on the byline."),
        (
            {"body": "<p>Claim.<sup>1</sup></p>"},
            "Footnote reference 1 has no note under the “Notes” heading.",
        ),
        (
            {"body": "<p>A<sup>1</sup> b<sup>2</sup> c<sup>3</sup>.</p>" + NOTES},
            "Footnote references 2, 3 have no note under the “Notes” heading.",
        ),
    ],
)
def test_each_check_names_what_is_missing(change, expected):
    kwargs = {key: value for key, value in change.items() if value is not None}
    if "areas" in change:
        kwargs["areas"] = []
    if "authors" in change:
        kwargs["authors"] = []
    assert messages(ready(**kwargs)) == [expected]


def test_every_author_needs_a_bio_and_photos_need_descriptions():
    silent = AuthorFactory(name="Quiet Person", bio="")
    pictured = AuthorFactory(name="Pictured Person")
    pictured.photo = SimpleUploadedFile("face.png", png(40, 40), content_type="image/png")
    pictured.save()
    assert messages(ready(authors=[silent, pictured])) == [
        "Quiet Person has no bio.",
        "The photo of Pictured Person has no description (alt text).",
    ]


def test_a_hero_image_needs_its_description():
    publication = ready()
    publication.hero_image = SimpleUploadedFile("hero.png", png(40, 20), content_type="image/png")
    publication.save()
    assert messages(publication) == ["The hero image has no description (alt text)."]
    publication.hero_alt = "A container ship at a quay"
    assert messages(publication) == []


def test_a_new_unsaved_publication_is_not_ready():
    publication = PublicationFactory.build()
    assert "No research area is chosen." in messages(publication)
