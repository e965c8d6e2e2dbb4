from django.urls import path

from core.pages import cached_page

from . import views
from .filters import FILTERED_BY
from .models import Publication

app_name = "publications"

urlpatterns = [
    path(
        "",
        cached_page(views.PublicationListView.as_view(), shows_all=[Publication, *FILTERED_BY]),
        name="list",
    ),
    path("preview/<str:token>/", views.shared_preview, name="shared_preview"),
    path("preview/<str:token>/files/<path:name>", views.shared_file, name="shared_file"),
    path("<slug:slug>/", cached_page(views.PublicationDetailView.as_view()), name="detail"),
    path("<slug:slug>/cite.bib", cached_page(views.citation), {"fmt": "bibtex"}, name="cite_bibtex"),
    path("<slug:slug>/cite.ris", cached_page(views.citation), {"fmt": "ris"}, name="cite_ris"),
    # Not a cached page: a PDF is no page to keep in the page cache. It sets its own headers.
    path("<slug:slug>/pdf/", views.pdf, name="pdf"),
]
