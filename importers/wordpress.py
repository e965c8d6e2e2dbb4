"""Importing a WordPress export: posts (and chosen custom post types) as publications, pages as
pages, with their experts, research areas, tags, hero images, PDFs and old addresses.

    run(path, media_dir=..., type_map={"post": "Commentary"}, dry_run=False) -> Report

Two passes over the file: ``index.build`` first (authors, categories, attachments: what an item
may refer to further down), then the items, each in a transaction of its own, so a bad item is
reported and leaves nothing half-written while the rest are imported. Each item is matched to
what an earlier run made from it by site and WordPress id (``ImportedItem``) and is written
again only when its source changed (a checksum), so a re-run changes nothing and a newer export
updates what changed. A dry run does all of it inside one transaction that is rolled back, and
copies no file.
"""

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from core.slugs import readable_slug, unique_slug
from publications.models import Authorship, Publication, PublicationType
from publications.tasks import pdfs_on_demand

from . import cleaning, pages, wxr
from .index import Index, build
from .media import Media
from .models import ImportedItem
from .people import Directory
from .report import Report

# Bumped when the importer changes what it makes of the same source, so a re-run redoes all.
IMPORTER_VERSION = "1"
DEFAULT_TYPES = {"post": "Commentary"}
# Post types that are site machinery, not content.
NOT_CONTENT = {
    "revision", "nav_menu_item", "wp_block", "customize_changeset", "oembed_cache", "custom_css",
    "wp_navigation", "wp_template", "wp_template_part", "wp_global_styles", "user_request",
    "wp_font_family", "wp_font_face", "guest-author", "attachment",
}  # fmt: skip
TAG_LENGTH = 100
BATCH = 200
AreaLink = Publication.areas.through


class Rollback(Exception):
    """Raised to undo a dry run's writes."""


@dataclass
class Options:
    media_dir: Path | None = None
    type_map: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_TYPES))
    category_map: dict[str, str] = field(default_factory=dict)
    since: datetime | None = None
    dry_run: bool = False
    progress: Callable[[int, int], None] | None = None


