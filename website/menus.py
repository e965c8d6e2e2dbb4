"""The header and footer menus editors arrange (``MenuItem``), read once per request.

Every page shows them, so they are kept under the content version (``core/content_version.py``),
which any change to a menu item or a page renews: read once per version, not once per page.
Menus kept that lead to a page scheduled for later are kept no longer than until its time.

A menu without any item shows the site's main lists (``DEFAULT``): a fresh install has a working
navigation. A list whose address does not exist (yet) is left out, as is a page not published.
"""

from django.db.models import Exists, OuterRef
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from core import content_version, surrogates

from .models import LISTS, MenuItem, Page

DEFAULT = {
    MenuItem.Menu.HEADER: ["publications", "research-areas", "experts", "subscribe"],
    MenuItem.Menu.FOOTER: ["publications", "research-areas", "experts"],
}


def _list_link(key: str, label: str = "") -> dict | None:
    try:
        url = reverse(LISTS[key][1])
    except NoReverseMatch:
        return None
    return {"label": label or LISTS[key][0], "url": url}


def read() -> dict:
    """The menus as links (label, url), the keys of the pages they lead to, and the moment a
    page they lead to is scheduled to appear (a timestamp, or None)."""
    public = Page.objects.published().filter(pk=OuterRef("page_id"))
    items = (
        MenuItem.objects.select_related("page")
        .only("menu", "position", "label", "named", "url", "page__path", "page__status", "page__published_at")
        .annotate(page_public=Exists(public))
    )
    menus: dict[str, list] = {menu: [] for menu in MenuItem.Menu.values}
    used, keys, scheduled = set(), set(), []
    now = timezone.now()
    for item in items:
        used.add(item.menu)
        link = None
        if item.page is not None:
            keys.add(surrogates.key_for(item.page))
            if item.page_public:
                link = {"label": item.label, "url": item.page.get_absolute_url()}
            elif item.page.status == Page.Status.PUBLISHED and item.page.published_at > now:
                scheduled.append(item.page.published_at.timestamp())
        elif item.named:
            link = _list_link(item.named, item.label)
        else:
            link = {"label": item.label, "url": item.url}
        if link:
            menus[item.menu].append(link)
    for menu, lists in DEFAULT.items():
        if menu not in used:
            menus[menu] = [link for key in lists if (link := _list_link(key))]
    return {"menus": menus, "keys": sorted(keys), "until": min(scheduled, default=None)}


def menus_for(request) -> dict[str, list]:
    """The menus of the page ``request`` renders, which names them for edge purges: any change
    to a menu (``all-menuitem``) or to a page one leads to."""
    found = getattr(request, "site_menus", None)
    if found is None:
        found = request.site_menus = content_version.kept(
            request, "menus", read, until=lambda entry: entry["until"]
        )
    surrogates.shows_all(MenuItem)
    surrogates.add(*found["keys"])
    return found["menus"]
