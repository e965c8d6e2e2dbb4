"""The demo's regions (demo/content/regions/): a tree of places that its publications are filed
under, loaded by load_demo and checked before anything is written."""

import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from demo.loader import CONTENT_DIR
from publications.models import Publication
from regions.models import Region

pytestmark = pytest.mark.django_db


def load_demo(*args) -> None:
    call_command("load_demo", "--no-pictures", *args, stdout=StringIO())


@pytest.fixture
def content(tmp_path) -> Path:
    """A copy of the demo content for a test to edit, loaded with ``--content``."""
    return Path(shutil.copytree(CONTENT_DIR, tmp_path / "content"))


def test_the_demo_has_a_tree_of_regions_with_work_filed_under_them(client):
    load_demo()

    china = Region.objects.get(slug="china")
    assert (china.parent.name, china.parent.parent.name) == ("East Asia", "Asia")
    assert Region.objects.get(slug="ukraine").parent.name == "Europe"
    assert Region.objects.filter(parent=None).count() >= 5
    filed = Publication.objects.filter(regions__isnull=False).distinct().count()
    assert filed >= 20
    # Asia's page shows a memo filed only under China.
    export_controls = Publication.objects.get(slug="export-controls-early-warning-desk")
    assert list(export_controls.regions.values_list("slug", flat=True)) == ["china", "united-states"]
    asia = client.get(Region.objects.get(slug="asia").get_absolute_url()).content.decode()
    assert export_controls.title in asia


def test_loading_the_demo_again_leaves_the_same_regions():
    load_demo()
    first = sorted(Region.objects.values_list("slug", "parent__slug"))
    load_demo()
    assert sorted(Region.objects.values_list("slug", "parent__slug")) == first


@pytest.mark.parametrize(
    ("file", "old", "new", "problem"),
    [
        ("regions/china.md", "parent: east-asia", "parent: far-east", "unknown parent region 'far-east'"),
        ("regions/asia.md", "name: Asia\n", "name: Asia\nparent: china\n", "the region is its own ancestor"),
        (
            "publications/war-risk-insurance-closure.md",
            "regions: [middle-east]",
            "regions: [levant]",
            "unknown region 'levant'",
        ),
    ],
)
def test_a_region_that_leads_nowhere_stops_the_load(content, file, old, new, problem):
    path = content / file
    path.write_text(path.read_text().replace(old, new, 1))

    with pytest.raises(CommandError) as error:
        load_demo("--content", content)

    assert problem in str(error.value)
    assert not Region.objects.exists()
