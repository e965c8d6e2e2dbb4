"""Load the original demo content: ``python manage.py load_demo``.

The content is Markdown files in ``demo/content/`` (``demo.loader`` reads and checks them
all before anything is written). Idempotent: rows are updated in place by slug, and
authorships, areas, tags and related items are replaced, so running it again leaves the
same rows. Dates are relative to now, so the demo stays fresh. It never prompts; at the end
it creates or updates the staff superuser ``editor`` and prints its login.
"""

import secrets
from datetime import timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from authors.models import Author
from demo.loader import CONTENT_DIR, Content, ContentError, read_content
from publications.models import Authorship, Publication, PublicationType
from research_areas.models import ResearchArea
from series.models import Series
from subscriptions.models import Newsletter

EDITOR_USERNAME = "editor"
EDITOR_EMAIL = "editor@example.org"
ADMIN_URL = "http://127.0.0.1:8000/admin/"


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
        parser.add_argument(
            "--content",
            type=Path,
            default=CONTENT_DIR,
            help="The folder of content to load (default: demo/content/).",
        )

    def handle(self, *args, **options):
        try:
            content = read_content(options["content"])
        except ContentError as error:
            raise CommandError(str(error)) from error
        password = options["password"] or secrets.token_urlsafe(12)
        with transaction.atomic():
            counts = self.load(content, timezone.now())
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

    def load(self, content: Content, now) -> dict:
        areas: dict[str, ResearchArea] = {}

        def save_area(slug: str) -> ResearchArea:
            """Parents first, whatever order the files come in."""
            if slug not in areas:
                area = content.areas[slug]
                parent = save_area(area.parent) if area.parent else None
                areas[slug], _ = ResearchArea.objects.update_or_create(
                    slug=slug, defaults={"name": area.name, "description": area.description, "parent": parent}
                )
            return areas[slug]

        for slug in content.areas:
            save_area(slug)
        series = {
            slug: Series.objects.update_or_create(
                slug=slug, defaults={"name": item.name, "description": item.description}
            )[0]
            for slug, item in content.series.items()
        }
        authors = {
            slug: Author.objects.update_or_create(
                slug=slug, defaults={"name": expert.name, "role": expert.role, "bio": expert.bio}
            )[0]
            for slug, expert in content.experts.items()
        }
        types = {
            slug: PublicationType.objects.update_or_create(
                slug=slug,
                defaults={"name": kind.name, "plural_name": kind.plural_name, "position": kind.position},
            )[0]
            for slug, kind in content.types.items()
        }

        publications: dict[str, Publication] = {}
        for slug, spec in content.publications.items():
            if spec.days_ago is None:
                status, published_at = spec.status, None
            else:
                status = Publication.Status.PUBLISHED
                published_at = now - timedelta(days=spec.days_ago, hours=spec.hours_ago)
            fields = {
                "title": spec.title,
                "type": types[spec.type],
                "dek": spec.dek,
                "summary": spec.summary,
                "body": spec.body,
                "series": series.get(spec.series),
                "status": status,
                "published_at": published_at,
                "featured": spec.featured,
            }
            # Not update_or_create: it saves with update_fields=<the defaults>, which would
            # drop what Publication.save() derives from the body (body_html, toc, word_count).
            publication = Publication.objects.filter(slug=slug).first() or Publication(slug=slug)
            for name, value in fields.items():
                setattr(publication, name, value)
            publication.save()
            byline = [authors[author] for author in spec.authors]
            publication.authorships.exclude(author__in=byline).delete()
            for position, author in enumerate(byline):
                Authorship.objects.update_or_create(
                    publication=publication, author=author, defaults={"position": position}
                )
            publication.areas.set([areas[area] for area in spec.areas])
            publication.tags.set(spec.tags)
            publications[slug] = publication

        for slug, spec in content.publications.items():
            publications[slug].related.set([publications[related] for related in spec.related])

        for slug, item in content.newsletters.items():
            newsletter, _ = Newsletter.objects.update_or_create(
                slug=slug,
                defaults={
                    "name": item.name,
                    "description": item.description,
                    "position": item.position,
                    "active": item.active,
                },
            )
            newsletter.areas.set([areas[area] for area in item.areas])
            newsletter.series.set([series[name] for name in item.series])

        demo = Publication.objects.filter(slug__in=publications)
        return {
            "newsletters": len(content.newsletters),
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
