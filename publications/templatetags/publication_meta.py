"""JSON-LD and citations on the publication page, from what the page has already loaded."""

from django import template

from publications import citations

register = template.Library()


@register.simple_tag
def publication_json_ld(publication, authors):
    """``<script type="application/ld+json">`` describing ``publication`` for search engines."""
    data = citations.json_ld(
        publication,
        list(authors),
        # Prefetched on the publication page, so these cost no query.
        areas=list(publication.areas.all()),
        regions=list(publication.regions.all()),
        tags=list(publication.tags.all()),
    )
    return citations.json_ld_script(data)


@register.simple_tag
def publication_citations(publication, authors):
    """[(style, citation)] for the "Cite this" box: Chicago, then APA."""
    return citations.citations(publication, list(authors))


@register.filter
def is_report(publication) -> bool:
    return citations.is_report(publication)
