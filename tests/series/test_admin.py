"""An editor gives a series its identity in the admin: banner colour (checked for readable
text, with a preview), logo with its description, landing text and lead expert."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from lxml import html

from series.models import Series
from tests.factories import AuthorFactory, SeriesFactory
from tests.images import png

pytestmark = pytest.mark.django_db

ADD = reverse("admin:series_series_add")


def change_url(series) -> str:
    return reverse("admin:series_series_change", args=[series.pk])


def form(**overrides) -> dict:
    data = {
        "name": "Narrow Waters",
        "slug": "",
        "description": "The institute's project on maritime chokepoints.",
        "landing_text": "Narrow Waters follows the straits that trade depends on.",
        "lead_expert": "",
        "banner_colour": "",
        "logo_alt": "",
    }
    return data | overrides


def errors(response) -> list[str]:
    return [
        " ".join(e.text_content().split())
        for e in html.fromstring(response.content).xpath('//ul[contains(@class, "errorlist")]/li')
    ]


def test_an_editor_adds_a_project_with_its_identity(login, eve):
    client = login(eve)
    lead = AuthorFactory(name="Ada Okafor")
    logo = SimpleUploadedFile("waves.png", png(240, 80), content_type="image/png")

    response = client.post(
        ADD,
        form(banner_colour="0B3D5C", lead_expert=lead.pk, logo=logo, logo_alt="Three blue waves"),
    )

    assert response.status_code == 302, errors(response)
    series = Series.objects.get(name="Narrow Waters")
    assert series.slug == "narrow-waters"
    assert series.banner_colour == "#0b3d5c"  # as a brand guide wrote it, stored one way
    assert series.lead_expert == lead
    assert (series.logo_width, series.logo_height) == (240, 80)
    assert series.logo_alt == "Three blue waves"


def test_a_colour_no_text_reads_well_on_is_refused_with_the_reason(login, eve):
    response = login(eve).post(ADD, form(banner_colour="#777777"))

    assert response.status_code == 200
    [message] = errors(response)
    assert message.startswith(
        "Text would be hard to read on #777777: white text reaches a contrast of 4.48:1"
    )
    assert "Choose a darker shade (for white text) or a lighter one (for dark text)." in message
    assert not Series.objects.exists()


def test_a_logo_without_its_description_is_refused(login, eve):
    logo = SimpleUploadedFile("waves.png", png(40, 40), content_type="image/png")
    response = login(eve).post(ADD, form(logo=logo))
    assert errors(response) == ["Describe the logo for readers who cannot see it."]


def test_the_change_form_groups_the_fields_and_previews_the_banner(login, eve):
    series = SeriesFactory(name="Red Cell", banner_colour="#b3001b", lead_expert=AuthorFactory())
    page = html.fromstring(login(eve).get(change_url(series)).content)

    headings = [" ".join(h.text_content().split()) for h in page.xpath("//fieldset//h2")]
    assert headings == ["The series' own page", "Identity"]
    preview = " ".join(page.xpath('//*[contains(@class, "field-banner_preview")]')[0].text_content().split())
    assert "Red Cell" in preview
    assert "Text on it is white (#ffffff), with a contrast of 7.2:1 (WCAG AA asks for 4.5:1)." in preview
    # The lead expert is picked by typing a name, not from a list of every expert.
    assert page.xpath('//select[@id="id_lead_expert"][contains(@class, "admin-autocomplete")]')
    assert page.xpath('//a[contains(@class, "viewsitelink")]')


def test_the_list_of_series_shows_lead_expert_and_banner(login, eve):
    SeriesFactory(name="Red Cell", banner_colour="#b3001b", lead_expert=AuthorFactory(name="Ada Okafor"))
    SeriesFactory(name="Stress Test")
    page = login(eve).get(reverse("admin:series_series_changelist")).content.decode()
    assert "Ada Okafor" in page
    assert "#b3001b" in page
