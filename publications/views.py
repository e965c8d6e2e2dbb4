import mimetypes

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.generic import DetailView
from django_filters.views import FilterView

from . import citations, sharing
from .filters import PublicationFilter
from .models import Publication
from .search.page import search_page

PAGE_SIZE = 12


class PublicationListView(FilterView):
    """Published work, newest first, narrowed by the filters in filters.py."""

    filterset_class = PublicationFilter
    paginate_by = PAGE_SIZE
    template_name = "publications/publication_list.html"

    def get_queryset(self):
        return Publication.objects.published().with_cards()

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(**kwargs) | {"filter_query": query.urlencode()}


def detail_context(publication: Publication) -> dict:
    return {
        "publication": publication,
        "authors": publication.ordered_authors(),
        "related": Publication.objects.published().related_to(publication),
    }


def publication_detail_queryset(queryset):
    return queryset.with_bylines().prefetch_related("areas", "tags").defer("body")


class PublicationDetailView(DetailView):
    context_object_name = "publication"

    def get_queryset(self):
        return publication_detail_queryset(Publication.objects.published())

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | detail_context(self.object)


def search(request):
    """``/search/?q=…``: published work matching the query, with facets to narrow it."""
    page = search_page(request.GET, Publication.objects.published())
    response = render(request, "publications/search.html", {"search": page, "form": page.form})
    response["X-Robots-Tag"] = "noindex, follow"
    return response


CITATION_FORMATS = {
    "bibtex": ("bib", "application/x-bibtex"),
    "ris": ("ris", "application/x-research-info-systems"),
}


def citation(request, slug, fmt):
    """A publication's reference as a file for reference managers (BibTeX or RIS)."""
    publication = get_object_or_404(publication_detail_queryset(Publication.objects.published()), slug=slug)
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
                detail_context(publication) | {"preview": True},
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
