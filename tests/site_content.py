"""Sites of two sizes, built the same way, for tests that compare them."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from tests.events.factories import EventFactory
from tests.factories import (
    AuthorFactory,
    PublicationFactory,
    PublicationTypeFactory,
    RegionFactory,
    ResearchAreaFactory,
    SeriesFactory,
    days_ago,
)
from tests.subscriptions.factories import NewsletterFactory

# Enough that every list on every page has something in it (an empty list skips the queries
# that would fill in its items, which would flatter the small site).
SMALL = 2
# More publications than a list page (12) or a feed (20) shows, each with many authors,
# areas, tags and hand-picked related items.
LARGE = 25


def build_site(size: int) -> dict:
    """``size`` publications sharing ``size`` (at most 8) authors, areas, regions (one with the
    rest inside it, each of those with a country of its own) and tags, ``size`` (at most 4) series
    with a lead expert, the first holding all ``size`` publications and the others one each,
    some featured and some scheduled for later, and ``size`` (at most 4) newsletters for the
    sign-up form."""
    spread = min(size, 8)
    authors = AuthorFactory.create_batch(spread)
    parent = ResearchAreaFactory()
    areas = [parent, *ResearchAreaFactory.create_batch(spread - 1, parent=parent)]
    region = RegionFactory()
    regions = [region, *RegionFactory.create_batch(spread - 1, parent=region)]
    regions += [RegionFactory(parent=parent) for parent in regions[1:]]
    tags = [f"grid topic {n}" for n in range(spread)]
    series = SeriesFactory(lead_expert=authors[0], banner_colour="#1f2a44")
    memo = PublicationTypeFactory(name=f"Memo for {size}")
    NewsletterFactory.create_batch(min(size, 4))
    publications = []
    for n in range(size):
        publications.append(
            PublicationFactory(
                title=f"Grid resilience {n}",
                type=memo,
                authors=authors,
                areas=areas,
                regions=regions,
                tags=tags,
                series=series,
                featured=n % 3 == 0,
                published_at=timezone.now() - timedelta(days=n + 1),
                related=publications[-4:],
            )
        )
    # More series (``size``, at most 4, in all), each with an older piece, for the list of series.
    for other in SeriesFactory.create_batch(min(size, 4) - 1, lead_expert=authors[-1]):
        PublicationFactory(series=other, type=memo, authors=authors[:1], published_at=days_ago(size + 30))
    PublicationFactory.create_batch(
        min(size, 3), scheduled=True, authors=authors, areas=areas, regions=regions
    )
    PublicationFactory.create_batch(min(size, 3), draft=True, authors=authors, areas=areas, regions=regions)
    # An event the search finds beside the publications, on the first page of results (its grids
    # rank it first), which then reads events' cards too.
    EventFactory(
        title="Grid resilience: a grid briefing",
        dek="Grid resilience, grid by grid.",
        summary="The grid after the storms: grid operators on grid resilience.",
        description="<p>Grid, grid and grid again.</p>",
    )
    return {
        "publication": publications[-1],
        "author": authors[0],
        "area": areas[-1],
        "region": region,
        "series": series,
        "type": memo,
    }


def public_pages(site: dict) -> dict[str, str]:
    """Every kind of public page, by name."""
    publication, author, area, series = site["publication"], site["author"], site["area"], site["series"]
    slug = {"slug": publication.slug}
    year = publication.published_at.year
    return {
        "home": reverse("home"),
        "list": reverse("publications:list"),
        "list, filtered": reverse("publications:list")
        + f"?author={author.slug}&area={area.slug}&type={site['type'].slug}&year={year}",
        "publication": publication.get_absolute_url(),
        "citation (BibTeX)": reverse("publications:cite_bibtex", kwargs=slug),
        "citation (RIS)": reverse("publications:cite_ris", kwargs=slug),
        "experts": reverse("authors:list"),
        "expert": author.get_absolute_url(),
        "areas": reverse("research_areas:list"),
        "area": area.get_absolute_url(),
        "regions": reverse("regions:list"),
        "region": site["region"].get_absolute_url(),
        "list, by region": reverse("publications:list") + f"?region={site['region'].slug}",
        "series list": reverse("series:list"),
        "series": series.get_absolute_url(),
        "search, empty": reverse("search"),
        "search": reverse("search") + "?q=grid",
        "search, faceted": reverse("search")
        + f"?q=grid&area={area.slug}&author={author.slug}&series={series.slug}&sort=newest",
        "feed": reverse("feeds:latest"),
        "feed (Atom)": reverse("feeds:latest_atom"),
        "expert feed": reverse("feeds:author", kwargs={"slug": author.slug}),
        "area feed": reverse("feeds:area", kwargs={"slug": area.slug}),
        "region feed": reverse("feeds:region", kwargs={"slug": site["region"].slug}),
        "series feed": reverse("feeds:series", kwargs={"slug": series.slug}),
        "sitemap": reverse("sitemap"),
        "robots.txt": reverse("robots"),
    }
