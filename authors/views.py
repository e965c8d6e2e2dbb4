from django.shortcuts import get_object_or_404
from django.views.generic import ListView

from .models import Author

PAGE_SIZE = 12


class AuthorListView(ListView):
    model = Author
    context_object_name = "authors"


class AuthorDetailView(ListView):
    """One expert with their published work, newest first, paginated."""

    paginate_by = PAGE_SIZE
    template_name = "authors/author_detail.html"

    def get_queryset(self):
        self.author = get_object_or_404(Author, slug=self.kwargs["slug"])
        return self.author.publications.published().card_rows()

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)
