"""A chart for the demo's body figures: a bar chart drawn with Pillow from the CSV in a
publication's front matter (``chart_data``), put in the media library with that CSV as its data
download, and placed in the body where a paragraph says ``[chart]`` (else at the end)."""

import csv
import io

from PIL import Image, ImageDraw

from demo import images

CHART_SIZE = (1600, 900)
MARKER = "<p>[chart]</p>"


def rows(data: str) -> tuple[list[str], list[tuple[str, float]]]:
    """The header and the (label, value) rows of a two-column CSV; a value that is no number
    raises ValueError."""
    table = [row for row in csv.reader(io.StringIO(data.strip())) if row]
    header, body = table[0], table[1:]
    return header, [(label, float(value)) for label, value, *_ in body]


def chart(slug: str, data: str, title: str) -> images.Picture:
    header, values = rows(data)
    font, _ = images._font(34, title)
    small, _ = images._font(26, title)

    def draw() -> bytes:
        width, height = CHART_SIZE
        image = Image.new("RGB", CHART_SIZE, images.PALETTE["paper"])
        canvas = ImageDraw.Draw(image)
        canvas.text((80, 50), title, font=font, fill=images.PALETTE["navy"])
        left, right, top, bottom = 120, width - 80, 150, height - 110
        canvas.line([left, bottom, right, bottom], fill=images.PALETTE["slate"], width=3)
        top_value = max(value for _, value in values) or 1
        step = (right - left) / len(values)
        for index, (label, value) in enumerate(values):
            x0 = left + index * step + step * 0.18
            x1 = left + (index + 1) * step - step * 0.18
            y0 = bottom - (bottom - top) * value / top_value
            colour = images.PALETTE["red" if index == len(values) - 1 else "teal"]
            canvas.rectangle([x0, y0, x1, bottom], fill=colour)
            canvas.text(
                ((x0 + x1) / 2, y0 - 12), f"{value:g}", font=small, fill=images.PALETTE["navy"], anchor="md"
            )
            canvas.text(
                ((x0 + x1) / 2, bottom + 16), label, font=small, fill=images.PALETTE["slate"], anchor="ma"
            )
        canvas.text(
            (80, height - 50), f"{header[1]} by {header[0]}", font=small, fill=images.PALETTE["steel"]
        )
        buffer = io.BytesIO()
        image.save(buffer, "PNG", optimize=True)
        return buffer.getvalue()

    return images.Picture(
        file_name=f"{slug}-chart-{images.GENERATION}.png", description=title, caption="", draw=draw
    )


def place(body_html: str, figure_html: str) -> str:
    """``body_html`` with the figure where a paragraph says ``[chart]``, or else at the end."""
    if MARKER in body_html:
        return body_html.replace(MARKER, figure_html, 1)
    return body_html + figure_html
