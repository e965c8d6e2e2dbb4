"""Generate plausible publications in bulk, for benchmarks: ``manage.py generate_content --publications N``.

Fast on purpose: rows go in with ``bulk_create`` in batches, bypassing ``save()`` and its
signals, and the search vectors are then built for the new rows in one UPDATE. The text is
made from a policy vocabulary per research area, so words are spread the way real work
spreads them (an area's words cluster in its publications, common words are everywhere),
which is what makes search timings on it meaningful. Not demo content: see ``load_demo``.

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
from publications import body
from publications.models import Authorship, Publication, PublicationType
from publications.search import update_search_vectors
from research_areas.models import ResearchArea
from series.models import Series

GENERATED_SLUG = r"-gen\d+$"
BATCH = 500

TYPES = ["Policy Memo", "Report", "Issue Brief", "Commentary", "Testimony"]
TYPE_WEIGHTS = [30, 15, 20, 30, 5]

# Each area: its topics (title-sized phrases) and its own words.
AREAS = {
    "Energy Security": (
        [
            "Grid Resilience",
            "Battery Storage",
            "Oil Markets",
            "Nuclear Power",
            "Transmission Lines",
            "LNG Exports",
        ],
        "grid electricity outage utilities pipeline refinery storage transmission blackout fuel reserves",
    ),
    "Climate Adaptation": (
        [
            "Flood Insurance",
            "Heat Waves",
            "Coastal Retreat",
            "Drought Planning",
            "Wildfire Risk",
            "Carbon Pricing",
        ],
        "climate flooding heat drought wildfire emissions resilience insurance coastal adaptation levee",
    ),
    "Economic Statecraft": (
        ["Sanctions Enforcement", "Export Controls", "Investment Screening", "Secondary Sanctions"],
        "sanctions enforcement designations evasion licences export controls screening tariffs coercion",
    ),
    "Trade Policy": (
        [
            "Supply Chains",
            "Trade Agreements",
            "Semiconductor Tariffs",
            "Critical Minerals",
            "Port Congestion",
        ],
        "trade tariffs exports imports shipping supply chain minerals customs agreement duties",
    ),
    "Defense Strategy": (
        ["Force Posture", "Defense Budgets", "Munitions Production", "Alliance Burden-Sharing", "Deterrence"],
        "deterrence alliance munitions procurement readiness budget posture brigade navy army",
    ),
    "Nuclear Policy": (
        ["Arms Control", "Nonproliferation", "Missile Defense", "Enrichment Limits"],
        "nuclear warheads treaty enrichment proliferation missile inspections arsenal verification",
    ),
    "Cybersecurity": (
        ["Ransomware", "Critical Infrastructure Security", "Cyber Norms", "Software Liability"],
        "cyber ransomware hackers vulnerabilities encryption attacks networks incident patching",
    ),
    "Artificial Intelligence": (
        ["AI Procurement", "Model Evaluation", "Algorithmic Accountability", "Compute Governance"],
        "algorithms models compute training datasets evaluation automation procurement audits",
    ),
    "Public Health": (
        ["Hospital Capacity", "Vaccine Uptake", "Drug Prices", "Rural Clinics", "Mental Health Services"],
        "hospitals vaccines patients clinics medicaid nurses prescriptions outbreaks treatment",
    ),
    "Urban Policy": (
        ["Zoning Reform", "Public Transit", "Municipal Budgets", "Housing Supply", "Homelessness"],
        "zoning housing transit rents municipal council permits density neighbourhoods commuters",
    ),
    "Fiscal Policy": (
        ["Debt Ceilings", "Tax Expenditures", "Entitlement Reform", "Budget Rules"],
        "deficit debt taxes spending appropriations revenue budget entitlements pensions",
    ),
    "Migration": (
        ["Asylum Processing", "Labor Migration", "Border Management", "Refugee Resettlement"],
        "asylum migrants border visas refugees resettlement deportation labour permits",
    ),
    "Democracy & Governance": (
        ["Election Security", "Disinformation", "Judicial Independence", "Civil Service Reform"],
        "elections ballots voters disinformation courts judges accountability corruption parliament",
    ),
    "Maritime Security": (
        ["Shipping Lanes", "Naval Presence", "Port Security", "Undersea Cables", "Piracy"],
        "shipping vessels ports straits navy cables piracy chokepoints convoys maritime",
    ),
    "Food Security": (
        ["Grain Exports", "Fertilizer Prices", "Crop Insurance", "Famine Prevention"],
        "grain wheat fertilizer harvest famine farmers crops prices irrigation",
    ),
    "Space Policy": (
        ["Satellite Constellations", "Space Debris", "Launch Capacity", "Orbital Traffic"],
        "satellites orbit launch debris spectrum constellations rockets",
    ),
    "Education": (
        ["School Funding", "Student Debt", "Teacher Shortages", "Workforce Training"],
        "schools teachers students tuition apprenticeships curriculum universities loans",
    ),
    "Global Health Security": (
        ["Pandemic Preparedness", "Disease Surveillance", "Medical Countermeasures"],
        "pandemic surveillance pathogens vaccines stockpiles outbreaks laboratories",
    ),
}
SERIES = [
    "Grid Futures",
    "Sanctions Watch",
    "The Alliance Papers",
    "Cities Lab",
    "AI Governance Project",
    "Arctic Initiative",
    "Budget Brief",
    "Election Integrity Project",
    "Supply Chain Monitor",
    "Health Systems Review",
    "Deterrence Today",
    "Borders & Belonging",
]
FIRST = (  # noqa: SIM905 (a list of names reads better as text)
    "Ada Ben Chloe Daniel Elena Farid Grace Hiro Ines Jamal Kavya Liam Mei Nadia Omar Priya Quentin "
    "Rosa Samuel Tara Umar Vera William Ximena Yusuf Zoe Amara Bruno Camila Dmitri Esther Felix Hana "
    "Ivan Julia Kwame Lena Mateo Noor Olga Pablo Rania Sofia Tomasz Ulla Viktor Wen Yara"
).split()
LAST = (  # noqa: SIM905 (a list of names reads better as text)
    "Okafor Ruiz Nakamura Haddad Lindqvist Mensah Kowalski Chen Dubois Patel Feld Tikhomirova "
    "Asante-Ellis Raghunathan Liddell Ortega Novak Hughes Ibrahim Moreau Takahashi Weber Silva "
    "Andersen Kaur Mbeki Rossi Petrova Goldberg Nguyen Abadi Fischer Castillo Brennan Osei Varga "
    "Holm Suzuki Carvalho Whitaker Zhao Delacroix Jensen Mahmoud"
).split()
ROLES = [
    "Senior Fellow",
    "Fellow",
    "Research Associate",
    "Director",
    "Non-Resident Fellow",
    "Visiting Scholar",
]

SUBJECTS = [
    "Policymakers",
    "Regulators",
    "Congress",
    "Allied governments",
    "State agencies",
    "The private sector",
    "Local officials",
    "Treasury",
    "Independent analysts",
    "Industry groups",
    "Oversight bodies",
    "Donors",
]
VERBS = [
    "have underinvested in",
    "increasingly depend on",
    "should prioritize",
    "cannot ignore",
    "must rethink",
    "are poorly prepared for",
    "have long debated",
    "will shape",
    "underestimate",
    "need better data on",
    "have quietly expanded",
    "are struggling to fund",
    "should stop subsidizing",
    "could learn from",
]
TAILS = [
    "over the next decade",
    "despite rising costs",
    "as the risks grow",
    "without clear federal guidance",
    "in the wake of recent crises",
    "at a fraction of the cost",
    "before the next budget cycle",
    "while the evidence base remains thin",
    "even as public support wavers",
    "across most of the country",
    "by roughly 40 percent since 2015",
    "with little coordination between agencies",
]
FOLLOW_UPS = [
    "The evidence points in one direction.",
    "That gap is widening.",
    "The costs of delay compound.",
    "Few of these reforms require new legislation.",
    "The politics are harder than the policy.",
    "Three changes would make the biggest difference.",
    "Past attempts failed for predictable reasons.",
]
HEADINGS = [
    "Background",
    "The problem",
    "What the evidence shows",
    "Why current policy falls short",
    "Options for policymakers",
    "Costs and trade-offs",
    "Lessons from abroad",
    "Recommendations",
    "Implementation",
    "What to watch",
]
TITLE_PATTERNS = [
    "{topic}: {subtitle}",
    "The Case for {topic} Reform",
    "Why {topic} Needs a New Playbook",
    "{topic} and the Future of {other}",
    "Rethinking {topic}",
    "How to Fix {topic}",
    "{topic} After the Crisis",
    "What {topic} Means for {other}",
    "Getting {topic} Right",
]
SUBTITLES = [
    "A Plan for the Next Administration",
    "Lessons from Five Countries",
    "What Congress Should Do Now",
    "Closing the Enforcement Gap",
    "Costs, Risks and Options",
    "A Framework for Action",
    "Options for Allies",
    "Evidence from a Decade of Data",
]


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
        types = [PublicationType.objects.get_or_create(name=name)[0] for name in TYPES]
        areas = {name: ResearchArea.objects.get_or_create(name=name)[0] for name in AREAS}
        series = [Series.objects.get_or_create(name=name)[0] for name in SERIES]
        names = sorted({f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(260)})[:200]
        authors = [
            Author.objects.get_or_create(name=name, defaults={"role": rng.choice(ROLES)})[0] for name in names
        ]
        tag_names = sorted({word for _, words in AREAS.values() for word in words.split()})
        tags = [Tag.objects.get_or_create(name=name)[0] for name in tag_names]
        words = {name: words.split() for name, (_, words) in AREAS.items()}
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
            area_names = rng.sample(list(AREAS), rng.choice([1, 1, 1, 2, 2, 3]))
            # Each publication dwells on a few of its areas' topics and words, and strays now
            # and then into others', so a word is found in some of an area's work, not all.
            area_topics = [topic for name in area_names for topic in AREAS[name][0]]
            area_words = [word for name in area_names for word in catalogue["words"][name]]
            topics = rng.sample(area_topics, min(len(area_topics), rng.randint(1, 2)))
            words = rng.sample(area_words, min(len(area_words), rng.randint(3, 6)))
            words += rng.sample(catalogue["all_words"], 2)
            title = self.title(rng, topics)
            html = self.body(rng, topics, words)
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
                    type=rng.choices(catalogue["types"], weights=TYPE_WEIGHTS)[0],
                    dek=self.sentence(rng, topics, words).rstrip("."),
                    summary=" ".join(self.sentence(rng, topics, words) for _ in range(rng.randint(2, 3))),
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

    @staticmethod
    def sentence(rng, topics: list[str], words: list[str]) -> str:
        subject = rng.choice(SUBJECTS + topics)
        thing = rng.choice([topic.lower() for topic in topics] + [f"{rng.choice(words)} {rng.choice(words)}"])
        return f"{subject} {rng.choice(VERBS)} {thing} {rng.choice(TAILS)}."

    def title(self, rng, topics: list[str]) -> str:
        topic, other = rng.choice(topics), rng.choice(topics)
        return rng.choice(TITLE_PATTERNS).format(topic=topic, other=other, subtitle=rng.choice(SUBTITLES))

    def body(self, rng, topics: list[str], words: list[str]) -> str:
        parts = []
        for heading in rng.sample(HEADINGS, rng.randint(3, 6)):
            parts.append(f"<h2>{heading}</h2>")
            for _ in range(rng.randint(2, 4)):
                sentences = [self.sentence(rng, topics, words) for _ in range(rng.randint(3, 6))]
                if rng.random() < 0.4:
                    sentences.append(rng.choice(FOLLOW_UPS))
                parts.append(f"<p>{' '.join(sentences)}</p>")
        return "".join(parts)
