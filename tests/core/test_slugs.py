"""Web addresses made from names and titles: readable in any script, unique, editable."""

import re

import pytest
from django.core.validators import validate_slug

from core.slugs import readable_slug
from tests.factories import (
    AuthorFactory,
    PublicationFactory,
    PublicationTypeFactory,
    ResearchAreaFactory,
    SeriesFactory,
)

pytestmark = pytest.mark.django_db

ASCII_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def test_diacritics_become_plain_letters():
    author = AuthorFactory(name="Zoë Ørsted-Núñez")

    assert author.slug == "zoe-orsted-nunez"


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        pytest.param("Ольга Петрова", "olga-petrova", id="cyrillic"),
        pytest.param("Україна", "ukraina", id="ukrainian"),
        pytest.param("Αθήνα", "athina", id="greek"),
        pytest.param("北京 2025", "bei-jing-2025", id="chinese"),
        pytest.param("Straße & Ça va?", "strasse-ca-va", id="german-french"),
    ],
)
def test_non_latin_scripts_are_transliterated(name, slug):
    area = ResearchAreaFactory(name=name)

    assert area.slug == slug


@pytest.mark.parametrize(
    "title",
    ["中国的能源安全", "Ελλάδα και Ευρώπη", "Энергетическая безопасность Европы"],
)
def test_non_latin_titles_give_readable_ascii_slugs(title):
    publication = PublicationFactory(title=title)

    assert ASCII_SLUG.match(publication.slug), publication.slug
    assert len(publication.slug) >= 6  # a transliteration, not a fallback like "item"
    assert publication.slug != "publication"


def test_same_name_is_numbered():
    first = SeriesFactory(name="Energy Memos")
    # Series names are unique, but a near-identical name must not steal the address.
    second = SeriesFactory(name="Energy memos!")
    third = SeriesFactory(name="ENERGY MEMOS?")

    assert [first.slug, second.slug, third.slug] == ["energy-memos", "energy-memos-2", "energy-memos-3"]


def test_names_that_differ_only_in_accents_get_distinct_slugs():
    zoe = AuthorFactory(name="Zoë Ørsted")
    zoe_plain = AuthorFactory(name="Zoe Orsted")

    assert zoe.slug == "zoe-orsted"
    assert zoe_plain.slug == "zoe-orsted-2"


def test_resaving_keeps_the_slug_instead_of_numbering_itself():
    publication = PublicationFactory(title="Grid Resilience")
    publication.summary = "Edited."
    publication.save()
    publication.refresh_from_db()

    assert publication.slug == "grid-resilience"


def test_emoji_only_title_still_gets_a_usable_slug():
    first = PublicationFactory(title="🔥🔥")
    second = PublicationFactory(title="🔥🔥")

    for publication in (first, second):
        validate_slug(publication.slug)
        assert publication.slug.isascii()
    assert first.slug != second.slug


def test_title_with_nothing_to_transliterate_falls_back_to_model_name():
    first = PublicationFactory(title="???")
    second = PublicationFactory(title="¿¡!")
    memo_type = PublicationTypeFactory(name="…")

    assert first.slug == "publication"
    assert second.slug == "publication-2"
    assert memo_type.slug == "publicationtype"


def test_readable_slug_uses_given_fallback_for_empty_text():
    assert readable_slug("", fallback="section") == "section"
    assert readable_slug("   ", fallback="section") == "section"


def test_slug_set_by_staff_is_kept():
    author = AuthorFactory(name="Zoë Ørsted-Núñez", slug="zoe")

    author.refresh_from_db()
    assert author.slug == "zoe"


def test_renaming_does_not_change_the_address():
    area = ResearchAreaFactory(name="Energy")
    area.name = "Energy and Climate"
    area.save()
    area.refresh_from_db()

    assert area.slug == "energy"


def test_long_titles_fit_the_slug_field_with_room_for_numbering():
    # Transliteration lengthens text: 240 Chinese characters become about 900 ASCII letters.
    title = "能源安全" * 60
    first = PublicationFactory(title=title)
    second = PublicationFactory(title=title)

    max_length = type(first)._meta.get_field("slug").max_length
    assert len(first.slug) <= max_length
    assert len(second.slug) <= max_length
    assert second.slug == f"{first.slug}-2"
