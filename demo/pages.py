"""The demo's editable pages (``pages/``) and its header and footer menus (``menus.yaml``),
saved as the admin would: a page at its path, checked by the model's own rules (a path that
another part of the site answers stops the load), and a menu item per position, so loading again
updates the same rows."""

from django.apps import apps
from django.core.exceptions import ValidationError

from demo.loader import Content


class PageError(Exception):
    pass


def load_pages(content: Content) -> dict[str, object]:
    """Every page of ``content``, parents first, by file name (its slug)."""
    stored_page = apps.get_model("website", "Page")
    saved: dict[str, object] = {}

    def save(slug: str):
        if slug not in saved:
            spec = content.pages[slug]
            parent = save(spec.parent) if spec.parent else None
            path = f"{parent.path}/{slug}" if parent else slug
            page = stored_page.objects.filter(path=path).first() or stored_page(slug=slug)
            page.title, page.parent, page.description, page.body = (
                spec.title,
                parent,
                spec.description,
                spec.body,
            )
            if spec.draft:
                page.status, page.published_at = stored_page.Status.DRAFT, None
            else:
                page.status = stored_page.Status.PUBLISHED
            try:
                page.clean()
            except ValidationError as error:
                raise PageError(f"pages/{slug}.md: {' '.join(error.messages)}") from error
            page.save()
            saved[slug] = page
        return saved[slug]

    for slug in content.pages:
        save(slug)
    return saved


def load_menus(content: Content, pages: dict[str, object]) -> int:
    """The menus ``menus.yaml`` defines, in its order, over the items already there (the extra
    ones removed); a menu it leaves out is kept as it is."""
    item_model = apps.get_model("website", "MenuItem")
    count = 0
    for menu, links in content.menus.items():
        existing = list(item_model.objects.filter(menu=menu).order_by("position", "pk"))
        for position, link in enumerate(links):
            item = existing[position] if position < len(existing) else item_model(menu=menu)
            item.position, item.label = position, link.label
            item.page, item.named, item.url = pages.get(link.page), link.list, link.url
            item.save()
        for extra in existing[len(links) :]:
            extra.delete()
        count += len(links)
    return count
