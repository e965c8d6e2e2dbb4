"""The numbered page links every paginated page shows (core/templatetags/pagination.py)."""

from django.core.paginator import Paginator
from django.test import RequestFactory

from core.templatetags.pagination import page_links, page_url


def links(number: int, pages: int = 10, **context) -> dict:
    page = Paginator(range(pages * 10), 10).page(number)
    request = RequestFactory().get("/publications/")
    return page_links({"request": request, **context}, page)


def shown(result: dict) -> list:
    return [item["number"] if item else "…" for item in result["numbers"]]


def test_the_numbers_around_the_current_page_and_at_both_ends():
    assert shown(links(1)) == [1, 2, 3, "…", 10]
    assert shown(links(5)) == [1, 2, 3, 4, 5, 6, 7, "…", 10]
    assert shown(links(10)) == [1, "…", 8, 9, 10]
    assert shown(links(2, pages=3)) == [1, 2, 3]


def test_only_the_current_page_is_marked():
    numbers = [item for item in links(4)["numbers"] if item]
    assert [item["number"] for item in numbers if item["current"]] == [4]


def test_previous_and_next():
    assert links(1)["previous"] == ""
    assert links(1)["next"] == "/publications/?page=2"
    assert links(2)["previous"] == "/publications/"
    assert links(10)["next"] == ""


def test_links_keep_the_filters_or_the_search():
    assert links(3, filter_query="type=memo")["next"] == "/publications/?type=memo&page=4"
    assert links(2, filter_query="type=memo")["previous"] == "/publications/?type=memo"
    assert links(2, page_query="q=grid", filter_query="ignored")["next"] == "/publications/?q=grid&page=3"


def test_page_url():
    assert page_url("/x/", "", 1) == "/x/"
    assert page_url("/x/", "", 2) == "/x/?page=2"
    assert page_url("/x/", "a=1", 1) == "/x/?a=1"
