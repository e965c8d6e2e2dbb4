"""Property-based tests: whatever text or bytes the public sends to any form or query parameter,
the site answers without a server error and stores nothing malformed."""

import re
import unicodedata
from urllib.parse import quote, quote_from_bytes

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from subscriptions.models import ConsentEvent, Subscriber
from tests.factories import AuthorFactory, PublicationFactory, ResearchAreaFactory, SeriesFactory
from tests.security.conftest import read
from tests.subscriptions.factories import NewsletterFactory, SubscriberFactory

pytestmark = pytest.mark.django_db

# Modest: the point is breadth (every parameter), not depth; the suite has to stay quick.
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
# Any text, including NUL, control and format characters, surrogate-free unicode and long runs.
TEXT = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=60),
    st.sampled_from(
        [
            "\x00",
            "%00",
            "' OR 1=1 --",
            "<script>alert(1)</script>",
            "😀" * 50,
            "a" * 5000,
            "-1",
            "0",
            "1e9",
            "99999999999999999999",
            " ",
            "\u202e",
            '"',
            "\\",
        ]
    ),
)
RAW = st.binary(max_size=80)

LIST_PARAMS = ["type", "area", "series", "author", "year", "tag", "page"]
SEARCH_PARAMS = ["q", "sort", "type", "area", "series", "author", "year", "page"]


@pytest.fixture
def content(settings):
    settings.SUBSCRIBE_RATE_LIMIT_PER_IP = (10_000, 3600)
    settings.SUBSCRIBE_RATE_LIMIT_PER_ADDRESS = (10_000, 3600)
    author, area, series = AuthorFactory(), ResearchAreaFactory(), SeriesFactory()
    PublicationFactory(title="Grid storage", authors=[author], areas=[area], series=series, tags=["grid"])
    NewsletterFactory(slug="weekly")
    NewsletterFactory(slug="energy")
    return SubscriberFactory(confirmed=True)


def ok(response, what) -> None:
    assert response.status_code < 500, f"{what}: {response.status_code}"
    read(response)


@FUZZ
@given(params=st.dictionaries(st.sampled_from(LIST_PARAMS), TEXT, max_size=4))
def test_publication_list_filters(client, content, params):
    ok(client.get("/publications/", params), params)


@FUZZ
@given(params=st.dictionaries(st.sampled_from(SEARCH_PARAMS), TEXT, max_size=5))
def test_search_and_its_facets(client, content, params):
    ok(client.get("/search/", params), params)


@FUZZ
@given(
    name=st.sampled_from(
        ["/", "/publications/", "/search/", "/authors/", "/feed/", "/sitemap.xml", "/subscribe/"]
    ),
    raw=RAW,
)
def test_raw_bytes_in_query_strings(client, content, name, raw):
    """Bytes that are not UTF-8, percent-encoded as a hostile client would send them."""
    ok(client.get(f"{name}?{quote_from_bytes(raw, safe='=&')}"), (name, raw))
    ok(client.get(f"{name}?q={quote_from_bytes(raw)}&page={quote_from_bytes(raw)}"), (name, raw))


@FUZZ
@given(
    slug=TEXT,
    kind=st.sampled_from(
        [
            "/publications/{}/",
            "/authors/{}/",
            "/research-areas/{}/",
            "/series/{}/",
            "/series/{}/feed/",
            "/publications/{}/cite.ris",
        ]
    ),
)
def test_arbitrary_slugs(client, content, slug, kind):
    ok(client.get(kind.format(quote(slug, safe=""))), slug)


@FUZZ
@given(
    token=st.one_of(TEXT, st.from_regex(r"[A-Za-z0-9_:-]{20,80}", fullmatch=True)),
    route=st.sampled_from(["confirm", "manage", "unsubscribe"]),
    method=st.sampled_from(["get", "post", "head"]),
)
def test_arbitrary_tokens_in_subscription_links(client, content, token, route, method):
    path = f"/subscribe/{route}/{quote(token, safe='') or 'x'}/"
    ok(getattr(client, method)(path), (route, token))
    ok(
        client.post(
            path,
            data=b"List-Unsubscribe=One-Click" + token.encode(errors="replace")[:20],
            content_type="text/plain",
        ),
        token,
    )
    assert Subscriber.objects.filter(left_at__isnull=False).count() == 0


@FUZZ
@given(token=TEXT)
def test_arbitrary_preview_share_tokens(client, content, token):
    ok(client.get(f"/publications/preview/{quote(token, safe='') or 'x'}/"), token)


EMAIL_SHAPE = re.compile(r"[^@\s]+@[a-z0-9.-]+")


def assert_nothing_malformed_stored() -> None:
    for subscriber in Subscriber.objects.all():
        assert EMAIL_SHAPE.fullmatch(subscriber.email), subscriber.email
        assert subscriber.email.split("@")[1] == subscriber.email.split("@")[1].lower()
        for name in (subscriber.first_name, subscriber.last_name):
            assert len(name) <= 100
            assert name == name.strip()
            assert not any(unicodedata.category(ch) in {"Cc", "Cf", "Zl", "Zp"} for ch in name), repr(name)
    for event in ConsentEvent.objects.all():
        assert event.source == "" or event.source.startswith("/"), event.source
        assert set(event.newsletters) <= {"weekly", "energy"}, event.newsletters


@FUZZ
@given(
    fields=st.fixed_dictionaries(
        {},
        optional={
            "email": st.one_of(TEXT, st.emails(), st.builds(lambda a: f"{a}@example.org", TEXT)),
            "first_name": TEXT,
            "last_name": TEXT,
            "newsletters": st.one_of(
                TEXT, st.lists(st.one_of(TEXT, st.sampled_from(["weekly", "energy"])), max_size=3)
            ),
            "website": st.sampled_from(["", "", "http://spam.example"]),
            "consent_version": TEXT,
            "source": st.one_of(
                TEXT, st.sampled_from(["/", "//evil.example/", "https://evil.example/", "/publications/"])
            ),
        },
    )
)
def test_sign_up_form(client, content, fields):
    cache.clear()
    ok(client.post("/subscribe/", fields), fields)
    assert_nothing_malformed_stored()


@FUZZ
@given(
    body=RAW,
    content_type=st.sampled_from(
        [
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=xyz",
            "text/plain",
            "application/json",
        ]
    ),
)
def test_sign_up_with_raw_bodies(client, content, body, content_type):
    cache.clear()
    ok(client.generic("POST", "/subscribe/", body, content_type=content_type), body)
    assert_nothing_malformed_stored()


@FUZZ
@given(fields=st.dictionaries(st.sampled_from(["first_name", "last_name", "newsletters"]), TEXT, max_size=3))
def test_manage_preferences_form(client, content, fields):
    from subscriptions import tokens

    ok(client.post(f"/subscribe/manage/{tokens.manage_token(content.token)}/", fields), fields)
    assert_nothing_malformed_stored()
