"""Pictures for the demo, drawn with Pillow: abstract, licence-free, the same for the same slug.

Hero images are 2400 × 1200 compositions (bands, dot grids, arcs, blocks, chart lines) in a
restrained palette; expert photos are 800 × 800 monograms; series logos are 480 × 480 marks on
the series' banner colour. Each comes with a description for its alt text. ``GENERATION`` is part
of every file name: change the drawing, bump it, and the next ``load_demo`` replaces the files;
otherwise it reuses them.
"""

import hashlib
import math
import posixpath
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO

from anyascii import anyascii
from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFont

from core import colours

GENERATION = 1
# As wide as the widest rendition (publications/renditions.py), so the original is the largest
# candidate in ``srcset`` itself: wider would cost seconds of resizing for pixels no layout shows.
HERO_SIZE = (1920, 960)
PHOTO_SIZE = (800, 800)
# Share of publications that get a hero image when their file does not say.
HERO_SHARE = 0.7
CREDIT = "Illustration: Red Cell demo, generated with Pillow (no rights reserved)"
_GENERATED = re.compile(r"[a-z0-9-]+-[0-9a-f]{8}\.jpg")

# Ink, paper and one accent: the site's red, kept for small touches.
PALETTE = {
    "navy": (31, 42, 68),
    "slate": (61, 75, 92),
    "steel": (107, 122, 143),
    "fog": (201, 209, 217),
    "paper": (243, 240, 234),
    "sand": (216, 203, 179),
    "teal": (47, 93, 98),
    "red": (179, 0, 27),
}
GROUNDS = ["navy", "paper", "slate", "fog"]
# How the colours are named in descriptions and captions.
COLOUR_WORDS = {
    "navy": "navy",
    "slate": "slate grey",
    "steel": "grey-blue",
    "fog": "pale grey",
    "paper": "off-white",
    "sand": "sand",
    "teal": "teal",
    "red": "red",
}


def _random(*parts: str) -> random.Random:
    seed = hashlib.sha256(":".join([str(GENERATION), *parts]).encode()).hexdigest()
    return random.Random(int(seed[:16], 16))


def file_name(kind: str, slug: str) -> str:
    """The stored file name of a generated picture: a new generation, a new name."""
    digest = hashlib.sha256(f"{GENERATION}:{kind}:{slug}".encode()).hexdigest()[:8]
    return f"{slug}-{digest}.jpg"


def wants_hero(slug: str) -> bool:
    """Whether a publication whose file does not say gets a hero image: about ``HERO_SHARE``."""
    return _random("hero?", slug).random() < HERO_SHARE


def _jpeg(image: Image.Image) -> bytes:
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=86, optimize=True, progressive=True)
    return buffer.getvalue()


def _inks(rng: random.Random, ground: str) -> list[str]:
    light = ground in {"paper", "fog"}
    inks = ["navy", "slate", "steel", "teal"] if light else ["fog", "steel", "sand", "paper"]
    rng.shuffle(inks)
    return inks[:2] + ["red"]


def _bands(draw, rng, size, inks) -> None:
    width, height = size
    x = -height
    while x < width:
        band = rng.randint(60, 260)
        ink = rng.choice(inks[:2]) if rng.random() > 0.12 else inks[2]
        if rng.random() < 0.55:
            draw.polygon([(x, height), (x + band, height), (x + band + height, 0), (x + height, 0)], fill=ink)
        x += band + rng.randint(40, 220)


def _dots(draw, rng, size, inks) -> None:
    width, height = size
    step = rng.choice([60, 80, 100])
    radius = step // 6
    for x in range(step // 2, width, step):
        for y in range(step // 2, height, step):
            ink = inks[2] if rng.random() < 0.04 else inks[0]
            grow = radius * (2 if ink == inks[2] else 1)
            draw.ellipse([x - grow, y - grow, x + grow, y + grow], fill=ink)


def _arcs(draw, rng, size, inks) -> None:
    width, height = size
    cx, cy = rng.choice([(0, height), (width, height), (0, 0), (width, 0)])
    for index, radius in enumerate(range(120, 2 * width, rng.choice([70, 90, 110]))):
        ink = inks[2] if index % 9 == 4 else inks[index % 2]
        draw.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], outline=ink, width=10)


