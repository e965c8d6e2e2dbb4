"""The demo's projects and series: a "38 North"-like project (Narrow Waters) and the Red Cell
memo series, each with its banner colour, generated logo, landing text and lead expert."""

import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from lxml import html

from demo import images
from demo.loader import CONTENT_DIR
from series.models import Series

pytestmark = pytest.mark.django_db


def load_demo(*args):
    call_command("load_demo", *args, stdout=StringIO())


@pytest.fixture
def content(tmp_path) -> Path:
    return Path(shutil.copytree(CONTENT_DIR, tmp_path / "content"))


def test_the_demo_has_a_project_with_its_own_identity_and_the_red_cell_series(client):
    load_demo()

    project = Series.objects.get(slug="narrow-waters")
    assert project.banner_colour == "#0b3d5c"
    assert project.lead_expert.slug == "marcus-feld"
    assert project.landing_text.count("\n\n") == 1  # two paragraphs, each on one line
    assert project.logo_alt.startswith("Logo of Narrow Waters: three off-white waves")
    assert (project.logo_width, project.logo_height) == images.LOGO_SIZE
    red_cell = Series.objects.get(slug="red-cell")
    assert red_cell.lead_expert.slug == "zoe-orsted-nunez"
    assert red_cell.banner_text_colour
    assert all(series.banner_text_colour for series in Series.objects.exclude(banner_colour=""))

    page = html.fromstring(client.get(project.get_absolute_url()).content)
    assert page.xpath('string(//header[contains(@class, "series-banner")]//h1)') == "Narrow Waters"
    [logo] = page.xpath('//header[contains(@class, "series-banner")]//img')
    response = client.get(logo.get("src"))
    assert response.status_code == 200
    b"".join(response.streaming_content)
    assert page.xpath('//section[contains(@class, "series-lead")]//a/text()') == ["Marcus Feld"]
    assert len(page.xpath('//ul[@class="card-list"]/li')) == 4

    listing = client.get(reverse("series:list")).content.decode()
    for series in Series.objects.all():
        assert series.name in listing

    before = project.logo.name
    load_demo()
    assert Series.objects.get(slug="narrow-waters").logo.name == before  # reused, not drawn again


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("lead_expert: ada-nobody", "unknown lead expert 'ada-nobody'"),
        ("banner_colour: '#777777'", "banner_colour: Text would be hard to read on #777777"),
        ("banner_colour: navy", "banner_colour: Enter a colour as # and six hexadecimal digits"),
        ("logo: stars", "logo is true, false or a mark (cells, rings, waves)"),
    ],
)
def test_a_series_file_with_a_bad_field_stops_the_load(content, line, problem):
    path = content / "series" / "red-cell.md"
    field = line.split(":")[0]
    text = "\n".join(row for row in path.read_text().splitlines() if not row.startswith(f"{field}:"))
    path.write_text(text.replace("---\n", f"---\n{line}\n", 1) + "\n")

    with pytest.raises(CommandError) as error:
        load_demo("--no-pictures", "--content", content)

    assert f"series/red-cell.md: {problem}" in str(error.value)
    assert not Series.objects.exists()


def test_logos_are_the_same_for_the_same_series():
    first, again = (
        images.logo("red-cell", "Red Cell", "#22252b"),
        images.logo("red-cell", "Red Cell", "#22252b"),
    )
    assert first.draw() == again.draw()
    assert first.file_name == again.file_name
    assert (
        images.logo("red-cell", "Red Cell", "#0b3d5c").file_name != first.file_name
    )  # a new colour, a new file
