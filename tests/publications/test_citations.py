"""'Cite this': Chicago and APA text, and BibTeX and RIS files that reference managers read.

Chicago and APA are rendered from their CSL styles by citeproc-py: where these tests pin the
exact text, it is what the styles produce."""

from datetime import datetime
from html.parser import HTMLParser

import bibtexparser
import pytest
import rispy
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from publications import citations
from tests.factories import AuthorFactory, PublicationFactory, PublicationTypeFactory, SeriesFactory
from tests.tools import SITE

# Absolute links (feeds, sitemaps, metadata, citations) come from SITE_URL, never the request.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_url")]

MARCH_3 = timezone.make_aware(datetime(2025, 3, 3, 12, 0))


@pytest.fixture
def people():
    return [
        AuthorFactory(name="Ada Okafor"),
        AuthorFactory(name="Ben Haddad"),
        AuthorFactory(name="Jean-Paul Grace Ruiz", sort_name="Ruiz, Jean-Paul Grace"),
    ]


@pytest.fixture
def report(people):
    return PublicationFactory(
        title="Keeping the Lights On",
        summary="A resilience standard for regional grids.",
        type=PublicationTypeFactory(name="Report"),
        series=SeriesFactory(name="Grid Futures"),
        authors=people[:2],
        tags=["grid", "storage"],
        published_at=MARCH_3,
    )


def url(publication) -> str:
    return f"{SITE}{publication.get_absolute_url()}"


@pytest.mark.parametrize(
    ("count", "names"),
    [
        (1, "Okafor, Ada."),
        (2, "Okafor, Ada, and Ben Haddad."),
        (3, "Okafor, Ada, Ben Haddad, and Jean-Paul Grace Ruiz."),
    ],
)
def test_chicago_names_authors_the_chicago_way(report, people, count, names):
    text = citations.chicago(report, people[:count])

    assert text == (
        f"{names} <i>Keeping the Lights On</i>. Report. Grid Futures. Red Cell Institute, 2025. "
        f"{url(report)}."
    )


@pytest.mark.parametrize(
    ("count", "names"),
    [
        (1, "Okafor, A."),
        (2, "Okafor, A., &amp; Haddad, B."),
        (3, "Okafor, A., Haddad, B., &amp; Ruiz, J.-P. G."),
    ],
)
def test_apa_names_authors_with_initials(report, people, count, names):
    text = citations.apa(report, people[:count])

    assert text == (
        f"{names} (2025). <i>Keeping the Lights On</i> (Grid Futures) [Report]. Red Cell Institute. "
        f"{url(report)}"
    )


def test_names_keep_their_letters_and_a_single_name_stands_alone(report):
    zoe = AuthorFactory(name="Zoë Ørsted-Núñez")
    plato = AuthorFactory(name="Plato", sort_name="Plato")

    assert citations.chicago(report, [zoe, plato]).startswith("Ørsted-Núñez, Zoë, and Plato. <i>")
    assert citations.apa(report, [zoe, plato]).startswith("Ørsted-Núñez, Z., &amp; Plato. (2025).")


def many(count: int) -> list:
    return [AuthorFactory(name=f"Ann Author{n:02d}") for n in range(count)]


def test_chicago_lists_up_to_ten_authors_then_seven_and_et_al(report):
    assert ", Ann Author08, and Ann Author09. <i>" in citations.chicago(report, many(10))
    assert citations.chicago(report, many(11)).startswith(
        "Author00, Ann, Ann Author01, Ann Author02, Ann Author03, Ann Author04, Ann Author05, "
        "Ann Author06, et al. <i>"
    )


def test_apa_lists_up_to_twenty_authors_then_nineteen_and_the_last(report):
    assert ", Author18, A., &amp; Author19, A. (2025)." in citations.apa(report, many(20))
    text = citations.apa(report, many(21))
    assert ", Author18, A., … Author20, A. (2025)." in text
    assert "Author19" not in text


def test_without_authors_the_institute_stands_in(report):
    # Without an author the styles would put the title first, and citeproc-py prints it twice.
    assert citations.apa(report, []).startswith("Red Cell Institute. (2025). <i>Keeping the Lights On</i>")
    assert citations.chicago(report, []).startswith("Red Cell Institute. <i>Keeping the Lights On</i>.")


def test_commentary_title_is_quoted_in_chicago(people):
    commentary = PublicationFactory(
        title="Why Grids Fail", type=PublicationTypeFactory(name="Commentary"), published_at=MARCH_3
    )

    assert "“Why Grids Fail.”" in citations.chicago(commentary, people[:1])


def test_a_title_ending_in_a_mark_keeps_one(people):
    question = PublicationFactory(
        title="Why Grids Fail?", type=PublicationTypeFactory(name="Commentary"), published_at=MARCH_3
    )
    etc = PublicationFactory(
        title="Grids, Etc.", type=PublicationTypeFactory(name="Report"), published_at=MARCH_3
    )

    assert "“Why Grids Fail?” Commentary." in citations.chicago(question, people[:1])
    assert "<i>Grids, Etc.</i> Report." in citations.chicago(etc, people[:1])
    assert "<i>Grids, Etc.</i> [Report]." in citations.apa(etc, people[:1])


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)