def _blocks(draw, rng, size, inks) -> None:
    width, height = size

    def split(x0, y0, x1, y1, depth):
        if depth == 0 or (x1 - x0) * (y1 - y0) < 120_000:
            small = (x1 - x0) * (y1 - y0) < 250_000
            ink = inks[2] if small and rng.random() < 0.05 else rng.choice(inks[:2])
            draw.rectangle([x0 + 8, y0 + 8, x1 - 8, y1 - 8], fill=ink)
            return
        cut = rng.uniform(0.3, 0.7)
        if x1 - x0 > y1 - y0:
            middle = int(x0 + (x1 - x0) * cut)
            split(x0, y0, middle, y1, depth - 1)
            split(middle, y0, x1, y1, depth - 1)
        else:
            middle = int(y0 + (y1 - y0) * cut)
            split(x0, y0, x1, middle, depth - 1)
            split(x0, middle, x1, y1, depth - 1)

    split(0, 0, width, height, 5)


def _lines(draw, rng, size, inks) -> None:
    width, height = size
    for index in range(6):
        level = rng.uniform(0.25, 0.8) * height
        points = []
        for x in range(-50, width + 100, 100):
            level = min(height - 80, max(80, level + rng.uniform(-90, 90)))
            points.append((x, level))
        ink = inks[2] if index == 0 else inks[index % 2]
        draw.line(points, fill=ink, width=14 if index == 0 else 8, joint="curve")


# What each style draws, for the description: {0} and {1} are its inks, {ground} the ground.
SHAPES = {
    _bands: "diagonal bands of {0} and {1} on {ground}, one or two in red",
    _dots: "a grid of {0} dots on {ground}, a few of them larger and red",
    _arcs: "concentric {0} and {1} arcs spreading from a corner of a {ground} field, a few in red",
    _blocks: "{0} and {1} blocks of different sizes on {ground}, laid out like a chart, a few in red",
    _lines: "{0} and {1} lines rising and falling on {ground} like a chart, one of them red",
}
STYLES = list(SHAPES)


@dataclass
class Picture:
    """A generated picture: its file name, what it shows (for alt text), a caption, and how to
    draw it (only called when the file is not stored yet)."""

    file_name: str
    description: str
    caption: str
    draw: Callable[[], bytes]


def hero(slug: str) -> Picture:
    """The hero image of the publication ``slug``."""
    rng = _random("hero", slug)
    ground = rng.choice(GROUNDS)
    inks = _inks(rng, ground)
    style = rng.choice(STYLES)
    number = rng.randint(1, 99)

    def draw() -> bytes:
        image = Image.new("RGB", HERO_SIZE, PALETTE[ground])
        style(ImageDraw.Draw(image), _random("hero-shapes", slug), HERO_SIZE, [PALETTE[ink] for ink in inks])
        return _jpeg(image)

    words = [COLOUR_WORDS[ink] for ink in inks]
    shapes = SHAPES[style].format(*words, ground=COLOUR_WORDS[ground])
    return Picture(
        file_name=file_name("hero", slug),
        description=f"An abstract illustration: {shapes}.",
        caption=f"Study in {words[0]} and {COLOUR_WORDS[ground]}, no. {number}.",
        draw=draw,
    )


def initials(name: str) -> str:
    words = [word for word in name.replace("-", " ").split() if word[:1].isalpha()]
    return "".join(word[0] for word in (words[:1] + words[-1:] if len(words) > 1 else words)).upper()


def _font(size: int, text: str):
    """A bold face with the letters of ``text``: DejaVu where installed, else Pillow's own (Latin
    only, so the initials are transliterated)."""
    for name in ("DejaVuSerif-Bold.ttf", "DejaVuSans-Bold.ttf"):
        try:
            return ImageFont.truetype(name, size), text
        except OSError:
            continue
    return ImageFont.load_default(size), anyascii(text)


def portrait(slug: str, name: str) -> Picture:
    """A monogram standing in for the photo of the expert ``slug``."""
    ground = _random("photo", slug).choice(["navy", "slate", "teal", "steel"])
    font, letters = _font(300, initials(name))

    def draw() -> bytes:
        image = Image.new("RGB", PHOTO_SIZE, PALETTE[ground])
        canvas = ImageDraw.Draw(image)
        width, height = PHOTO_SIZE
        canvas.ellipse(
            [width * 0.12, height * 0.12, width * 0.88, height * 0.88], outline=PALETTE["fog"], width=6
        )
        canvas.rectangle([0, height - 36, width, height], fill=PALETTE["red"])
        canvas.text((width / 2, height / 2 - 10), letters, font=font, fill=PALETTE["paper"], anchor="mm")
        return _jpeg(image)

    return Picture(
        file_name=file_name("photo", slug),
        description=f"The initials {' '.join(letters)} in off-white on {COLOUR_WORDS[ground]}: "
        f"a placeholder, not a photograph of {name}.",
        caption="",
        draw=draw,
    )