class Importer:
    def __init__(self, path: Path, options: Options, report: Report):
        self.path, self.options, self.report = path, options, report
        self.index: Index = build(path)
        report.version, report.site = self.index.version, self.index.site
        if self.index.error:
            report.problems.append(self.index.error + " Everything before that point was imported.")
        self.site = self.index.site
        self.directory = Directory(self.index, report, options.category_map)
        self.media = Media(options.media_dir, self.site, options.dry_run)
        self.types: dict[str, PublicationType] = {}
        self.tags: dict[str, Tag] = {}
        self.slugs = set(Publication.objects.values_list("slug", flat=True))
        self.pending_records: list[ImportedItem] = []
        self.pending_dates: list[Publication] = []
        # New publications' bylines, areas and tags, written together at the end of the batch.
        self.pending_rows: dict[type, list] = {Authorship: [], AreaLink: [], TaggedItem: []}
        self.known = {
            (record.kind, record.wp_id): record
            for record in ImportedItem.objects.filter(
                site=self.site, kind__in=[ImportedItem.Kind.POST, ImportedItem.Kind.PAGE]
            )
        }
        self.content_type = ContentType.objects.get_for_model(Publication)
        # Which earlier imports are still here, read at once rather than item by item.
        self.existing = set(
            Publication.objects.filter(
                pk__in=[r.object_id for (kind, _), r in self.known.items() if kind == ImportedItem.Kind.POST]
            ).values_list("pk", flat=True)
        )
        if options.media_dir is None:
            report.notices.append(
                "No --media-dir: featured images, PDFs and files linked from bodies were not imported "
                "(bodies keep links to their old addresses)."
            )

    # The run ---------------------------------------------------------------------------------

    def run(self) -> None:
        with transaction.atomic():
            self.directory.refresh()
        deferred = []
        items = self.items(deferred)
        # Each item in a savepoint of its own (all or nothing), committed BATCH at a time: what
        # follows a commit (search vectors, purges, the content version) then runs once per
        # batch rather than once per item. A run cut short keeps every batch committed before;
        # running it again picks up the rest.
        while chunk := list(islice(items, BATCH)):
            with transaction.atomic():
                for item in chunk:
                    self.item(item)
                self.flush()
        with transaction.atomic():
            pages.import_pages(self, deferred)
            self.flush()

    def flush(self) -> None:
        """What a batch's items left to write together: the new publications' bylines, areas
        and tags, their ``ImportedItem`` rows, and WordPress's modified dates (which ``save()``
        would overwrite with now). Three statements a batch rather than three a publication;
        the publications' search vectors are built after the commit, so they include these."""
        for model, rows in self.pending_rows.items():
            model.objects.bulk_create(rows)
            rows.clear()
        ImportedItem.objects.bulk_create(self.pending_records)
        Publication.objects.bulk_update(self.pending_dates, ["updated_at"])
        self.pending_records, self.pending_dates = [], []

    def _pending(self) -> list[list]:
        return [*self.pending_rows.values(), self.pending_records, self.pending_dates]

    def items(self, deferred: list) -> Iterator[wxr.Item]:
        """The items to import, pages put aside in ``deferred`` (parents first, once all are
        known); a file cut short ends them, as the first pass already reported."""
        done, total = 0, self.index.items
        try:
            for kind, value in wxr.read(self.path):
                if kind != "item":
                    continue
                done += 1
                if value.post_type == "page":
                    deferred.append(value)
                else:
                    yield value
                if self.options.progress:
                    self.options.progress(done, total)
        except wxr.ExportError:
            return

    def item(self, item: wxr.Item) -> None:
        post_type, status = item.post_type, item.status
        if post_type in NOT_CONTENT:
            if post_type not in {"attachment", "guest-author"}:
                self.report.ignored[post_type] += 1
            return
        if post_type not in self.options.type_map:
            self.report.skip(
                "publications",
                item.label,
                f'post type "{post_type}" is not mapped (add --map-type {post_type}=<publication type>)',
            )
            return
        if status in wxr.SKIPPED_STATUSES:
            self.report.skip("publications", item.label, wxr.SKIPPED_STATUSES[status])
            return
        if self.too_old(item):
            self.report.count("publications", "skipped")
            return
        record = self.known.get((ImportedItem.Kind.POST, item.post_id))
        digest = self.checksum(item, self.options.type_map[item.post_type])
        if record is not None and record.checksum == digest and record.object_id in self.existing:
            # As it was: no savepoint, no statement.
            self.report.count("publications", "unchanged")
            self.report.redirects += 1
            return
        self.in_transaction(item, "publications", self.publication)

    def too_old(self, item: wxr.Item) -> bool:
        since = self.options.since
        changed = item.date("wp:post_modified_gmt", "wp:post_modified") or item.date()
        return bool(since and changed and changed < since)

    def in_transaction(self, item: wxr.Item, kind: str, work: Callable) -> None:
        """One item, all or nothing: a failure is reported and leaves no trace."""
        sizes = [len(rows) for rows in self._pending()]
        try:
            with transaction.atomic():
                work(item)
        except Exception as error:  # whatever it was, the other items go on
            for rows, size in zip(self._pending(), sizes, strict=True):
                del rows[size:]  # what it queued for the batch went with its savepoint
            self.report.fail(kind, item.label, f"{type(error).__name__}: {error}")
            # What this run made and kept at hand may have been rolled back with the item.
            self.tags.clear()
            self.types.clear()
            self.directory.authors.clear()
            self.directory.areas.clear()

    def checksum(self, item: wxr.Item, *extra) -> str:
        thumbnail = self.index.attachments.get(item.meta.get("_thumbnail_id", ""))
        parts = [IMPORTER_VERSION, item.checksum, bool(self.options.media_dir), *extra]
        if thumbnail:
            parts += [thumbnail.file, thumbnail.alt, thumbnail.caption]
        return hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()

    # Publications ----------------------------------------------------------------------------

    def publication(self, item: wxr.Item) -> None:
        type_name = self.options.type_map[item.post_type]
        digest = self.checksum(item, type_name)
        record = self.known.get((ImportedItem.Kind.POST, item.post_id))
        publication = None
        if record is not None:
            publication = Publication.objects.filter(pk=record.object_id).first()
        created = publication is None
        publication = publication or Publication()
        notes = self.fill(publication, item, type_name)
        publication.save()
        authors, byline_notes = self.directory.byline(item)
        notes += byline_notes
        areas, tags = self.directory.areas_of(item), self.tags_of(item)
        if created:
            # Fewer statements for the common case: written with the batch (``flush``); the new
            # publication's own save has already marked it for re-indexing and purging.
            self.pending_rows[Authorship] += [
                Authorship(publication=publication, author=author, position=position)
                for position, author in enumerate(authors)
            ]
            self.pending_rows[AreaLink] += [
                AreaLink(publication=publication, researcharea=area) for area in areas
            ]
            self.pending_rows[TaggedItem] += [
                TaggedItem(tag=tag, content_type=self.content_type, object_id=publication.pk) for tag in tags
            ]
        else:
            publication.authorships.exclude(author__in=authors).delete()
            for position, author in enumerate(authors):
                publication.authorships.update_or_create(author=author, defaults={"position": position})
            publication.areas.set(areas)
            publication.tags.set(tags)
        modified = item.date("wp:post_modified_gmt", "wp:post_modified")
        if modified:
            publication.updated_at = modified
            self.pending_dates.append(publication)
        record = record or ImportedItem(site=self.site, kind=ImportedItem.Kind.POST, wp_id=item.post_id)
        self.remember(record, item, publication, digest)
        self.report.count("publications", "created" if created else "updated")
        self.report.clean(item.label, notes)

    def tags_of(self, item: wxr.Item) -> list[Tag]:
        names = [cleaning.plain(text)[:TAG_LENGTH] for domain, _, text in item.terms if domain == "post_tag"]
        tags = []
        for name in dict.fromkeys(name for name in names if name):
            key = name.lower()
            if key not in self.tags:
                self.tags[key] = Tag.objects.filter(name__iexact=name).first() or Tag.objects.create(
                    name=name
                )
            tags.append(self.tags[key])
        return list(dict.fromkeys(tags))

    def fill(self, publication: Publication, item: wxr.Item, type_name: str) -> list[str]:
        title, notes = cleaning.clean_title(item.get("title"), f"Untitled {item.post_type} {item.post_id}")
        publication.title = title
        publication.type = self.publication_type(type_name)
        publication.summary = cleaning.plain(item.get("excerpt:encoded"))
        cleaned = self.clean_body(item)
        publication.body = cleaned.html
        notes += cleaned.notes
        notes += self.slug(publication, item, title)
        publication.status, publication.published_at, status_notes = self.status(item)
        notes += status_notes
        publication.featured = item.get("wp:is_sticky") == "1"
        notes += self.hero_and_pdf(publication, item)
        return notes

    def clean_body(self, item: wxr.Item) -> cleaning.Cleaned:
        def file_url(url: str) -> str | None:
            relative = self.index.upload_path(url)
            if relative is None:
                return None
            attachment = self.index.attachment_for_url(url)
            return self.media.file_url(attachment, attachment.file if attachment else relative, self.report)

        def gallery(ids: list[str]) -> list[cleaning.Image]:
            ids = ids or self.index.children.get(item.post_id, [])
            found = [self.index.attachments.get(wp_id) for wp_id in ids]
            return [
                cleaning.Image(attachment.url, attachment.alt, attachment.caption)
                for attachment in found
                if attachment and attachment.is_image
            ]

        links = cleaning.Links(file_url=file_url, local=self.local, gallery=gallery)
        return cleaning.clean_body(item.get("content:encoded"), links, item.meta.get("footnotes", ""))

    def local(self, url: str) -> str:
        """An address on the old site as a path on this one (where its redirect waits)."""
        parts = urlsplit(url)
        if not parts.netloc or cleaning.host_of(url) not in self.index.hosts or self.index.upload_path(url):
            return url
        return parts._replace(scheme="", netloc="").geturl() or "/"

    def slug(self, publication: Publication, item: wxr.Item, title: str) -> list[str]:
        wanted = readable_slug(unquote(item.get("wp:post_name")) or title, fallback="publication")[:240]
        if publication.slug == wanted:
            return []
        publication.slug = wanted
        if wanted not in self.slugs:
            self.slugs.add(wanted)
            return []
        publication.slug = unique_slug(publication, wanted)
        self.slugs.add(publication.slug)
        return [f'slug "{wanted}" is taken by another publication: imported as "{publication.slug}"']

    def status(self, item: wxr.Item) -> tuple[str, datetime | None, list[str]]:
        status, date = item.status, item.date("wp:post_date_gmt", "wp:post_date")
        Status = Publication.Status
        if item.get("wp:post_password"):
            return Status.DRAFT, date, ["password-protected on WordPress: imported as a draft"]
        if status == "publish":
            return Status.PUBLISHED, date or timezone.now(), []
        if status == "future":
            return Status.PUBLISHED, date, [] if date else ["scheduled with no date: imported as a draft"]
        if status == "pending":
            return Status.IN_REVIEW, date, []
        if status == "private":
            return Status.DRAFT, date, ["private on WordPress: imported as a draft"]
        return Status.DRAFT, date, [] if status == "draft" else [f'status "{status}": imported as a draft']

    def publication_type(self, name: str) -> PublicationType:
        if name not in self.types:
            found = PublicationType.objects.filter(name__iexact=name).first()
            found = found or PublicationType.objects.filter(slug=readable_slug(name)).first()
            if found is None:
                found = PublicationType.objects.create(name=name)
            self.types[name] = found
        return self.types[name]

    def hero_and_pdf(self, publication: Publication, item: wxr.Item) -> list[str]:
        """The featured image (else a gallery's first image) as the hero; the first PDF attached
        to the post as its PDF."""
        self.files = {}
        if self.options.media_dir is None:
            return []
        record = self.known.get((ImportedItem.Kind.POST, item.post_id))
        attachments = [self.index.attachments.get(item.meta.get("_thumbnail_id", ""))]
        attachments += [
            self.index.attachments.get(wp_id) for wp_id in self.index.children.get(item.post_id, [])
        ]
        hero = next((a for a in attachments if a and a.is_image), None)
        pdf = next((a for a in attachments[1:] if a and a.is_pdf), None)
        before = record.files if record else {}
        notes, self.files = self.media.hero_and_pdf(publication, hero, pdf, before, self.report)
        return notes

    def remember(self, record: ImportedItem, item: wxr.Item, target, digest: str) -> None:
        """Where this item went, its old address and the checksum of its source."""
        link = urlsplit(item.get("link"))
        host_ok = not link.netloc or cleaning.host_of(item.get("link")) in self.index.hosts
        record.old_path = unquote(link.path) if host_ok and link.path and not link.query else ""
        record.guid = item.get("guid")[:500]
        record.content_type = ContentType.objects.get_for_model(target)
        record.object_id, record.checksum = target.pk, digest
        record.files = getattr(self, "files", {}) if record.kind == ImportedItem.Kind.POST else {}
        if record.pk:
            record.save()
        else:
            self.pending_records.append(record)
        self.known[(record.kind, record.wp_id)] = record
        self.report.redirects += 1


def run(path: Path, options: Options | None = None) -> Report:
    """Import the export at ``path``; the report says what happened. Raises ``wxr.ExportError``
    for a file that is not a WordPress export at all."""
    options = options or Options()
    report = Report(source=str(path), dry_run=options.dry_run)
    # The generated PDFs are made on their first request, not queued by the thousand here.
    with pdfs_on_demand():
        if not options.dry_run:
            Importer(path, options, report).run()
            return report
        try:
            with transaction.atomic():
                Importer(path, options, report).run()
                raise Rollback
        except Rollback:
            pass
    return report
