"""Small real image files made on the fly, for upload tests."""

import os
from io import BytesIO

from PIL import Image


def png(width: int, height: int, *, noise: bool = False) -> bytes:
    """A PNG of the given size: a plain colour, or random noise (which PNG cannot compress)."""
    if noise:
        image = Image.frombytes("RGB", (width, height), os.urandom(width * height * 3))
    else:
        image = Image.new("RGB", (width, height), (179, 0, 27))
    buffer = BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def jpeg(width: int, height: int) -> bytes:
    buffer = BytesIO()
    Image.new("RGB", (width, height), (20, 60, 120)).save(buffer, "JPEG", quality=80)
    return buffer.getvalue()
