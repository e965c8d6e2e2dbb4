"""Pages run a fixed number of SQL queries, however much they show."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import (
    AuthorFactory,
    PublicationFactory,
    PublicationTypeFactory,
    ResearchAreaFactory,
    SeriesFactory,
)

pytestmark = pytest.mark.django_db


def build(size: int) -> dict:
    """A publication with ``size`` authors, areas, tags and hand-picked related items,
    among ``size`` neighbours sharing all of them, so every list on every page grows."""
    authors = AuthorFactory.create_batch(size)
    areas = ResearchAreaFactory.create_batch(size)
    tags = [f"topic {n}" for n in range(size)]
    series = SeriesFactory()
    memo = PublicationTypeFactory()
    neighbours = [
        PublicationFactory(type=memo, authors=authors, areas=areas, tags=tags, series=series)
        for _ in range(size)
    ]
    publication = PublicationFactory(
        type=memo, authors=authors, areas=areas, tags=tags, series=series, related=neighbours
    )
    return {"publication": publication, "author": authors[0], "area": areas[0], "series": series}


def page_urls(data: dict) -> dict:
    return {
        "home": reverse("home"),
        "publication": data["publication"].get_absolute_url(),
        "list": reverse("publications:list"),
        "filtered list": reverse("publications:list") + f"?author={data['author'].slug}",
        "experts": reverse("authors:list"),
        "expert": data["author"].get_absolute_url(),
        "areas": reverse("research_areas:list"),
        "area": data["area"].get_absolute_url(),
        "series": data["series"].get_absolute_url(),
    }


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


BUDGET = 10


def test_query_count_does_not_grow_with_content(client):
    small = {name: count_queries(client, url) for name, url in page_urls(build(1)).items()}
    large = {name: count_queries(client, url) for name, url in page_urls(build(10)).items()}
    assert large == small
    assert max(small.values()) <= BUDGET, small
