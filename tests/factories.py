"""factory_boy factories for the content models.

Every factory saves to the database, so tests using them need ``db``
(``pytestmark = pytest.mark.django_db``). Names and titles come from sequences, so
two objects never collide on a unique field.

The publication factory makes a *visible* publication unless told otherwise::

    PublicationFactory()                      # published yesterday: in published()
    PublicationFactory(draft=True)            # status draft, no date
    PublicationFactory(in_review=True)        # status in review, no date
    PublicationFactory(scheduled=True)        # status published, date a week ahead

    PublicationFactory(
        authors=[ada, ben],                   # byline order as given (Authorship.position)
        areas=[energy],                       # research areas
        regions=[china],                      # regions (RegionFactory(parent=asia) nests one)
        tags=["energy", "grid"],              # taggit names
        related=[other_pub],                  # hand-picked related publications
        series=SeriesFactory(),
        published_at=timezone.now() - timedelta(days=30),
    )

Each publication gets its own PublicationType unless ``type=`` is passed; share one
(``memo = PublicationTypeFactory(name="Policy Memo")``) when a test filters by type.

Editable pages are published too unless told otherwise, and menu items lead to a list::

    PageFactory(title="About")                # /about/, published yesterday
    PageFactory(parent=about, draft=True)     # below it, a draft (also scheduled=True)
    MenuItemFactory(page=about)               # a header item leading to it
    MenuItemFactory(menu="footer", url="https://example.org/")
"""

from datetime import timedelta

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from authors.models import Author
from publications.models import Authorship, BodyImage, Publication, PublicationType
from regions.models import Region
from research_areas.models import ResearchArea
from series.models import Series
from website.models import MenuItem, Page


def days_ago(days: float):
    """A moment ``days`` before now (negative for the future), for ``published_at``."""
    return timezone.now() - timedelta(days=days)


class ResearchAreaFactory(DjangoModelFactory):
    class Meta:
        model = ResearchArea

    name = factory.Sequence(lambda n: f"Research Area {n}")
    description = factory.LazyAttribute(lambda area: f"Work on {area.name.lower()}.")


class RegionFactory(DjangoModelFactory):
    class Meta:
        model = Region

    name = factory.Sequence(lambda n: f"Region {n}")
    description = factory.LazyAttribute(lambda region: f"Work on {region.name}.")


class SeriesFactory(DjangoModelFactory):
    class Meta:
        model = Series

    name = factory.Sequence(lambda n: f"Series {n}")
    description = factory.LazyAttribute(lambda series: f"About {series.name}.")


class AuthorFactory(DjangoModelFactory):
    class Meta:
        model = Author

    # Zero-padded so the default alphabetical order (sort_name "0003, Expert") is creation order.
    name = factory.Sequence(lambda n: f"Expert {n:04d}")
    role = "Senior Fellow"
    bio = factory.LazyAttribute(lambda author: f"{author.name} writes about policy.")


class PublicationTypeFactory(DjangoModelFactory):
    class Meta:
        model = PublicationType

    name = factory.Sequence(lambda n: f"Policy Memo {n}")


class PublicationFactory(DjangoModelFactory):
    """A publication, published yesterday by default; see the module docstring."""

    class Meta:
        model = Publication
        # The hooks below save through related managers; the publication itself needs no re-save.
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Publication {n}")
    type = factory.SubFactory(PublicationTypeFactory)
    dek = factory.LazyAttribute(lambda pub: f"The short version of {pub.title}.")
    summary = factory.LazyAttribute(lambda pub: f"A summary of {pub.title}.")
    body = "<p>The argument, in brief.</p>"
    status = Publication.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: days_ago(1))

    class Params:
        draft = factory.Trait(status=Publication.Status.DRAFT, published_at=None)
        in_review = factory.Trait(status=Publication.Status.IN_REVIEW, published_at=None)
        scheduled = factory.Trait(
            status=Publication.Status.PUBLISHED, published_at=factory.LazyFunction(lambda: days_ago(-7))
        )

    @factory.post_generation
    def authors(self, create, extracted, **kwargs):
        """``authors=[a, b]``: attach authors in that byline order."""
        if create and extracted:
            Authorship.objects.bulk_create(
                Authorship(publication=self, author=author, position=position)
                for position, author in enumerate(extracted)
            )

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        """``areas=[x, y]``: attach research areas."""
        if create and extracted:
            self.areas.add(*extracted)

    @factory.post_generation
    def regions(self, create, extracted, **kwargs):
        """``regions=[x, y]``: attach regions."""
        if create and extracted:
            self.regions.add(*extracted)

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        """``tags=["energy", "grid"]``: attach tags by name."""
        if create and extracted:
            self.tags.add(*extracted)

    @factory.post_generation
    def related(self, create, extracted, **kwargs):
        """``related=[p, q]``: hand-pick related publications."""
        if create and extracted:
            self.related.add(*extracted)


class BodyImageFactory(DjangoModelFactory):
    """An image in the media library: a real PNG (1200 pixels wide by default, so it has resized
    copies), described."""

    class Meta:
        model = BodyImage

    image = factory.django.ImageField(
        filename="chart.png", width=1200, height=600, color="blue", format="PNG"
    )
    alt = factory.Sequence(lambda n: f"A chart of grid storage, number {n}")
    caption = "Storage grew fivefold."
    credit = "Chart: Red Cell"


def figure(image, *, alt=None, caption="A caption") -> str:
    """The body editor's markup for ``image`` (a ``BodyImage``) in a figure."""
    alt = image.alt if alt is None else alt
    return (
        f'<figure class="figure"><img src="{image.image.url}" alt="{alt}" data-file="{image.pk}">'
        f"<figcaption>{caption}</figcaption></figure>"
    )


class AuthorshipFactory(DjangoModelFactory):
    """One author on one publication; prefer ``PublicationFactory(authors=[...])``."""

    class Meta:
        model = Authorship

    publication = factory.SubFactory(PublicationFactory)
    author = factory.SubFactory(AuthorFactory)
    position = 0


class PageFactory(DjangoModelFactory):
    """An editable page, published yesterday by default (``draft=True``, ``scheduled=True``)."""

    class Meta:
        model = Page

    title = factory.Sequence(lambda n: f"Page {n}")
    description = factory.LazyAttribute(lambda page: f"What {page.title} is about.")
    body = "<h2>Who we are</h2><p>An institute.</p>"
    status = Page.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: days_ago(1))

    class Params:
        draft = factory.Trait(status=Page.Status.DRAFT, published_at=None)
        scheduled = factory.Trait(published_at=factory.LazyFunction(lambda: days_ago(-7)))


class MenuItemFactory(DjangoModelFactory):
    """A header item, after those made before it; it leads to the publications list unless
    given a ``page=`` or a ``url=``."""

    class Meta:
        model = MenuItem

    menu = MenuItem.Menu.HEADER
    position = factory.Sequence(lambda n: n)
    label = factory.Sequence(lambda n: f"Link {n}")
    named = factory.LazyAttribute(lambda item: "" if item.page or item.url else "publications")
    page = None
    url = ""
