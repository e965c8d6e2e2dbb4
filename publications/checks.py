"""Checks before publishing: what a reader would miss or trip over if a publication went out
now. Listed on the admin form and checked again by the steps that publish (workflow.py)."""

from dataclasses import dataclass

from . import figures
from .body import dangling_note_refs
from .models import Publication


@dataclass(frozen=True)
class Problem:
    field: str
    message: str


def problems(
    publication: Publication, *, authors: list | None = None, has_areas: bool | None = None
) -> list[Problem]:
    """What a reader would miss or trip over if this went out now, in the order of the form.

    ``authors`` and ``has_areas`` stand for the byline and the areas of a form not yet saved
    (the checks shown while writing); by default they are read from the database."""
    found = []
    if not publication.dek.strip():
        found.append(Problem("dek", "There is no dek (the one-line subtitle)."))
    if not publication.summary.strip():
        found.append(Problem("summary", "There is no summary."))
    dangling = sorted(set(dangling_note_refs(publication.body_html)), key=int)
    if dangling:
        numbers = ", ".join(dangling)
        found.append(
            Problem(
                "body",
                f"Footnote reference{'s' if len(dangling) > 1 else ''} {numbers} "
                f"{'have' if len(dangling) > 1 else 'has'} no note under the “Notes” heading.",
            )
        )
    if authors is None:
        authors = publication.ordered_authors() if publication.pk else []
    if not authors:
        found.append(Problem("authors", "No author is on the byline."))
    for author in authors:
        if not author.bio.strip():
            found.append(Problem("authors", f"{author.name} has no bio."))
        if author.photo and not author.photo_alt.strip():
            found.append(Problem("authors", f"The photo of {author.name} has no description (alt text)."))
    if missing := figures.images_without_alt(publication.body_html):
        found.append(
            Problem(
                "body",
                "An image in the body has no description (alt text)."
                if missing == 1
                else f"{missing} images in the body have no description (alt text).",
            )
        )
    if figures.images_not_in_library(publication.body_html):
        found.append(
            Problem("body", "An image in the body is not from the media library: readers would not see it.")
        )
    if publication.hero_image and not publication.hero_alt.strip():
        found.append(Problem("hero_alt", "The hero image has no description (alt text)."))
    if has_areas is None:
        has_areas = bool(publication.pk) and publication.areas.exists()
    if not has_areas:
        found.append(Problem("areas", "No research area is chosen."))
    return found
