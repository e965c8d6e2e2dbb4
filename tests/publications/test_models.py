import pytest

from publications import body
from publications.models import Publication
from tests.factories import AuthorFactory, PublicationFactory, PublicationTypeFactory

pytestmark = pytest.mark.django_db


def test_partial_save_still_stores_the_rendered_body():
    publication = PublicationFactory(body="<p>Old text.</p>")
    publication.body = "<h2>New section</h2><p>New text.</p><script>x</script>"
    publication.save(update_fields=["body"])

    stored = Publication.objects.get(pk=publication.pk)
    assert 'id="new-section"' in stored.body_html
    assert stored.toc == [{"level": 2, "id": "new-section", "text": "New section"}]
    assert "<script>" not in stored.body


def test_update_or_create_fills_slug_and_date():
    memo = PublicationTypeFactory()
    publication, _ = Publication.objects.update_or_create(
        title="Made Elsewhere", defaults={"type": memo, "status": "published", "body": "<p>Hi.</p>"}
    )
    Publication.objects.update_or_create(title="Made Elsewhere", defaults={"body": "<p>Changed there.</p>"})
    stored = Publication.objects.get(pk=publication.pk)
    assert stored.slug == "made-elsewhere"
    assert stored.published_at is not None
    assert "Changed there." in stored.body_html


def test_partial_save_of_an_author_keeps_generated_slug():
    author = AuthorFactory.build(name="Ingrid Halvorsen", slug="", sort_name="")
    author.save()
    author.role = "Fellow"
    author.save(update_fields=["role"])
    author.refresh_from_db()
    assert author.slug == "ingrid-halvorsen"
    assert author.sort_name == "Halvorsen, Ingrid"


def test_back_link_stays_inside_a_note_written_as_a_paragraph():
    rendered = body.render("<p>Claim<sup>1</sup>.</p><h2>Notes</h2><ol><li><p>Source.</p></li></ol>")
    assert '<li id="note-1"><p>Source. <a href="#note-ref-1"' in rendered.html
    assert rendered.html.count("</p></li>") == 1
