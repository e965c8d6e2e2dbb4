"""Unpublished work stays unseen until its moment, to the second, and so do its files."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse

from staff import roles
from subscriptions.sending import digest_send
from tests.factories import AuthorFactory, PublicationFactory, ResearchAreaFactory, SeriesFactory
from tests.images import file_urls, png, with_files
from tests.security.conftest import read
from tests.subscriptions.factories import NewsletterFactory, SubscriberFactory

pytestmark = pytest.mark.django_db

HIDDEN = {"draft": {"draft": True}, "in review": {"in_review": True}, "scheduled": {"scheduled": True}}


def fetch(client, url):
    response = client.get(url)
    return response.status_code, read(response)


@pytest.mark.parametrize("state", HIDDEN)
def test_files_of_unpublished_work_cannot_be_fetched_even_by_their_exact_address(client, state):
    publication = with_files(PublicationFactory(**HIDDEN[state]))
    urls = file_urls(publication)
    assert len(urls) >= 3, "the hero image has resized copies too"
    for url in urls:
        assert fetch(client, url)[0] == 404, url


def test_files_of_published_work_are_served_to_everyone(client):
    publication = with_files(PublicationFactory())
    for url in file_urls(publication):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == "public, max-age=600"
        read(response)
    assert fetch(client, publication.pdf.url)[1] == b"%PDF-1.7 the report"


def test_editors_see_embargoed_files_and_no_shared_cache_keeps_them(client):
    publication = with_files(PublicationFactory(draft=True))
    editor = get_user_model().objects.create_user("ed", password="x", is_staff=True)
    editor.groups.add(Group.objects.get(name=roles.EDITOR))
    client.force_login(editor)
    response = client.get(publication.pdf.url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    read(response)


def test_unpublishing_makes_files_private_again(client):
    publication = with_files(PublicationFactory())
    assert fetch(client, publication.pdf.url)[0] == 200
    publication.status = publication.Status.DRAFT
    publication.save()
    assert fetch(client, publication.pdf.url)[0] == 404


def test_photos_and_logos_are_public_and_stray_files_are_not(client, media_root):
    author = AuthorFactory(photo_alt="Portrait")
    author.photo.save("ada.png", ContentFile(png(300, 300)))
    series = SeriesFactory()
    series.logo.save("logo.png", ContentFile(png(200, 200)))
    assert fetch(client, author.photo.url)[0] == 200
    assert fetch(client, series.logo.url)[0] == 200
    # A file on disk that nothing points at (an old upload, a leftover): not served.
    (media_root / "publications" / "pdf").mkdir(parents=True)
    (media_root / "publications" / "pdf" / "old-draft.pdf").write_bytes(b"%PDF-1.7 old")
    assert fetch(client, "/media/publications/pdf/old-draft.pdf")[0] == 404
    for sneaky in [
        "/media/../redcell/settings.py",
        "/media/%2e%2e/manage.py",
        "/media/authors/../../manage.py",
    ]:
        assert fetch(client, sneaky)[0] == 404, sneaky


# --- The boundary --------------------------------------------------------------------------------


@pytest.fixture
def boundary(clock, django_capture_on_commit_callbacks):
    """A publication scheduled for a moment an hour ahead, sharing an author, area, series, tag
    and newsletter with one already out; the clock stands still until the test moves it."""
    with django_capture_on_commit_callbacks(execute=True):  # search vectors are built on commit
        return _boundary(clock)


def _boundary(clock):
    author, area, series = AuthorFactory(), ResearchAreaFactory(), SeriesFactory()
    shared = {"authors": [author], "areas": [area], "series": series, "tags": ["grid"]}
    out = PublicationFactory(
        title="Already out on grids", published_at=clock.now() - timedelta(days=1), **shared
    )
    moment = clock.now().replace(microsecond=0) + timedelta(hours=1)
    scheduled = with_files(
        PublicationFactory(title="Zephyrine grid memo", published_at=moment, related=[out], **shared)
    )
    out.related.add(scheduled)
    newsletter = NewsletterFactory(areas=[area])
    SubscriberFactory(confirmed=True, newsletters=[newsletter])
    return {
        "moment": moment,
        "publication": scheduled,
        "out": out,
        "author": author,
        "area": area,
        "series": series,
        "newsletter": newsletter,
    }


def surfaces(b) -> list[str]:
    year = b["moment"].year
    return [
        "/",
        reverse("publications:list"),
        reverse("publications:list") + f"?author={b['author'].slug}",
        reverse("publications:list") + f"?area={b['area'].slug}",
        reverse("publications:list") + f"?series={b['series'].slug}",
        reverse("publications:list") + f"?year={year}",
        reverse("publications:list") + "?tag=grid",
        "/search/?q=Zephyrine",
        "/search/?q=grid",
        "/feed/",
        "/feed/atom/",
        b["author"].get_absolute_url(),
        b["author"].get_absolute_url() + "feed/",
        b["area"].get_absolute_url(),
        b["area"].get_absolute_url() + "feed/",
        b["series"].get_absolute_url(),
        b["series"].get_absolute_url() + "feed/",
        "/sitemap.xml",
        b["out"].get_absolute_url(),  # its related block
    ]


@pytest.mark.parametrize("page_cache_seconds", [0, 600], ids=["uncached", "page cache on"])
def test_one_second_before_its_time_it_is_nowhere_and_one_second_after_everywhere(
    client, clock, boundary, mailoutbox, settings, page_cache_seconds
):
    # With the page cache on, as in production, pages cached a second early must not outlive
    # the moment (pagecache/middleware.py).
    settings.PAGE_CACHE_SECONDS = page_cache_seconds
    publication = boundary["publication"]
    marker = publication.slug.encode()  # in every link to it; a search page echoes only the query

    clock.set(boundary["moment"] - timedelta(seconds=1))
    for url in surfaces(boundary):
        status, body = fetch(client, url)
        assert status == 200, url
        assert marker not in body, f"{url} shows it a second early"
    assert fetch(client, publication.get_absolute_url())[0] == 404
    assert fetch(client, reverse("publications:cite_bibtex", args=[publication.slug]))[0] == 404
    for url in file_urls(publication):
        assert fetch(client, url)[0] == 404, url
    digest_send(newsletter=boundary["newsletter"])
    assert all("Zephyrine" not in message.body for message in mailoutbox)

    clock.set(boundary["moment"] + timedelta(seconds=1))
    for url in surfaces(boundary):
        status, body = fetch(client, url)
        assert status == 200, url
        assert marker in body, f"{url} does not show it a second after"
    assert fetch(client, publication.get_absolute_url())[0] == 200
    for url in file_urls(publication):
        assert fetch(client, url)[0] == 200, url
    digest_send(newsletter=boundary["newsletter"])
    assert "Zephyrine" in mailoutbox[-1].body


def test_at_the_exact_moment_it_is_out(client, clock, boundary):
    clock.set(boundary["moment"])
    assert fetch(client, boundary["publication"].get_absolute_url())[0] == 200