def test_citation_text_is_escaped(people):
    risky = PublicationFactory(title="<b>Bold</b> & brave", published_at=MARCH_3)
    risky_author = AuthorFactory(name="<script>alert(1)</script> Ada", sort_name="<script>, Ada & Co")

    for render in (citations.chicago, citations.apa):
        text = render(risky, [risky_author, *people[:1]])
        parser = Tags()
        parser.feed(text)
        assert parser.tags == {"i"}, text
        assert "&lt;b&gt;Bold&lt;/b&gt; &amp;" in text
        assert "&lt;script&gt;" in text
    # Chicago writes titles in title case.
    assert "&amp; Brave" in citations.chicago(risky, people[:1])
    assert "&amp; brave" in citations.apa(risky, people[:1])


def download(client, publication, name: str):
    response = client.get(reverse(f"publications:{name}", kwargs={"slug": publication.slug}))
    assert response.status_code == 200
    return response


def test_bibtex_download_parses(client, report):
    response = download(client, report, "cite_bibtex")

    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{report.slug}.bib"'
    library = bibtexparser.parse_string(response.content.decode())
    assert library.failed_blocks == []
    [entry] = library.entries
    assert entry.entry_type == "techreport"
    assert entry.key == "okafor2025keeping"
    fields = {field.key: field.value for field in entry.fields}
    assert fields["author"] == "Okafor, Ada and Haddad, Ben"
    assert fields["title"].strip("{}") == "Keeping the Lights On"
    assert fields["institution"] == "Red Cell Institute"
    assert fields["year"] == "2025"
    assert fields["month"] == "mar"
    assert fields["url"] == url(report)
    assert fields["series"] == "Grid Futures"


def test_bibtex_escapes_what_latex_would_read(client, people):
    publication = PublicationFactory(
        title="Cutting 50% of costs & other_ideas {fast}",
        type=PublicationTypeFactory(name="Commentary"),
        authors=people[:1],
        published_at=MARCH_3,
    )

    library = bibtexparser.parse_string(download(client, publication, "cite_bibtex").content.decode())

    assert library.failed_blocks == []
    fields = {field.key: field.value for field in library.entries[0].fields}
    assert fields["title"] == r"{Cutting 50\% of costs \& other\_ideas \{fast\}}"
    assert library.entries[0].entry_type == "misc"  # commentary is not a report
    assert fields["howpublished"] == "Red Cell Institute"


def test_ris_download_parses(client, report):
    report.pdf = SimpleUploadedFile("lights.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    report.save()

    response = download(client, report, "cite_ris")

    assert response["Content-Type"] == "application/x-research-info-systems; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{report.slug}.ris"'
    [entry] = rispy.loads(response.content.decode())
    assert entry["type_of_reference"] == "RPRT"
    assert entry["title"] == "Keeping the Lights On"
    assert entry["authors"] == ["Okafor, Ada", "Haddad, Ben"]
    assert entry["year"] == "2025"
    assert entry["publisher"] == "Red Cell Institute"
    assert entry["urls"] == [url(report)]
    assert sorted(entry["keywords"]) == ["grid", "storage"]
    assert entry["abstract"] == "A resilience standard for regional grids."
    assert entry["file_attachments1"].startswith(f"{SITE}/media/publications/pdf/")


@pytest.mark.parametrize("state", ["draft", "in_review", "scheduled"])
@pytest.mark.parametrize("name", ["cite_bibtex", "cite_ris"])
def test_unpublished_work_has_no_citation_files(client, state, name):
    hidden = PublicationFactory(**{state: True})

    response = client.get(reverse(f"publications:{name}", kwargs={"slug": hidden.slug}))

    assert response.status_code == 404


def test_publication_page_offers_both_styles_and_both_files(client, report):
    content = client.get(report.get_absolute_url()).content.decode()

    assert 'id="cite"' in content
    assert "Cite this report" in content
    assert "<dt>Chicago</dt>" in content
    assert "<dt>APA</dt>" in content
    assert "Okafor, A., &amp; Haddad, B. (2025). <i>Keeping the Lights On</i>" in content
    assert f'href="{reverse("publications:cite_bibtex", kwargs={"slug": report.slug})}"' in content
    assert f'href="{reverse("publications:cite_ris", kwargs={"slug": report.slug})}"' in content


def test_draft_preview_shows_citations_without_dead_download_links(admin_client):
    draft = PublicationFactory(draft=True)

    content = admin_client.get(
        reverse("admin:publications_publication_preview", args=[draft.pk])
    ).content.decode()

    assert "<dt>Chicago</dt>" in content
    assert "n.d." in content
    assert reverse("publications:cite_bibtex", kwargs={"slug": draft.slug}) not in content
