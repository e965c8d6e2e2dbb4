"""The "no leaks" crawl: with drafts, work in review, scheduled work and unpublished work sharing
everything with what is public, follow every link the public site offers (pages, every value of
every filter, search, feeds, the sitemap, related blocks, author, area and series pages, editable
pages and the menus) and read the e-mails it sends: none of the hidden work shows up anywhere,
in any form."""

import re
from collections import deque
from datetime import timedelta
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.base import ContentFile
from django.utils import timezone
from lxml import etree, html

from publications.models import Publication
from subscriptions.sending import digest_send
from tests.factories import (
    AuthorFactory,
    MenuItemFactory,
    PageFactory,
    PublicationFactory,
    PublicationTypeFactory,
    ResearchAreaFactory,
    SeriesFactory,
)
from tests.security.conftest import read
from tests.subscriptions.factories import NewsletterFactory, SubscriberFactory
from tests.subscriptions.helpers import sign_up
from website.models import Page

pytestmark = pytest.mark.django_db

MAX_PAGES = 600
MAX_PARAMETERS = 3
SKIP_PREFIXES = ("/admin/", "/static/")
# Unusual words, so a hit can only be the hidden piece itself.
HIDDEN = {
    "quillonate": {"draft": True},
    "brindlemoor": {"in_review": True},
    "vexhollow": {"scheduled": True},
    "tarnwhistle": {"status": Publication.Status.DRAFT, "published_at": timezone.now() - timedelta(days=3)},
}
# Editable pages that must not show, each in the header menu, with a published page below it (in
# the footer menu) that is hidden with it: its address would name the hidden page.
HIDDEN_PAGES = {
    "gorsewick": {"draft": True},
    "mirthlane": {"scheduled": True},
    "fennowray": {"status": Page.Status.DRAFT, "published_at": timezone.now() - timedelta(days=3)},
}


@pytest.fixture
def site():
    memo = PublicationTypeFactory(name="Policy Memo")
    authors = [AuthorFactory(name="Ada Okafor"), AuthorFactory(name="Ben Lindqvist")]
    parent = ResearchAreaFactory(name="Energy")
    area = ResearchAreaFactory(name="Grid Security", parent=parent)
    series = SeriesFactory(name="Grid Futures")
    shared = {
        "type": memo,
        "authors": authors,
        "areas": [area],
        "series": series,
        "tags": ["grid", "storage"],
    }
    visible = [
        PublicationFactory(
            title=f"Visible grid memo {n}", published_at=timezone.now() - timedelta(days=n), **shared
        )
        for n in range(1, 15)  # more than a page, so pagination is crawled too
    ]
    hidden = []
    for word, state in HIDDEN.items():
        publication = PublicationFactory(
            title=f"The {word} question",
            dek=f"{word} dek",
            summary=f"{word} summary",
            body=f"<h2>{word}</h2><p>grid storage {word}</p>",
            featured=True,
            related=visible[:2],
            **shared,
            **state,
        )
        publication.pdf.save(f"{word}.pdf", ContentFile(b"%PDF-1.7"), save=True)
        for neighbour in visible[:3]:
            neighbour.related.add(publication)
        hidden.append(publication)
    about = PageFactory(title="About the grid institute", slug="about")
    PageFactory(title="Contact", slug="contact", parent=about)
    MenuItemFactory(label="About", page=about)
    for word, state in HIDDEN_PAGES.items():
        page = PageFactory(
            title=f"The {word} page",
            slug=f"{word}-page",
            description=f"{word}",
            body=f"<p>{word}</p>",
            **state,
        )
        MenuItemFactory(label=f"{word} link", page=page)
        MenuItemFactory(menu="footer", label=f"{word} below", page=PageFactory(slug="below", parent=page))
    newsletter = NewsletterFactory(name="Grid Weekly", areas=[area])
    NewsletterFactory(name="Everything")
    SubscriberFactory(confirmed=True, newsletters=[newsletter])
    markers = [*HIDDEN, *HIDDEN_PAGES]
    return {"visible": visible, "hidden": hidden, "markers": markers, "authors": authors}


def links_in(response) -> set[str]:
    content_type = response.get("Content-Type", "")
    body = response.content
    found = set()
    if content_type.startswith("text/html"):
        tree = html.fromstring(body)
        for element in tree.iter():
            if not isinstance(element.tag, str):
                continue
            for name in ("href", "src"):
                if value := element.get(name):
                    found.add(value)
        # Every value of every filter a GET form offers, one at a time.
        for form in tree.iter("form"):
            if (form.get("method") or "get").lower() != "get":
                continue
            action = form.get("action") or response.wsgi_request.path
            for select in form.iter("select"):
                for option in select.iter("option"):
                    if value := option.get("value"):
                        found.add(f"{action}?{urlencode({select.get('name'): value})}")
            for box in form.xpath(".//input[@type='checkbox' or @type='radio']"):
                found.add(f"{action}?{urlencode({box.get('name'): box.get('value') or 'on'})}")
    elif "xml" in content_type:
        tree = etree.fromstring(body)
        found |= {
            node.text
            for node in tree.iter()
            if isinstance(node.tag, str) and node.tag.endswith(("loc", "link", "guid", "id")) and node.text
        }
        found |= {node.get("href") for node in tree.iter() if isinstance(node.tag, str) and node.get("href")}
    return found


