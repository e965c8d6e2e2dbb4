import hashlib
import mimetypes
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import SimpleLazyObject, cached_property
from django.views.generic import DetailView
from django_filters.views import FilterView

from . import citations, library, sharing
from . import pdf as pdf_files
from .filters import PublicationFilter
from .fragments import Fragments
from .models import SEARCH_FIELDS, Publication, byline

PAGE_SIZE = 12


class RememberedCountPaginator(Paginator):
    """A paginator whose count is kept with the page's fragments: counting every publication
    that matches costs milliseconds at tens of thousands, and the count changes only with the
    content."""

    def __init__(self, *args, fragments: Fragments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fragments = fragments

    @cached_property
    def count(self) -> int:
        count = self.fragments.get("count")
        if count is None:
            count = super().count
            self.fragments.put("count", count)
        return count


class PublicationListView(FilterView):
    """Published work, newest first, narrowed by the filters in filters.py. The filter form,
    which lists every type, area, series, expert and year, the count and the page's cards are
    fragments kept under the content version for each set of filters and page (fragments.py):
    a page whose fragments are kept reads no publication at all."""

    filterset_class = PublicationFilter
    paginate_by = PAGE_SIZE
    template_name = "publications/publication_list.html"

    def get(self, request, *args, **kwargs):
        query = request.GET.copy()
        page = query.pop("page", None)
        self.filter_query = query.urlencode()
        kept_as = f"{sorted_query(query)}#{page}"
        digest = hashlib.sha256(kept_as.encode()).hexdigest()[:32]
        self.fragments = Fragments(request, "publication-list", digest)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return Publication.objects.published().card_rows()

    def get_paginator(self, *args, **kwargs):
        return RememberedCountPaginator(*args, fragments=self.fragments, **kwargs)

    def get_context_data(self, **kwargs):
        context = {"filter_query": self.filter_query, "fragments": self.fragments}
        return super().get_context_data(**kwargs) | context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        with self.fragments.recording():
            response.render()
        return response


def sorted_query(query) -> str:
    """A query string's parameters in one order, so ``?a=1&b=2`` and ``?b=2&a=1`` are one key."""
    return urlencode(sorted((name, value) for name in query for value in query.getlist(name)))


def detail_relations() -> list:
    """What the byline, the topics and the citations show, beyond the row with its type and series."""
    return [byline(), "areas", "regions", "tags"]


def detail_context(publication: Publication, file_url=None) -> dict:
    """Authors and "Recent & Related" are read when the template first uses them, so a page
    whose fragments come from the cache reads neither. The body's library images are read in
    one query, and only by a body that shows some."""
    return {
        "publication": publication,
        "body_html": library.reading_html(publication.body_html, url=file_url),
        "authors": SimpleLazyObject(publication.ordered_authors),
        "related": SimpleLazyObject(lambda: Publication.objects.published().related_to(publication)),
    }


def publication_detail_queryset(queryset, relations=None):
    return (
        queryset.select_related("type", "series")
        .prefetch_related(*(detail_relations() if relations is None else relations))
        .defer("body", *SEARCH_FIELDS)
    )


class PublicationDetailView(DetailView):
    """A publication page. Its byline, topics, citations and "Recent & Related" are fragments
    kept under the content version (fragments.py): when they are in the cache, the page reads
    the publication's row and nothing else of it."""

    context_object_name = "publication"

    def get_queryset(self):
        return Publication.objects.published().select_related("type", "series").defer("body", *SEARCH_FIELDS)

    def get_context_data(self, **kwargs):
        self.fragments = Fragments(self.request, "publication", self.object.pk)
        return (
            super().get_context_data(**kwargs) | detail_context(self.object) | {"fragments": self.fragments}
        )

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        with self.fragments.recording():
            if not self.fragments.found:
                prefetch_related_objects([self.object], *detail_relations())
            response.render()
        return response


CITATION_FORMATS = {
    "bibtex": ("bib", "application/x-bibtex"),
    "ris": ("ris", "application/x-research-info-systems"),
}


def citation(request, slug, fmt):
    """A publication's reference as a file for reference managers (BibTeX or RIS)."""
    # The byline and the tags: a reference file shows none of the page's other topics.
    citable = publication_detail_queryset(Publication.objects.published(), relations=[byline(), "tags"])
    publication = get_object_or_404(citable, slug=slug)
    authors = publication.ordered_authors()
    if fmt == "bibtex":
        text = citations.bibtex(publication, authors)
    else:
        text = citations.ris(publication, authors, tags=[tag.name for tag in publication.tags.all()])
    extension, content_type = CITATION_FORMATS[fmt]
    response = HttpResponse(text, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{publication.slug}.{extension}"'
    return response


def preview(request, publication: Publication):
    """A draft exactly as the public will see it, for the staff who may see it (the admin finds
    it through ``visible_to``), never cached or indexed."""
    publication = publication_detail_queryset(Publication.objects.filter(pk=publication.pk)).get()
    context = detail_context(publication) | {"preview": True}
    response = render(request, "publications/publication_detail.html", context)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def shared_preview(request, token):
    """A draft for an outside reviewer holding a share link: no account, never indexed, never
    stored by a cache. A bad, expired or withdrawn link gets a page saying so."""
    try:
        publication = sharing.read_token(token)
    except sharing.LinkError as error:
        response = render(request, "publications/share_invalid.html", {"error": error}, status=error.status)
    else:
        if publication.is_published:
            response = redirect(publication)
        else:
            publication = publication_detail_queryset(Publication.objects.all()).get(pk=publication.pk)
            sharing.route_files_through_link(publication, token)
            response = render(
                request,
                "publications/publication_detail.html",
                detail_context(publication, file_url=sharing.link_url(token)) | {"preview": True},
            )
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    # The token is the key: keep it out of the Referer sent to other sites the text links to
    # ("same-origin", not "no-referrer", which would make the page's own forms fail CSRF).
    response["Referrer-Policy"] = "same-origin"
    return response


def shared_file(request, token, name):
    """The hero image, its renditions or the PDF of the publication a preview link is for."""
    try:
        publication = sharing.read_token(token)
    except sharing.LinkError:
        raise Http404("This preview link does not work.") from None
    if name not in sharing.files_of(publication):
        raise Http404("No such file in this publication.")
    storage = publication.hero_image.storage
    try:
        opened = storage.open(name, "rb")
    except FileNotFoundError:
        raise Http404("No such file.") from None
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(opened, content_type=content_type)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    return response


def pdf(request, slug):
    """The publication as a PDF: the staff-uploaded file where there is one, else the generated
    one, made now if this version has not been made yet (pdf.py). Everyone gets what
    ``published()`` shows, cacheable like other public files; staff also what ``visible_to``
    lets them see, never kept by a shared cache; anyone else a 404."""
    publication = pdf_files.source().published().filter(slug=slug).first()
    public = publication is not None
    if not public and request.user.is_staff:
        publication = pdf_files.source().visible_to(request.user).filter(slug=slug).first()
    if publication is None:
        raise Http404("No such publication.")
    return pdf_files.response(publication, public=public)
