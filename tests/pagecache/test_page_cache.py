"""The page cache: what it serves, to whom, and how every page it holds becomes fresh at once
when the content changes (or when a scheduled publication's time comes)."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from lxml import html

from core import content_version as content
from core.models import ContentVersion
from pagecache import middleware as page_cache
from publications.models import Publication
from subscriptions.models import Newsletter, Subscriber
from tests.factories import (
    AuthorFactory,
    PublicationFactory,
    PublicationTypeFactory,
    ResearchAreaFactory,
    SeriesFactory,
)
from tests.subscriptions.factories import NewsletterFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


def get(client, url: str, **headers):
    """The response and how many queries it took."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    response.queries = len(queries)
    return response


def text(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def stored(url: str):
    """What the cache holds for ``url`` at the current content version, if anything."""
    return cache.get(page_cache.page_key(RequestFactory().get(url), content.current()))


@pytest.fixture
def site(commit):
    with commit():
        author = AuthorFactory(name="Ada Okafor")
        area = ResearchAreaFactory(name="Energy Security")
        series = SeriesFactory(name="Grid Notes")
        memo = PublicationTypeFactory(name="Policy Memo")
        NewsletterFactory(name="Weekly Update")
        publication = PublicationFactory(
            title="Keeping the Lights On",
            type=memo,
            authors=[author],
            areas=[area],
            series=series,
            tags=["transmission"],
            featured=True,
        )
        other = PublicationFactory(title="Storage at Scale", type=memo, authors=[author], areas=[area])
    return {
        "author": author,
        "area": area,
        "series": series,
        "type": memo,
        "publication": publication,
        "other": other,
    }


def lists(site) -> list[str]:
    """Pages listing the site's publications, with their titles and links."""
    return [
        reverse("home"),
        reverse("publications:list"),
        site["author"].get_absolute_url(),
        site["area"].get_absolute_url(),
        site["series"].get_absolute_url(),
        reverse("feeds:latest"),
        reverse("feeds:author", kwargs={"slug": site["author"].slug}),
    ]


def warm(client, urls):
    """Loads every page once, so each is in the cache, and checks it then comes from there."""
    for url in urls:
        assert get(client, url).status_code == 200, url
    for url in urls:
        assert get(client, url).queries == 1, url  # just the content version


# Serving -----------------------------------------------------------------------------------


def test_a_page_is_rendered_once_then_served_from_the_cache(client, site):
    url = site["publication"].get_absolute_url()
    first = get(client, url)
    second = get(client, url)

    assert first.queries > 1
    assert second.queries == 1
    assert second.status_code == 200
    assert "Keeping the Lights On" in second.content.decode()


def test_each_address_and_query_string_is_its_own_page(client, site, commit):
    with commit():
        PublicationFactory.create_batch(12, type=site["type"])
    first, second = (text(client, reverse("publications:list") + query) for query in ("", "?page=2"))

    assert first != second
    assert "Keeping the Lights On" in second
    assert "Keeping the Lights On" not in first


def test_not_found_is_not_cached(client, site):
    assert get(client, "/publications/no-such-thing/").status_code == 404
    again = get(client, "/publications/no-such-thing/")

    assert again.status_code == 404
    assert again.queries > 1


def test_only_public_pages_take_part():
    factory = RequestFactory()
    never = [
        reverse("subscriptions:subscribe"),
        reverse("subscriptions:thanks"),
        reverse("subscriptions:confirm", kwargs={"token": "x" * 30}),
        reverse("subscriptions:manage", kwargs={"token": "x" * 30}),
        reverse("subscriptions:unsubscribe", kwargs={"token": "x" * 30}),
        reverse("publications:shared_preview", kwargs={"token": "x" * 30}),
        reverse("admin:index"),
        reverse("admin:login"),
        reverse("healthz"),
        "/media/publications/pdf/memo.pdf",
        "/static/css/site.css",
    ]
    for url in never:
        assert page_cache.cached_view(factory.get(url)) is None, url
    assert page_cache.cached_view(factory.get(reverse("home"))) is not None
    assert page_cache.cached_view(factory.get(reverse("feeds:latest_atom"))) is not None


def test_subscription_pages_are_rendered_every_time(client, site):
    for _ in range(2):
        response = get(client, reverse("subscriptions:subscribe"))
        assert response.queries >= 1
        assert "no-store" in response["Cache-Control"]
    assert stored(reverse("subscriptions:subscribe")) is None


def test_a_post_is_never_answered_from_the_cache(client, site):
    text(client, reverse("home"))
    # update() sends no signal, so the cached page stays; a POST must not get it.
    Publication.objects.filter(pk=site["publication"].pk).update(title="Changed Behind the Cache")

    assert "Keeping the Lights On" in text(client, reverse("home"))
    posted = client.post(reverse("home"))
    assert posted.status_code == 405  # the home page takes no form
    assert "Keeping the Lights On" not in posted.content.decode()


# Staff ----------------------------------------------------------------------------------------


@pytest.fixture
def staff_client(django_user_model):
    user = django_user_model.objects.create_user("eve", "eve@example.org", "pw", is_staff=True)
    staff = Client()
    staff.force_login(user)
    return staff


def test_staff_never_get_a_cached_page_and_never_fill_the_cache(client, staff_client, site):
    url = site["publication"].get_absolute_url()
    from_staff = get(staff_client, url)
    assert "no-store" in from_staff["Cache-Control"]
    assert "private" in from_staff["Cache-Control"]
    assert get(client, url).queries > 1  # staff left nothing behind for the public

    Publication.objects.filter(pk=site["publication"].pk).update(title="An Edit Without Signals")

    assert "Keeping the Lights On" in text(client, url)
    assert "An Edit Without Signals" in text(staff_client, url)


# The same bytes for every reader ---------------------------------------------------------------


def sign_up_from(client, page: str, email: str, **headers):
    """Fills in the sign-up form found in ``page`` and posts it, as a browser would."""
    form = html.fromstring(page).xpath('//form[@class="subscribe__form"]')[0]
    data = {field.name: field.value or "" for field in form.inputs if field.name and field.type != "checkbox"}
    data["email"] = email
    return client.post(form.action, data, **headers)


def test_two_readers_get_the_same_bytes_and_no_cookie(site):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    for url in [reverse("home"), site["publication"].get_absolute_url(), reverse("publications:list")]:
        one, other = get(first, url), get(second, url)
        assert other.queries == 1  # from the cache
        assert one.content == other.content, url
        assert one["ETag"] == other["ETag"], url
        for response in (one, other):
            assert not response.cookies, url
            assert "Cookie" not in response.get("Vary", ""), url
            assert "csrfmiddlewaretoken" not in response.content.decode(), url
    assert not first.cookies
    assert not second.cookies


def test_the_same_bytes_also_when_rendered_afresh(site, settings):
    settings.PAGE_CACHE_SECONDS = 0
    first, second = Client(), Client()
    url = site["publication"].get_absolute_url()
    assert first.get(url).content == second.get(url).content


def test_sign_up_works_from_a_cached_page_with_or_without_script(site, mailoutbox):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_page = get(first, reverse("home"))
    second_page = get(second, reverse("home"))
    assert second_page.queries == 1  # from the cache

    # Without JavaScript: an ordinary form post.
    response = sign_up_from(second, second_page.content.decode(), "ben@example.org")
    assert response.status_code == 302
    assert response["Location"] == reverse("subscriptions:thanks")
    # With JavaScript: subscribe.js sends the same fields with fetch().
    response = sign_up_from(
        first, first_page.content.decode(), "ada@example.org", HTTP_X_REQUESTED_WITH="fetch"
    )
    assert response.status_code == 302

    assert set(Subscriber.objects.values_list("email", flat=True)) == {"ada@example.org", "ben@example.org"}
    assert len(mailoutbox) == 2


def test_a_forged_sign_up_from_another_site_subscribes_nobody(site, mailoutbox):
    """No CSRF token, by design: a sign-up posted from anywhere only sends the confirmation
    e-mail, and nobody receives a newsletter until its link is used."""
    stranger = Client(enforce_csrf_checks=True)
    response = stranger.post(
        reverse("subscriptions:subscribe"),
        {"email": "victim@example.org", "consent_version": "2026-01"},
        HTTP_ORIGIN="https://evil.example",
    )
    assert response.status_code == 302
    assert not Subscriber.objects.filter(email="victim@example.org", confirmed_at__isnull=False).exists()
    assert [message.to for message in mailoutbox] == [["victim@example.org"]]
    assert "Confirm" in mailoutbox[0].subject or "confirm" in mailoutbox[0].body


# Invalidation ---------------------------------------------------------------------------------


def assert_everywhere(client, urls, present: str = "", absent: str = ""):
    for url in urls:
        page = text(client, url)
        if present:
            assert present in page, url
        if absent:
            assert absent not in page, url


def test_publishing_shows_a_publication_on_every_page_at_once(client, site, commit):
    draft = PublicationFactory(
        title="Fresh Off the Press",
        draft=True,
        type=site["type"],
        authors=[site["author"]],
        areas=[site["area"]],
        series=site["series"],
    )
    urls = [*lists(site), reverse("search") + "?q=fresh", reverse("sitemap")]
    warm(client, urls)

    with commit():
        draft.status = Publication.Status.PUBLISHED
        draft.save()

    assert_everywhere(client, urls, present=draft.get_absolute_url())
    assert text(client, draft.get_absolute_url())


def test_unpublishing_takes_it_off_every_page_at_once(client, site, commit):
    publication = site["publication"]
    url = publication.get_absolute_url()
    urls = [*lists(site), site["other"].get_absolute_url(), reverse("search") + "?q=lights"]
    urls += [reverse("sitemap")]
    warm(client, [url, *urls])

    with commit():
        publication.status = Publication.Status.DRAFT
        publication.published_at = None
        publication.save()

    assert client.get(url).status_code == 404
    assert_everywhere(client, urls, absent=url)


def test_editing_a_publication_changes_every_page_showing_it(client, site, commit):
    # The other publication shows it under "Recent & Related".
    urls = [*lists(site), site["publication"].get_absolute_url(), site["other"].get_absolute_url()]
    warm(client, urls)

    with commit():
        site["publication"].title = "Keeping the Lights On, Revised"
        site["publication"].save()

    assert_everywhere(client, urls, present="Lights On, Revised")


def test_a_change_shows_only_once_it_is_committed(client, site, django_capture_on_commit_callbacks):
    url = site["publication"].get_absolute_url()
    warm(client, [url])

    with django_capture_on_commit_callbacks() as callbacks:
        site["publication"].title = "Not Yet Committed"
        site["publication"].save()
        # Until the commit the version stands, and with it the cached page.
        assert "Not Yet Committed" not in text(client, url)
    for callback in callbacks:
        callback()

    assert "Not Yet Committed" in text(client, url)


def test_renaming_an_expert_changes_bylines_everywhere(client, site, commit):
    urls = [
        reverse("home"),
        reverse("publications:list"),
        site["publication"].get_absolute_url(),
        site["author"].get_absolute_url(),
        reverse("authors:list"),
        site["area"].get_absolute_url(),
    ]
    warm(client, urls)

    with commit():
        site["author"].name = "Ada Okafor-Lindqvist"
        site["author"].save()

    assert_everywhere(client, urls, present="Ada Okafor-Lindqvist")


def test_changing_a_byline_changes_every_page_showing_it(client, site, commit):
    urls = [reverse("home"), site["publication"].get_absolute_url(), reverse("feeds:latest")]
    warm(client, urls)

    with commit():
        site["publication"].authorships.create(author=AuthorFactory(name="Ben Lindqvist"), position=1)

    assert_everywhere(client, urls, present="Ben Lindqvist")


def test_renaming_an_area_series_type_or_tag_changes_their_pages(client, site, commit):
    publication_url = site["publication"].get_absolute_url()
    urls = [
        publication_url,
        reverse("home"),
        reverse("research_areas:list"),
        site["area"].get_absolute_url(),
        site["series"].get_absolute_url(),
    ]
    warm(client, urls)

    with commit():
        site["area"].name = "Power and Grids"
        site["area"].save()
    assert_everywhere(client, [publication_url, reverse("research_areas:list")], present="Power and Grids")

    with commit():
        site["series"].name = "The Grid Papers"
        site["series"].save()
    assert_everywhere(client, [publication_url, site["series"].get_absolute_url()], present="The Grid Papers")

    with commit():
        site["type"].name = "Issue Brief"
        site["type"].save()
    assert_everywhere(client, [publication_url, reverse("home")], present="Issue Brief")

    with commit():
        site["publication"].tags.set(["interconnection queues"])
    assert "interconnection queues" in text(client, publication_url)


def test_a_new_newsletter_shows_in_the_form_on_cached_pages(client, site, commit):
    urls = [reverse("home"), site["publication"].get_absolute_url()]
    warm(client, urls)

    with commit():
        NewsletterFactory(name="Energy Brief")
    assert_everywhere(client, urls, present="Energy Brief")

    with commit():
        Newsletter.objects.get(name="Energy Brief").delete()
    assert_everywhere(client, urls, absent="Energy Brief")


def test_deleting_a_publication_takes_it_off_every_page(client, site, commit):
    url = site["other"].get_absolute_url()
    urls = [reverse("home"), reverse("publications:list"), site["publication"].get_absolute_url()]
    warm(client, [url, *urls])

    with commit():
        site["other"].delete()

    assert client.get(url).status_code == 404
    assert_everywhere(client, urls, absent=url)


def test_changes_elsewhere_leave_the_version_alone(client, site, commit):
    before = ContentVersion.objects.get().token
    with commit():
        Subscriber.objects.create(email="reader@example.org")

    assert ContentVersion.objects.get().token == before


def test_many_changes_in_one_transaction_make_one_new_version(site, commit):
    versions = []
    with commit():
        for n in range(5):
            site["publication"].title = f"Draft title {n}"
            site["publication"].save()
    versions.append(ContentVersion.objects.get().token)
    with commit():
        site["author"].save()
    versions.append(ContentVersion.objects.get().token)

    assert len(set(versions)) == 2


# Scheduled publications --------------------------------------------------------------------------


def test_a_scheduled_publication_appears_at_its_time_without_any_write(client, site, clock, commit):
    with commit():
        scheduled = PublicationFactory(
            title="Due at Noon",
            type=site["type"],
            authors=[site["author"]],
            published_at=clock.now() + timedelta(minutes=5),
        )
    urls = [reverse("home"), reverse("publications:list"), site["author"].get_absolute_url()]
    urls += [reverse("feeds:latest"), reverse("sitemap")]
    warm(client, urls)
    assert client.get(scheduled.get_absolute_url()).status_code == 404

    clock.advance(timedelta(minutes=4, seconds=59))
    for url in urls:
        response = get(client, url)
        assert response.queries == 1, url  # still from the cache, and rightly so
        assert "Due at Noon" not in response.content.decode(), url

    clock.advance(timedelta(seconds=1))
    assert_everywhere(client, urls, present=scheduled.get_absolute_url())
    assert client.get(scheduled.get_absolute_url()).status_code == 200


def test_lifetimes_stop_at_the_next_scheduled_publication(client, site, clock, commit, settings):
    settings.PUBLIC_CACHE_MAX_AGE, settings.EDGE_CACHE_SECONDS = 300, 86400
    with commit():
        PublicationFactory(title="Due Soon", published_at=clock.now() + timedelta(seconds=90))

    for url in [reverse("feeds:latest"), reverse("home")]:
        response = client.get(url)
        assert response["Cache-Control"].startswith("public, max-age=90, s-maxage=90,"), url


# When the database is down ---------------------------------------------------------------------


def test_cached_pages_are_still_served_when_the_database_is_down(client, site, monkeypatch):
    from django.db import OperationalError
    from django.db.backends.utils import CursorWrapper

    url = site["publication"].get_absolute_url()
    warm(client, [url])

    def down(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(CursorWrapper, "execute", down)
    assert "Keeping the Lights On" in text(client, url)
    # A page not in the cache needs the database: an error page, never a stale guess.
    assert Client(raise_request_exception=False).get(site["other"].get_absolute_url()).status_code >= 500
