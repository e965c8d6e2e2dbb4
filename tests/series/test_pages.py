"""The "Projects & series" list and a series' own page: its banner, logo, landing text and lead
expert, then its published work, newest first."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from lxml import html

from tests.factories import AuthorFactory, PublicationFactory, SeriesFactory, days_ago
from tests.images import png

pytestmark = pytest.mark.django_db


def test_a_series_page_says_what_it_is_about_and_lists_its_published_work(client):
    series = SeriesFactory(name="Grid Futures", description="Memos on the grid of 2040.")
    PublicationFactory(title="Grid memo one", series=series)
    PublicationFactory(title="Grid memo draft", series=series, draft=True)
    PublicationFactory(title="Unrelated memo")
    page = client.get(series.get_absolute_url()).content.decode()
    assert "Grid Futures" in page
    assert "Memos on the grid of 2040." in page
    assert "Grid memo one" in page
    assert "Grid memo draft" not in page
    assert "Unrelated memo" not in page


def test_each_publication_of_a_series_shows_what_the_series_is_about(client):
    series = SeriesFactory(name="Grid Futures", description="Memos on the grid of 2040.")
    publication = PublicationFactory(series=series)
    page = client.get(publication.get_absolute_url()).content.decode()
    assert "Memos on the grid of 2040." in page


# The list of projects and series ------------------------------------------------------------


def series_items(client) -> list:
    response = client.get(reverse("series:list"))
    assert response.status_code == 200
    return html.fromstring(response.content).xpath('//li[contains(@class, "series-item")]')


def text_of(element) -> str:
    return " ".join(element.text_content().split())


def test_the_projects_and_series_page_lists_each_a_to_z_with_its_count_and_latest_piece(client):
    grid = SeriesFactory(name="Grid Futures", description="Memos on the grid of 2040.")
    ports = SeriesFactory(name="Atlantic Ports", description="How harbours adapt.")
    PublicationFactory(title="Grid memo one", series=grid, published_at=days_ago(30))
    PublicationFactory(title="Grid memo two", series=grid, published_at=days_ago(2))
    PublicationFactory(title="Grid memo draft", series=grid, draft=True)
    PublicationFactory(title="Grid memo next week", series=grid, scheduled=True)
    PublicationFactory(title="Harbour memo", series=ports, published_at=days_ago(9))

    response = client.get(reverse("series:list"))
    page = html.fromstring(response.content)
    assert page.xpath("string(//title)").startswith("Projects & series |")
    assert page.xpath("string(//h1)") == "Projects & series"
    items = series_items(client)
    assert [item.xpath("string(.//h2)") for item in items] == ["Atlantic Ports", "Grid Futures"]
    grid_item = text_of(items[1])
    assert "Memos on the grid of 2040." in grid_item
    assert "2 publications" in grid_item  # the draft and the scheduled memo do not count
    assert "Latest: Grid memo two" in grid_item
    assert items[1].xpath(".//h2/a/@href") == [grid.get_absolute_url()]
    assert "1 publication " in text_of(items[0]) + " "
    assert "draft" not in response.content.decode()
    assert "next week" not in response.content.decode()


def test_a_series_with_nothing_published_yet_is_listed_and_says_so(client):
    """A new project is announced before its first memo; its drafts stay out of sight."""
    arctic = SeriesFactory(name="Arctic Watch")
    PublicationFactory(title="Arctic draft", series=arctic, draft=True)
    PublicationFactory(title="Arctic memo for next week", series=arctic, scheduled=True)
    [item] = series_items(client)
    assert "Nothing published yet" in text_of(item)
    listing = client.get(reverse("series:list")).content.decode()
    assert "Arctic draft" not in listing
    assert "next week" not in listing
    assert "Nothing published in this series yet." in client.get(arctic.get_absolute_url()).content.decode()


def test_a_logo_is_shown_with_its_description_on_the_list_and_the_series_page(client):
    series = SeriesFactory(
        name="Narrow Waters",
        logo=SimpleUploadedFile("waves.png", png(300, 120), content_type="image/png"),
        logo_alt="Narrow Waters logo: three blue waves",
    )
    assert (series.logo_width, series.logo_height) == (300, 120)
    [item] = series_items(client)
    [logo] = item.xpath(".//img")
    assert logo.get("alt") == "Narrow Waters logo: three blue waves"
    assert (logo.get("width"), logo.get("height")) == ("300", "120")
    page = html.fromstring(client.get(series.get_absolute_url()).content)
    [banner_logo] = page.xpath('//header[contains(@class, "series-banner")]//img')
    assert banner_logo.get("alt") == "Narrow Waters logo: three blue waves"
    served = client.get(banner_logo.get("src"))
    assert served.status_code == 200  # a series' logo is public
    b"".join(served.streaming_content)  # reading to the end closes the file


def test_a_logo_needs_its_description():
    series = SeriesFactory.build(
        name="Narrow Waters", logo=SimpleUploadedFile("waves.png", png(30, 30), content_type="image/png")
    )
    with pytest.raises(ValidationError) as refused:
        series.full_clean()
    assert refused.value.message_dict["logo_alt"] == ["Describe the logo for readers who cannot see it."]


# A series' own page ---------------------------------------------------------------------------


def test_a_series_page_has_its_banner_landing_text_and_lead_expert(client):
    lead = AuthorFactory(name="Ada Okafor", role="Director, Narrow Waters")
    lead.photo.save("ada.png", ContentFile(png(80, 80)), save=False)
    lead.photo_alt = "Ada Okafor, smiling"
    lead.save()
    series = SeriesFactory(
        name="Narrow Waters",
        description="The institute's project on maritime chokepoints.",
        landing_text="Narrow Waters follows the straits that trade depends on.\n\nWeekly, from the bridge.",
        banner_colour="#0B3D5C",
        lead_expert=lead,
    )
    page = html.fromstring(client.get(series.get_absolute_url()).content)

    [banner] = page.xpath('//header[contains(@class, "series-banner")]')
    assert banner.xpath("string(.//h1)") == "Narrow Waters"
    [stylesheet] = page.xpath('//head/link[@rel="stylesheet"][contains(@href, "banner-")]/@href')
    assert stylesheet == reverse("series:banner_css", kwargs={"colour": "0b3d5c"})
    intro = page.xpath('//div[@class="series-intro__text"]/p/text()')
    assert intro == ["Narrow Waters follows the straits that trade depends on.", "Weekly, from the bridge."]
    [lead_box] = page.xpath('//section[contains(@class, "series-lead")]')
    assert "Lead expert" in text_of(lead_box)
    assert lead_box.xpath(".//a[@href=$url]/text()", url=lead.get_absolute_url()) == ["Ada Okafor"]
    assert "Director, Narrow Waters" in text_of(lead_box)
    assert lead_box.xpath(".//img/@alt") == ["Ada Okafor, smiling"]


def test_the_banner_stylesheet_paints_the_colour_with_readable_text(client):
    response = client.get(reverse("series:banner_css", kwargs={"colour": "0b3d5c"}))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/css")
    css = response.content.decode()
    assert "--series-banner-bg: #0b3d5c" in css
    assert "--series-banner-fg: #ffffff" in css
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    yellow = client.get(reverse("series:banner_css", kwargs={"colour": "f3d250"})).content.decode()
    assert "--series-banner-fg: #1b1b1f" in yellow
    # A colour no text reads well on has no stylesheet.
    assert client.get(reverse("series:banner_css", kwargs={"colour": "777777"})).status_code == 404


def test_without_landing_text_the_page_shows_the_description_and_no_banner_stylesheet(client):
    series = SeriesFactory(name="Grid Futures", description="Memos on the grid of 2040.")
    page = html.fromstring(client.get(series.get_absolute_url()).content)
    assert page.xpath('//div[@class="series-intro__text"]/p/text()') == ["Memos on the grid of 2040."]
    assert not page.xpath('//link[contains(@href, "banner-")]')
    assert not page.xpath('//section[contains(@class, "series-lead")]')


def test_the_landing_text_and_lead_expert_are_on_the_first_page_only(client):
    series = SeriesFactory(landing_text="Our project.", lead_expert=AuthorFactory(name="Ada Okafor"))
    PublicationFactory.create_batch(13, series=series)
    first = client.get(series.get_absolute_url()).content.decode()
    second = client.get(series.get_absolute_url() + "?page=2").content.decode()
    assert "Our project." in first
    assert "Ada Okafor" in first
    assert "Our project." not in second
    assert "series-lead" not in second
    assert series.name in second  # the banner stays


def test_the_series_list_is_in_the_sitemap(client, site_url):
    SeriesFactory(name="Grid Futures")
    sitemap = client.get(reverse("sitemap")).content.decode()
    assert f"<loc>{site_url}{reverse('series:list')}</loc>" in sitemap
