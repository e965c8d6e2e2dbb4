"""WordPress pages as the site's editable pages (``website.Page``), parents first, each at its
WordPress slug under its parent, unless another part of the site already answers there."""

from urllib.parse import unquote

from django.urls import Resolver404, resolve
from django.utils import timezone

from core.slugs import readable_slug
from website.models import PAGE_ROUTE, Page

from . import cleaning, wxr
from .models import ImportedItem

TITLE_LENGTH = 200
SLUG_LENGTH = 100


def import_pages(importer, items: list) -> None:
    by_id = {item.post_id: item for item in items}

    def depth(item, seen=()) -> int:
        parent = by_id.get(item.get("wp:post_parent"))
        if parent is None or parent.post_id in seen:
            return 0
        return 1 + depth(parent, (*seen, item.post_id))

    for item in sorted(items, key=depth):
        if item.status in wxr.SKIPPED_STATUSES:
            importer.report.skip("pages", item.label, wxr.SKIPPED_STATUSES[item.status])
        elif importer.too_old(item):
            importer.report.count("pages", "skipped")
        else:
            importer.in_transaction(item, "pages", lambda item: page(importer, item))


def page(importer, item) -> None:
    digest = importer.checksum(item)
    record = importer.known.get((ImportedItem.Kind.PAGE, item.post_id))
    existing = Page.objects.filter(pk=record.object_id).first() if record else None
    if existing is not None and record.checksum == digest:
        importer.report.count("pages", "unchanged")
        importer.report.redirects += 1
        return
    target = existing or Page()
    title, notes = cleaning.clean_title(item.get("title"), f"Untitled page {item.post_id}")
    if len(title) > TITLE_LENGTH:
        title = title[: TITLE_LENGTH - 1] + "…"
    target.title = title
    target.description = cleaning.plain(item.get("excerpt:encoded"))[:300]
    cleaned = importer.clean_body(item)
    target.body = cleaned.html
    notes += cleaned.notes
    parent_record = importer.known.get((ImportedItem.Kind.PAGE, item.get("wp:post_parent")))
    target.parent = Page.objects.filter(pk=parent_record.object_id).first() if parent_record else None
    wanted = readable_slug(unquote(item.get("wp:post_name")) or title, fallback="page")[:SLUG_LENGTH]
    target.slug = wanted
    notes += _free_address(target, wanted)
    date = item.date()
    if item.status in {"publish", "future"} and not item.get("wp:post_password"):
        target.status, target.published_at = Page.Status.PUBLISHED, date or timezone.now()
    else:
        target.status, target.published_at = Page.Status.DRAFT, date
        if item.get("wp:post_password"):
            notes.append("password-protected on WordPress: imported as a draft")
        elif item.status in {"private", "pending"}:
            notes.append(f"{item.status} on WordPress: imported as a draft")
    target.save()
    record = record or ImportedItem(site=importer.site, kind=ImportedItem.Kind.PAGE, wp_id=item.post_id)
    importer.remember(record, item, target, digest)
    importer.report.count("pages", "updated" if existing else "created")
    importer.report.clean(item.label, notes)


def _free_address(target: Page, wanted: str) -> list[str]:
    """Keep the page off addresses the site's own routes answer and off other pages."""
    number = 1
    while True:
        path = target.address()
        try:
            own = resolve(f"/{path}/").url_name == PAGE_ROUTE
        except Resolver404:
            own = False
        if own and not Page.objects.filter(path=path).exclude(pk=target.pk).exists():
            break
        number += 1
        target.slug = f"{wanted[: SLUG_LENGTH - 8]}-page" + (f"-{number - 1}" if number > 2 else "")
    if target.slug == wanted:
        return []
    return [f"/{wanted}/ is already another part of the site: the page is at /{target.address()}/"]
