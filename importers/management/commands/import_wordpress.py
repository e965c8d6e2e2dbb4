"""python manage.py import_wordpress EXPORT.xml [--media-dir DIR] [--map-type post=Commentary]
[--dry-run] [--since DATE] [--report FILE]: see README, "Moving from WordPress"."""

import csv
from datetime import datetime, time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from importers import wordpress, wxr

PROGRESS_EVERY = 500


def type_mapping(value: str) -> tuple[str, str]:
    post_type, sep, name = value.partition("=")
    if not sep or not post_type.strip() or not name.strip():
        raise ValueError(value)
    return post_type.strip(), name.strip()


def since(value: str) -> datetime:
    moment = parse_datetime(value) or (
        datetime.combine(day, time.min) if (day := parse_date(value)) else None
    )
    if moment is None:
        raise ValueError(value)
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


def read_category_map(path: Path) -> dict[str, str]:
    """``category-slug,research area`` per line; lines starting with # are comments."""
    if not path.is_file():
        raise CommandError(f"--category-map {path}: no such file.")
    mapping = {}
    with open(path, newline="", encoding="utf-8-sig") as handle:
        for number, row in enumerate(csv.reader(handle), start=1):
            if not row or not row[0].strip() or row[0].lstrip().startswith("#"):
                continue
            if len(row) > 2:
                raise CommandError(f"--category-map {path}, line {number}: expected two columns.")
            mapping[row[0].strip()] = row[1].strip() if len(row) > 1 else ""
    return mapping


class Command(BaseCommand):
    help = (
        "Import a WordPress export (WXR): posts as publications, pages, authors as experts, "
        "categories as research areas, tags, featured images and PDFs, and redirects from the old "
        "addresses. Safe to run again: it updates what changed and duplicates nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", type=Path, help="The .xml file from WordPress's Tools → Export.")
        parser.add_argument(
            "--media-dir",
            type=Path,
            help="The site's wp-content/uploads folder, for featured images, PDFs and linked files.",
        )
        parser.add_argument(
            "--map-type",
            action="append",
            type=type_mapping,
            default=[],
            metavar="POST_TYPE=Publication type",
            help="Import this WordPress post type as this publication type (made if missing). "
            "Repeatable. Default: post=Commentary; other post types are skipped unless named.",
        )
        parser.add_argument(
            "--category-map",
            type=Path,
            help="A CSV file of WordPress category slug, research area (slug or name; made if missing; "
            "empty: no area) for categories that should not simply become areas of their own.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Report what would happen; save nothing.")
        parser.add_argument(
            "--since",
            type=since,
            help="Only items changed on or after this date (YYYY-MM-DD, or a date and time).",
        )
        parser.add_argument(
            "--report",
            type=Path,
            help="Where to write the report (default: wordpress-import-<date and time>.txt here).",
        )

    def handle(self, *args, **options):
        export: Path = options["export"]
        if not export.is_file():
            raise CommandError(f"No such file: {export}")
        media_dir = options["media_dir"]
        if media_dir is not None and not media_dir.is_dir():
            raise CommandError(f"--media-dir {media_dir} is not a folder.")
        type_map = dict(wordpress.DEFAULT_TYPES) | dict(options["map_type"])
        category_map = read_category_map(Path(options["category_map"])) if options["category_map"] else {}
        run_options = wordpress.Options(
            media_dir=media_dir,
            type_map=type_map,
            category_map=category_map,
            since=options["since"],
            dry_run=options["dry_run"],
            progress=self.progress,
        )
        try:
            report = wordpress.run(export, run_options)
        except wxr.ExportError as error:
            raise CommandError(str(error)) from None
        if self.stderr.isatty():
            self.stderr.write("")
        text = report.render()
        self.stdout.write(text)
        stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
        path = (
            Path(options["report"])
            if options["report"]
            else Path(f"wordpress-import-{stamp}{'-dry-run' * report.dry_run}.txt")
        )
        path.write_text(text, encoding="utf-8")
        self.stdout.write(f"Report written to {path.resolve()}")
        if report.imported == 0 and (report.failed or report.problems or report.skipped):
            raise CommandError("Nothing could be imported: see the report above.")

    def progress(self, done: int, total: int) -> None:
        """A bar on a terminal; a line every PROGRESS_EVERY items in a log."""
        if self.stderr.isatty():
            width = 40
            filled = width * done // max(total, 1)
            self.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} items", ending="")
        elif done % PROGRESS_EVERY == 0 or done == total:
            self.stderr.write(f"{done}/{total} items read")