def local_path(link: str, base: str) -> str | None:
    link = link.strip()
    if link.startswith(settings.SITE_URL):
        link = link[len(settings.SITE_URL) :] or "/"
    absolute = urljoin(f"http://testserver{base}", link)
    parts = urlsplit(absolute)
    if parts.netloc != "testserver" or parts.scheme not in {"http", "https"}:
        return None
    if (
        parts.path.startswith(SKIP_PREFIXES)
        or parts.path.startswith("/subscribe/")
        and parts.path != "/subscribe/"
    ):
        return None
    # One address per set of parameters, whatever their order; facets one at a time (their
    # combinations only narrow what single facets already showed).
    query = sorted(parse_qsl(parts.query, keep_blank_values=True))
    if len(query) > MAX_PARAMETERS:
        return None
    return parts.path + (f"?{urlencode(query)}" if query else "")


def assert_nothing_hidden(text: str, where: str, site, echoed: str = "") -> None:
    if echoed:
        text = text.replace(echoed, "")
    lowered = text.lower()
    for publication in site["hidden"]:
        assert publication.slug not in lowered, f"{where} links to hidden {publication.slug}"
        assert publication.pdf.name.lower() not in lowered, f"{where} links to a hidden file"
    for marker in site["markers"]:
        assert marker not in lowered, f"{where} shows the hidden {marker!r}"


def test_no_hidden_work_anywhere_a_visitor_or_crawler_can_reach(client, site):
    searches = [f"/search/?q={word}" for word in [*site["markers"], "grid", "storage", "question"]]
    queue = deque(["/", "/sitemap.xml", "/robots.txt", "/feed/", "/feed/atom/", *searches])
    seen = set(queue)
    fetched = 0
    while queue:
        path = queue.popleft()
        response = client.get(path)
        fetched += 1
        assert fetched <= MAX_PAGES, f"the crawl did not converge: {sorted(seen)[:: max(1, len(seen) // 60)]}"
        if response.streaming:
            body = read(response).decode(errors="replace")
            assert_nothing_hidden(body, path, site)
            continue
        assert response.status_code in {200, 301, 302, 404}, f"{path}: {response.status_code}"
        if response.status_code in {301, 302}:
            target = local_path(response["Location"], path)
            if target and target not in seen:
                seen.add(target)
                queue.append(target)
            continue
        echoed = ""
        if path.startswith("/search/"):
            echoed = dict(part.split("=", 1) for part in urlsplit(path).query.split("&") if "=" in part).get(
                "q", ""
            )
        assert_nothing_hidden(response.content.decode(errors="replace"), path, site, echoed=echoed)
        if response.status_code != 200:
            continue
        for link in links_in(response):
            target = local_path(link, path)
            if target and target not in seen:
                seen.add(target)
                queue.append(target)
    # The crawl really went everywhere: each kind of page and feed was reached.
    for expected in [
        "/publications/?page=2",
        "/authors/",
        "/research-areas/",
        "/publications/?type=",
        "/feed/atom/",
    ]:
        assert any(path.startswith(expected) for path in seen), expected
    for author in site["authors"]:
        assert author.get_absolute_url() + "feed/" in seen
    assert site["visible"][0].get_absolute_url() in seen
    assert {"/about/", "/about/contact/"} <= seen
    assert fetched > 60
    for publication in site["hidden"]:
        assert client.get(publication.get_absolute_url()).status_code == 404
    for page in Page.objects.exclude(pk__in=Page.objects.published()):
        assert client.get(page.get_absolute_url()).status_code == 404, page.path


def test_no_hidden_work_in_the_e_mails(client, site, settings):
    settings.SUBSCRIBE_RATE_LIMIT_PER_IP = (100, 3600)
    sign_up(client, "new.reader@example.org", newsletters=["grid-weekly"])
    digest_send(newsletter=site["hidden"][0].areas.get().newsletters.get())
    assert len(mail.outbox) >= 2
    for message in mail.outbox:
        parts = [
            message.subject,
            message.body,
            *(content for content, _ in getattr(message, "alternatives", [])),
        ]
        for part in parts:
            assert_nothing_hidden(str(part), f"e-mail {message.subject!r}", site)
    assert any("Visible grid memo" in message.body for message in mail.outbox)


def test_hidden_work_stays_out_of_every_feed_variant(client, site):
    slugs = [p.slug for p in site["hidden"]]
    for publication in site["visible"][:1]:
        for path in [
            publication.get_absolute_url() + "cite.bib",
            publication.get_absolute_url() + "cite.ris",
        ]:
            assert not any(slug in client.get(path).content.decode() for slug in slugs), path
    assert re.search(r"<loc>", client.get("/sitemap.xml").content.decode())
