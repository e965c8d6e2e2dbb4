"""Load the original demo content: ``python manage.py load_demo``.

Idempotent: rows are updated in place by name (areas, series, experts, types) or slug
(publications), and authorships, areas, tags and related items are replaced, so running
it again leaves the same rows. Dates are relative to now, so the demo stays fresh. It never
prompts; at the end it creates or updates the staff superuser ``editor`` and prints its
login.
"""

import secrets
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from authors.models import Author
from demo.content_py import content
from publications.models import Authorship, Publication, PublicationType
from research_areas.models import ResearchArea
from series.models import Series
from subscriptions.models import Newsletter

EDITOR_USERNAME = "editor"
EDITOR_EMAIL = "editor@example.org"
ADMIN_URL = "http://127.0.0.1:8000/admin/"


def check_content() -> list[str]:
    """Problems in the demo content that would otherwise fail halfway through loading."""
    problems = []
    areas = {name for name, _, _ in content.RESEARCH_AREAS}
    series = {name for name, _ in content.SERIES}
    authors = {name for name, _, _ in content.AUTHORS}
    types = {name for name, _, _ in content.PUBLICATION_TYPES}
    slugs = [spec["slug"] for spec in content.PUBLICATIONS]
    problems += [f"duplicate publication slug {slug!r}" for slug in {s for s in slugs if slugs.count(s) > 1}]
    for spec in content.PUBLICATIONS:
        where = spec["slug"]
        if spec["type"] not in types:
            problems.append(f"{where}: unknown type {spec['type']!r}")
        if spec.get("series") and spec["series"] not in series:
            problems.append(f"{where}: unknown series {spec['series']!r}")
        problems += [f"{where}: unknown area {a!r}" for a in spec["areas"] if a not in areas]
        problems += [f"{where}: unknown author {a!r}" for a in spec["authors"] if a not in authors]
        problems += [
            f"{where}: unknown related slug {s!r}" for s in spec.get("related", []) if s not in slugs
        ]
        if ("status" in spec) == ("days_ago" in spec):
            problems.append(f"{where}: give either a draft/review status or days_ago")
    return problems


class Command(BaseCommand):
    help = "Load the original demo content (idempotent) and print a staff login."

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            help=f"Password for the staff user {EDITOR_USERNAME!r} (default: a new random one each run).",
        )
        parser.add_argument(
            "--admin-url", default=ADMIN_URL, help="The admin address to print with the login."
        )

    def handle(self, *args, **options):
        problems = check_content()
        if problems:
            raise CommandError("The demo content has problems:\n  " + "\n  ".join(problems))
        password = options["password"] or secrets.token_urlsafe(12)
        with transaction.atomic():
            counts = self.load(timezone.now())
            self.create_editor(password)
        self.stdout.write(
            self.style.SUCCESS(
                "Demo content: {areas} research areas, {series} series, {authors} experts, "
                "{types} publication types, {publications} publications ({published} published, "
                "{scheduled} scheduled, {drafts} drafts or in review, {featured} featured), "
                "{newsletters} newsletters.".format(**counts)
            )
        )
        self.stdout.write(
            f"Staff login: {options['admin_url']}  user: {EDITOR_USERNAME}  password: {password}"
        )

    def load(self, now) -> dict:
        areas: dict[str, ResearchArea] = {}
        for name, description, parent in content.RESEARCH_AREAS:
            areas[name], _ = ResearchArea.objects.update_or_create(
                name=name, defaults={"description": description, "parent": areas.get(parent)}
            )
        series: dict[str, Series] = {}
        for name, description in content.SERIES:
            series[name], _ = Series.objects.update_or_create(
                name=name, defaults={"description": description}
            )
        authors: dict[str, Author] = {}
        for name, role, bio in content.AUTHORS:
            # Keyed by name; the model makes the (transliterated) slug on first save.
            authors[name], _ = Author.objects.update_or_create(name=name, defaults={"role": role, "bio": bio})
        types: dict[str, PublicationType] = {}
        for name, plural_name, position in content.PUBLICATION_TYPES:
            types[name], _ = PublicationType.objects.update_or_create(
                name=name, defaults={"plural_name": plural_name, "position": position}
            )

        publications: dict[str, Publication] = {}
        for index, spec in enumerate(content.PUBLICATIONS):
            if "days_ago" in spec:
                status = Publication.Status.PUBLISHED
                days = spec["days_ago"]
                # Past items get a varied time of day; scheduled ones stay whole days ahead.
                hours = (index * 5) % 9 if days > 0 else 0
                published_at = now - timedelta(days=days, hours=hours)
            else:
                status, published_at = spec["status"], None
            fields = {
                "title": spec["title"],
                "type": types[spec["type"]],
                "dek": spec["dek"],
                "summary": spec["summary"],
                "body": spec["body"],
                "series": series.get(spec.get("series")),
                "status": status,
                "published_at": published_at,
                "featured": spec.get("featured", False),
            }
            # Not update_or_create: it saves with update_fields=<the defaults>, which would
            # drop what Publication.save() derives from the body (body_html, toc, word_count).
            publication = Publication.objects.filter(slug=spec["slug"]).first() or Publication(
                slug=spec["slug"]
            )
            for name, value in fields.items():
                setattr(publication, name, value)
            publication.save()
            byline = [authors[name] for name in spec["authors"]]
            publication.authorships.exclude(author__in=byline).delete()
            for position, author in enumerate(byline):
                Authorship.objects.update_or_create(
                    publication=publication, author=author, defaults={"position": position}
                )
            publication.areas.set([areas[name] for name in spec["areas"]])
            publication.tags.set(spec["tags"])
            publications[spec["slug"]] = publication

        for spec in content.PUBLICATIONS:
            publications[spec["slug"]].related.set([publications[slug] for slug in spec.get("related", [])])

        for position, (name, description, area_names, series_names) in enumerate(content.NEWSLETTERS):
            newsletter, _ = Newsletter.objects.update_or_create(
                name=name, defaults={"description": description, "position": position, "active": True}
            )
            newsletter.areas.set([areas[area] for area in area_names])
            newsletter.series.set([series[name] for name in series_names])

        demo = Publication.objects.filter(slug__in=publications)
        return {
            "newsletters": len(content.NEWSLETTERS),
            "areas": len(areas),
            "series": len(series),
            "authors": len(authors),
            "types": len(types),
            "publications": len(publications),
            "published": demo.published().count(),
            "scheduled": demo.filter(
                status=Publication.Status.PUBLISHED, published_at__gt=timezone.now()
            ).count(),
            "drafts": demo.exclude(status=Publication.Status.PUBLISHED).count(),
            "featured": demo.filter(featured=True).count(),
        }

    def create_editor(self, password: str) -> None:
        user, _ = get_user_model().objects.get_or_create(username=EDITOR_USERNAME)
        user.email = EDITOR_EMAIL
        user.is_staff = user.is_superuser = user.is_active = True
        user.set_password(password)
        user.save()
