import pytest
from django.urls import reverse

from tests.factories import ResearchAreaFactory

pytestmark = pytest.mark.django_db


def test_the_publication_forms_autocomplete_lists_areas_by_name(login, eve):
    client = login(eve)
    for name in ["Trade", "Energy & Infrastructure", "Economy"]:
        ResearchAreaFactory(name=name, description="Energy, economy and trade")

    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "publications", "model_name": "publication", "field_name": "areas", "term": ""},
    )

    assert response.status_code == 200
    assert [row["text"] for row in response.json()["results"]] == [
        "Economy",
        "Energy & Infrastructure",
        "Trade",
    ]
