"""Generate plausible publications in bulk, for benchmarks: ``manage.py generate_content --publications N``.

Fast on purpose: rows go in with ``bulk_create`` in batches, bypassing ``save()`` and its
signals, and the search vectors are then built for the new rows in one UPDATE. The words
and text come from ``demo.generator``. Not demo content: see ``load_demo``.

Generated publications have slugs ending in ``-gen<number>``; ``benchmarks/search.py`` uses
that to refuse to fill a database holding anything else.
"""

import random
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from authors.models import Author
from core import content_version
from core.slugs import readable_slug
from demo import generator
from publications import body
from publications.fulltext import update_search_vectors
from publications.models import Authorship, Publication, PublicationType
from research_areas.models import ResearchArea
from series.models import Series

GENERATED_SLUG = r"-gen\d+$"
BATCH = 500


class Command(BaseCommand):
    help = "Generate realistic publications in bulk for benchmarks (not demo content)."

    def add_arguments(self, parser):
        parser.add_argument("--publications", type=int, default=1000, help="How many to add (default 1000).")
        parser.add_argument("--seed", type=int, default=4, help="Random seed, for repeatable content.")
        parser.add_argument(
            "--years", type=int, default=12, help="Spread publication dates over this many years."
        )

    def handle(self, *args, **options):
        count = options["publications"]
        if count < 1:
            raise CommandError("--publications must be at least 1.")
        rng = random.Random(options["seed"])
        with transaction.atomic():
            catalogue = self.catalogue(rng)
            first_id = (Publication.objects.aggregate(last=Max("pk"))["last"] or 0) + 1
            made = 0
            while made < count:
                size = min(BATCH, count - made)
                self.add_batch(rng, catalogue, first_id + made, size, options["years"])
                made += size
                self.stdout.write(f"  {made}/{count} publications", ending="\r")
                self.stdout.flush()
            self.stdout.write("")
            new = Publication.objects.filter(slug__regex=GENERATED_SLUG, pk__gte=first_id)
            indexed = update_search_vectors(new)
            # bulk_create sends no signals: give cached pages a new content version ourselves.
            content_version.bump()
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated {count} publications"
                + (f" and indexed {indexed} for search." if indexed else " (search vectors: Postgres only).")
            )
        )

    def catalogue(self, rng: random.Random) -> dict:
        """The types, areas, series, experts and tags to draw from, created when missing."""
        types = [PublicationType.objects.get_or_create(name=name)[0] for name in generator.TYPES]
        areas = {name: ResearchArea.objects.get_or_create(name=name)[0] for name in generator.AREAS}
        series = [Series.objects.get_or_create(name=name)[0] for name in generator.SERIES]
        names = sorted({f"{rng.choice(generator.FIRST)} {rng.choice(generator.LAST)}" for _ in range(260)})[
            :200
        ]
        authors = [
            Author.objects.get_or_create(name=name, defaults={"role": rng.choice(generator.ROLES)})[0]
            for name in names
        ]
        tag_names = sorted({word for _, words in generator.AREAS.values() for word in words.split()})
        tags = [Tag.objects.get_or_create(name=name)[0] for name in tag_names]
        words = {name: words.split() for name, (_, words) in generator.AREAS.items()}
        return {
            "types": types,
            "areas": areas,
            "series": series,
            "authors": authors,
            "tags": {tag.name: tag for tag in tags},
            "words": words,
            "all_words": sorted({word for area_words in words.values() for word in area_words}),
            "content_type": ContentType.objects.get_for_model(Publication),
        }

    def add_batch(self, rng, catalogue, first_number: int, size: int, years: int) -> None:
        now = timezone.now()
        rows, links = [], []
        for number in range(first_number, first_number + size):
            area_names = rng.sample(list(generator.AREAS), rng.choice([1, 1, 1, 2, 2, 3]))
            # Each publication dwells on a few of its areas' topics and words, and strays now
            # and then into others', so a word is found in some of an area's work, not all.
            area_topics = [topic for name in area_names for topic in generator.AREAS[name][0]]
            area_words = [word for name in area_names for word in catalogue["words"][name]]
            topics = rng.sample(area_topics, min(len(area_topics), rng.randint(1, 2)))
            words = rng.sample(area_words, min(len(area_words), rng.randint(3, 6)))
            words += rng.sample(catalogue["all_words"], 2)
            title = generator.title(rng, topics)
            html = generator.body(rng, topics, words)
            rendered = body.render(html)
            roll = rng.random()
            if roll < 0.03:
                status, published_at = Publication.Status.DRAFT, None
            elif roll < 0.04:
                status, published_at = Publication.Status.IN_REVIEW, None
            elif roll < 0.06:
                status, published_at = Publication.Status.PUBLISHED, now + timedelta(days=rng.uniform(1, 30))
            else:
                status = Publication.Status.PUBLISHED
                published_at = now - timedelta(days=rng.uniform(0, 365 * years))
            rows.append(
                Publication(
                    title=title,
                    slug=f"{readable_slug(title)[:200]}-gen{number}",
                    type=rng.choices(catalogue["types"], weights=generator.TYPE_WEIGHTS)[0],
                    dek=generator.sentence(rng, topics, words).rstrip("."),
                    summary=" ".join(
                        generator.sentence(rng, topics, words) for _ in range(rng.randint(2, 3))
                    ),
                    body=html,
                    body_html=rendered.html,
                    toc=rendered.toc,
                    word_count=rendered.word_count,
                    series=rng.choice(catalogue["series"]) if rng.random() < 0.3 else None,
                    status=status,
                    published_at=published_at,
                    featured=rng.random() < 0.002,
                )
            )
            links.append(
                {
                    "authors": rng.sample(
                        catalogue["authors"], rng.choices([1, 2, 3], weights=[60, 30, 10])[0]
                    ),
                    "areas": [catalogue["areas"][name] for name in area_names],
                    "tags": rng.sample(sorted(set(words)), min(len(set(words)), rng.randint(2, 5))),
                }
            )
        created = Publication.objects.bulk_create(rows)
        area_through = Publication.areas.through
        Authorship.objects.bulk_create(
            Authorship(publication=publication, author=author, position=position)
            for publication, link in zip(created, links, strict=True)
            for position, author in enumerate(link["authors"], 1)
        )
        area_through.objects.bulk_create(
            area_through(publication=publication, researcharea=area)
            for publication, link in zip(created, links, strict=True)
            for area in link["areas"]
        )
        TaggedItem.objects.bulk_create(
            TaggedItem(
                content_type=catalogue["content_type"], object_id=publication.pk, tag=catalogue["tags"][name]
            )
            for publication, link in zip(created, links, strict=True)
            for name in link["tags"]
        )
