"""Load the original demo content: ``python manage.py load_demo``.

The content is Markdown files in ``demo/content/`` (``demo.loader`` reads and checks them
all before anything is written). Idempotent: rows are updated in place by slug (pages by their
path, menu items by their place in the menu), and authorships, areas, regions, tags and related
items are replaced, so running it again leaves the same rows. Hero images, expert photos and
series logos are drawn by ``demo.images`` and saved through the models' file fields (so
renditions and the embargo apply); a picture already stored is reused, not drawn again. Dates
are relative to now, so the demo stays fresh. It never prompts; at the end it creates or
updates the staff superuser ``editor`` and prints its login, then (with ``DEBUG`` on) one login
for each role (``demo_logins``).
"""

import re
import secrets
from datetime import timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.html import format_html

from authors.models import Author
from core import colours
from demo import charts, images
from demo.events import load_events, read_events
from demo.loader import CONTENT_DIR, Content, ContentError, Expert, read_content
from demo.loader import Publication as DemoPublication
from demo.loader import Series as DemoSeries
from demo.pages import PageError, load_menus, load_pages
from publications.models import Authorship, BodyImage, Publication, PublicationType
from publications.tasks import pdfs_on_demand
from regions.models import Region
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
        parser.add_argument(
            "--no-pictures",
            dest="pictures",
            action="store_false",
            help="Leave the generated hero images, expert photos and series logos alone (faster: for tests).",
        )

    def handle(self, *args, **options):
        try:
            content = read_content(options["content"])
            events = read_events(options["content"])
        except ContentError as error:
            raise CommandError(str(error)) from error
        password = options["password"] or secrets.token_urlsafe(12)
        self.pictures = options["pictures"]
        try:
            # The generated PDFs are made on their first request, not here: with tasks run at once
            # (DEBUG) they would double the time this takes.
            with pdfs_on_demand(), transaction.atomic():
                counts = self.load(content, timezone.now())
                pages = load_pages(content)
                counts |= {"pages": len(pages), "menu_items": load_menus(content, pages)}
                counts["events"] = load_events(events)
                self.create_editor(password)
        except (PageError, ContentError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                "Demo content: {areas} research areas, {regions} regions, {series} series, "
                "{authors} experts, {types} publication types, {publications} publications "
                "({published} published, {scheduled} scheduled, {drafts} drafts or in review, "
                "{featured} featured), {newsletters} newsletters, {pages} pages (About, Contact, "
                "Privacy…), {menu_items} menu items and {events} events.".format(**counts)
            )
        )
        self.stdout.write(
            f"Staff login: {options['admin_url']}  user: {EDITOR_USERNAME}  password: {password}"
        )
        # One login per role with a known password (DEBUG only): staff/management/commands/.
        call_command("demo_logins", admin_url=options["admin_url"], stdout=self.stdout)

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
        regions = self.save_regions(content)
        series = {
            slug: Series.objects.update_or_create(
                slug=slug, defaults={"name": item.name, "description": item.description}
            )[0]
            for slug, item in content.series.items()
        }
        authors = {slug: self.save_expert(slug, expert) for slug, expert in content.experts.items()}
        for slug, item in content.series.items():
            self.save_series_identity(series[slug], item, authors)
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
            if self.pictures:
                self.set_hero(publication, spec)
            if spec.chart_data:
                publication.body = self.with_chart(slug, spec)
            # The hero's renditions are queued by this save; the PDF after the commit.
            publication.save()
            byline = [authors[author] for author in spec.authors]
            publication.authorships.exclude(author__in=byline).delete()
            for position, author in enumerate(byline):
                Authorship.objects.update_or_create(
                    publication=publication, author=author, defaults={"position": position}
                )
            publication.areas.set([areas[area] for area in spec.areas])
            publication.regions.set([regions[region] for region in spec.regions])
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
            "regions": len(regions),
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

    def save_regions(self, content: Content) -> dict[str, Region]:
        """Every region, each after the one it lies in, whatever order the files come in."""
        regions: dict[str, Region] = {}

        def save(slug: str) -> Region:
            if slug not in regions:
                item = content.regions[slug]
                parent = save(item.parent) if item.parent else None
                regions[slug], _ = Region.objects.update_or_create(
                    slug=slug, defaults={"name": item.name, "description": item.description, "parent": parent}
                )
            return regions[slug]

        for slug in content.regions:
            save(slug)
        return regions

    def save_expert(self, slug: str, expert: Expert) -> Author:
        author = Author.objects.filter(slug=slug).first() or Author(slug=slug)
        author.name, author.role, author.bio = expert.name, expert.role, expert.bio
        if self.pictures:
            self.set_photo(author, expert)
        author.save()
        return author

    def save_series_identity(self, series: Series, item: DemoSeries, authors: dict[str, Author]) -> None:
        """Its landing text, lead expert and banner colour, and a generated logo unless the file
        says ``logo: false`` (``logo: waves`` chooses the mark), described by the file or by the
        generator."""
        # Paragraphs as the admin's text box has them: one line each, an empty line between.
        paragraphs = re.split(r"\n\s*\n", item.landing_text.strip())
        series.landing_text = "\n\n".join(" ".join(paragraph.split()) for paragraph in paragraphs)
        series.lead_expert = authors.get(item.lead_expert)
        series.banner_colour = colours.normalise(item.banner_colour)
        if self.pictures and not item.logo:
            images.detach(series.logo, item.slug)
            series.logo_alt = ""
        elif self.pictures:
            mark = item.logo if isinstance(item.logo, str) else ""
            picture = images.logo(item.slug, item.name, series.banner_colour, mark)
            images.attach(series.logo, picture, item.slug)
            series.logo_alt = item.logo_alt or picture.description
        series.save()

    def set_photo(self, author: Author, expert: Expert) -> None:
        """A generated monogram unless the file says ``photo: false``, described by the file or
        by the generator."""
        if not expert.photo:
            images.detach(author.photo, expert.slug)
            author.photo_alt = ""
            return
        picture = images.portrait(expert.slug, expert.name)
        images.attach(author.photo, picture, expert.slug)
        author.photo_alt = expert.photo_alt or picture.description

    def with_chart(self, slug: str, spec: DemoPublication) -> str:
        """The body with its chart: a library image with the CSV to download, reused on a re-run."""
        if not self.pictures:
            return charts.place(spec.body, "")
        picture = charts.chart(slug, spec.chart_data, spec.chart_title)
        entry = BodyImage.objects.filter(image__endswith=f"/{picture.file_name}").first() or BodyImage()
        images.attach(entry.image, picture, slug)
        entry.alt, entry.caption, entry.credit = spec.chart_alt, spec.chart_caption, "Chart: Red Cell demo"
        if not entry.data_file:
            entry.data_file.save(f"{slug}-data.csv", ContentFile(spec.chart_data.encode()), save=False)
        entry.save()
        figure = format_html(
            '<figure class="figure"><img src="{}" alt="{}" data-file="{}">'
            "<figcaption>{}</figcaption></figure>",
            entry.image.url,
            spec.chart_alt,
            entry.pk,
            spec.chart_caption,
        )
        return charts.place(spec.body, figure)

    def set_hero(self, publication: Publication, spec: DemoPublication) -> None:
        """A generated hero image unless the file says ``hero: false`` (or, saying nothing, its
        slug is among the ~30% left without), described by the file or by the generator."""
        wanted = images.wants_hero(spec.slug) if spec.hero is None else spec.hero
        if not wanted:
            images.detach(publication.hero_image, spec.slug)
            publication.hero_alt = publication.hero_caption = publication.hero_credit = ""
            return
        picture = images.hero(spec.slug)
        images.attach(publication.hero_image, picture, spec.slug)
        publication.hero_alt = spec.hero_alt or picture.description
        publication.hero_caption = spec.hero_caption or picture.caption
        publication.hero_credit = spec.hero_credit or images.CREDIT

    def create_editor(self, password: str) -> None:
        user, _ = get_user_model().objects.get_or_create(username=EDITOR_USERNAME)
        user.email = EDITOR_EMAIL
        user.is_staff = user.is_superuser = user.is_active = True
        user.set_password(password)
        user.save()
