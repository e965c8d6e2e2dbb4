"""A banner colour chosen in the admin: the text on it is readable (WCAG AA), or the colour is
refused with a message saying which way to move it."""

import pytest
from django.core.exceptions import ValidationError

from core import colours
from tests.factories import SeriesFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("banner", "text"),
    [
        ("#1f2a44", colours.WHITE),  # navy: white text
        ("#b3001b", colours.WHITE),  # the site's red
        ("#f3d250", colours.NEAR_BLACK),  # yellow: dark text
        ("#e05a00", colours.NEAR_BLACK),  # orange: dark text reads better than white
        ("#ffffff", colours.NEAR_BLACK),
        ("#000000", colours.WHITE),
    ],
)
def test_the_text_on_a_banner_is_white_or_dark_whichever_reads_better(banner, text):
    series = SeriesFactory(banner_colour=banner)
    series.full_clean()
    assert series.banner_text_colour == text
    assert colours.contrast(banner, text) >= 4.5


@pytest.mark.parametrize("typed", ["1F2A44", "#1F2A44", " #1f2a44 ", "#12a"])
def test_a_colour_may_be_typed_as_a_brand_guide_writes_it(typed):
    series = SeriesFactory.build(name="Grid Futures", banner_colour=typed)
    series.full_clean()
    assert series.banner_colour == ("#1122aa" if typed == "#12a" else "#1f2a44")


@pytest.mark.parametrize("mid_tone", ["#777777", "#ff0000", "#2e8b57", "#d35400"])
def test_a_colour_no_text_reads_well_on_is_refused_with_a_clear_message(mid_tone):
    series = SeriesFactory.build(name="Grid Futures", banner_colour=mid_tone)
    with pytest.raises(ValidationError) as refused:
        series.full_clean()
    [message] = refused.value.message_dict["banner_colour"]
    assert f"Text would be hard to read on {mid_tone}" in message
    assert "4.5:1" in message
    assert "Choose a darker shade (for white text) or a lighter one (for dark text)" in message


@pytest.mark.parametrize("typed", ["navy", "#1f2a4", "rgb(0,0,0)", "#gggggg"])
def test_something_that_is_not_a_colour_is_refused(typed):
    series = SeriesFactory.build(name="Grid Futures", banner_colour=typed)
    with pytest.raises(ValidationError) as refused:
        series.full_clean()
    assert (
        "Enter a colour as # and six hexadecimal digits, for example #1f2a44."
        in (refused.value.message_dict["banner_colour"])
    )


def test_no_colour_is_the_sites_own_banner():
    series = SeriesFactory(banner_colour="")
    series.full_clean()
    assert series.banner_text_colour == ""
    assert series.banner_stylesheet == ""


def test_contrast_is_computed_as_wcag_defines_it():
    assert colours.contrast("#000000", "#ffffff") == pytest.approx(21)
    assert colours.contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert colours.contrast("#ffffff", "#ffffff") == pytest.approx(1)
