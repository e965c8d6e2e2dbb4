"""Numbered page links for every paginated page (``templates/includes/pagination.html``).

{% load pagination %}{% page_links page_obj as pages %}
"""

from django import template
from django.core.paginator import Paginator

register = template.Library()


def page_url(path: str, query: str, number: int) -> str:
    """The address of page ``number``: the page's ``query`` (its filters, or a search) and the
    number, left out for the first page, whose address is the list's own."""
    if number > 1:
        query = f"{query}&page={number}" if query else f"page={number}"
    return f"{path}?{query}" if query else path


@register.simple_tag(takes_context=True)
def page_links(context, page, on_each_side: int = 2, on_ends: int = 1) -> dict:
    """What the page links show: previous and next, and the page numbers around the current
    one and at both ends, with gaps (``None``) for the numbers left out: 1 2 3 4 5 … 9 10.

    The links keep the page's query string without its page number: ``page_query`` in the
    context (a search), or else ``filter_query`` (a list's filters)."""
    query = context.get("page_query") or context.get("filter_query") or ""
    request = context.get("request")
    path = request.path if request is not None else ""
    paginator: Paginator = page.paginator
    numbers = paginator.get_elided_page_range(page.number, on_each_side=on_each_side, on_ends=on_ends)
    return {
        "previous": page_url(path, query, page.previous_page_number()) if page.has_previous() else "",
        "next": page_url(path, query, page.next_page_number()) if page.has_next() else "",
        "numbers": [
            {"number": number, "url": page_url(path, query, number), "current": number == page.number}
            if number != paginator.ELLIPSIS
            else None
            for number in numbers
        ],
    }