LOGO_SIZE = (480, 480)


def _hex(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def _waves(draw, size, ink, accent) -> None:
    width, height = size
    for row in range(3):
        y = height * (0.32 + 0.18 * row)
        points = [(x, y + 26 * math.sin(x / width * 4 * math.pi)) for x in range(40, width - 39, 8)]
        draw.line(points, fill=accent if row == 1 else ink, width=22, joint="curve")


def _cells(draw, size, ink, accent) -> None:
    width, height = size
    step, gap = width * 0.2, width * 0.04
    for column in range(3):
        for row in range(3):
            x, y = width * 0.2 + column * (step + gap), height * 0.2 + row * (step + gap)
            draw.rectangle([x, y, x + step, y + step], fill=accent if (column, row) == (2, 0) else ink)


def _rings(draw, size, ink, accent) -> None:
    width, height = size
    for radius in (190, 140, 90):
        draw.ellipse(
            [width / 2 - radius, height / 2 - radius, width / 2 + radius, height / 2 + radius],
            outline=ink,
            width=22,
        )
    draw.ellipse([width / 2 - 34, height / 2 - 34, width / 2 + 34, height / 2 + 34], fill=accent)


# Each mark and how the description names it: {ink} and {accent} are colour words.
MARKS = {
    "waves": (_waves, "three {ink} waves, the middle one {accent}"),
    "cells": (_cells, "a grid of nine {ink} squares, one of them {accent}"),
    "rings": (_rings, "{ink} rings around a {accent} dot"),
}


def logo(slug: str, name: str, ground: str = "", mark: str = "") -> Picture:
    """A square logo for the series ``slug``: an abstract mark (``mark``, one of ``MARKS``, else
    chosen by slug) in white or ink on ``ground`` (a ``#rrggbb`` colour, the series' banner
    colour; else navy), so it sits on the banner as if printed on it."""
    rng = _random("logo", slug)
    mark = mark or rng.choice(sorted(MARKS))
    draw_mark, shapes = MARKS[mark]
    ground = ground or "#{:02x}{:02x}{:02x}".format(*PALETTE["navy"])
    ground_rgb = _hex(ground)
    # Drawn in the ink the banner's text takes on this ground, with the site's red as accent
    # where it stands out from the ground.
    ink = "paper" if colours.readable_text_colour(ground) in (colours.WHITE, None) else "navy"
    accent = (
        "red" if colours.contrast(ground, "#{:02x}{:02x}{:02x}".format(*PALETTE["red"])) > 1.6 else "sand"
    )

    def draw() -> bytes:
        image = Image.new("RGB", LOGO_SIZE, ground_rgb)
        draw_mark(ImageDraw.Draw(image), LOGO_SIZE, PALETTE[ink], PALETTE[accent])
        return _jpeg(image)

    words = {"ink": COLOUR_WORDS[ink], "accent": COLOUR_WORDS[accent]}
    return Picture(
        file_name=file_name(f"logo:{mark}:{ground}", slug),
        description=f"Logo of {name}: {shapes.format(**words)}.",
        caption="",
        draw=draw,
    )


def attach(field_file, picture: Picture, slug: str) -> bool:
    """Point ``field_file`` (of an instance about to be saved) at ``picture``: the file it holds
    if that is the picture, one already stored under the picture's name, or else a new file.
    A picture generated earlier for ``slug`` that it held is deleted, so re-runs leave no files
    behind. Returns whether the field changed."""
    old = field_file.name or ""
    if posixpath.basename(old) == picture.file_name and field_file.storage.exists(old):
        return False
    target = field_file.field.generate_filename(field_file.instance, picture.file_name)
    if field_file.storage.exists(target):
        field_file.name = target
    else:
        field_file.save(picture.file_name, ContentFile(picture.draw()), save=False)
    _delete_generated(field_file.storage, old, slug, keep=field_file.name)
    return True


def detach(field_file, slug: str) -> None:
    """Empty ``field_file``, deleting the picture generated for ``slug`` that it held."""
    old = field_file.name or ""
    field_file.name = ""
    _delete_generated(field_file.storage, old, slug)


def _delete_generated(storage, name: str, slug: str, keep: str = "") -> None:
    """Deletes ``name`` if it is a picture made here for ``slug``, never anything uploaded."""
    base = posixpath.basename(name)
    if name and name != keep and base.startswith(f"{slug}-") and _GENERATED.fullmatch(base):
        storage.delete(name)
