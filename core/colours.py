"""Colours an editor chooses, and the text that stays readable on them.

A banner in a colour of the editor's choosing carries text drawn in white or near-black,
whichever contrasts more with it. A colour on which neither reaches WCAG 2.1 AA contrast for
normal text (4.5:1, https://www.w3.org/TR/WCAG21/#contrast-minimum) is refused, with a message
saying which way to move it: mid-tones (a medium grey, a bright orange) read badly in both.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models

WHITE = "#ffffff"
# The site's ink (--ink in static/css/site.css): softer than pure black, still readable.
NEAR_BLACK = "#1b1b1f"
AA_NORMAL_TEXT = 4.5

_HEX = re.compile(r"#?([0-9a-f]{3}|[0-9a-f]{6})")
_FULL_HEX = re.compile(r"#[0-9a-f]{6}")


def normalise(value: str) -> str:
    """``"1F2A44"``, ``"#1f2a44 "`` or ``"#abc"`` as ``"#1f2a44"`` / ``"#aabbcc"``; anything that is
    not a hex colour comes back as it was (the validator then says why)."""
    text = (value or "").strip().lower()
    match = _HEX.fullmatch(text)
    if not match:
        return (value or "").strip()
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    return f"#{digits}"


def _channel(value: int) -> float:
    value /= 255
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """Relative luminance of ``#rrggbb`` (WCAG 2.1's definition)."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast(first: str, second: str) -> float:
    """The contrast ratio of two ``#rrggbb`` colours, from 1 (none) to 21 (black on white)."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_colour_on(background: str) -> tuple[str, float]:
    """White or near-black, whichever reads better on ``background``, and its contrast ratio."""
    return max(((ink, contrast(ink, background)) for ink in (WHITE, NEAR_BLACK)), key=lambda pair: pair[1])


def readable_text_colour(background: str) -> str | None:
    """The text colour to draw on ``background`` (``#rrggbb``), or None when neither meets WCAG
    AA or ``background`` is not such a colour."""
    if not _FULL_HEX.fullmatch(background or ""):
        return None
    ink, ratio = text_colour_on(background)
    return ink if ratio >= AA_NORMAL_TEXT else None


def validate_hex_colour(value: str) -> None:
    if not _HEX.fullmatch((value or "").lower()):
        raise ValidationError(
            "Enter a colour as # and six hexadecimal digits, for example #1f2a44.", code="not_a_colour"
        )


def validate_text_background(value: str) -> None:
    """A colour that white or near-black text can be read on (WCAG 2.1 AA, 4.5:1)."""
    if not _HEX.fullmatch((value or "").lower()):
        return  # validate_hex_colour says why
    colour = normalise(value)
    if readable_text_colour(colour):
        return
    raise ValidationError(
        "Text would be hard to read on %(colour)s: white text reaches a contrast of %(white).2f:1 "
        "and dark text %(dark).2f:1, and at least %(needed)s:1 is needed (WCAG AA). Choose a darker "
        "shade (for white text) or a lighter one (for dark text).",
        code="low_contrast",
        params={
            "colour": colour,
            "white": contrast(WHITE, colour),
            "dark": contrast(NEAR_BLACK, colour),
            "needed": AA_NORMAL_TEXT,
        },
    )


class BackgroundColourField(models.CharField):
    """A ``#rrggbb`` colour that text is drawn on: typed any common way (``1F2A44``, ``#abc``),
    stored lower-case in full, refused when no text colour is readable on it."""

    default_validators = [validate_hex_colour, validate_text_background]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 7)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("max_length") == 7:
            del kwargs["max_length"]
        return name, path, args, kwargs

    def to_python(self, value):
        value = super().to_python(value)
        return normalise(value) if value else value
