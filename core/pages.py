"""Which views the page cache may keep: each app marks its own public pages, so the cache
(pagecache/) needs to know none of them.

    path("", cached_page(views.AuthorListView.as_view(), shows_all=[Author]), name="list")

Only what every anonymous reader sees alike belongs here: not forms that change anything,
previews, token pages or the admin. ``shows_all`` names the models the page lists in full, or
from which a new item may join it (see core/surrogates.py).
"""

from . import surrogates


def cached_page(view, shows_all=()):
    """Mark ``view`` (a function, an ``as_view()`` result or a callable such as a feed) as a
    public page whose anonymous GET and HEAD answers the page cache and an edge cache may keep."""
    view.cached_page = True
    view.shows_all = tuple(shows_all)
    return view


def is_cached_page(view) -> bool:
    return getattr(view, "cached_page", False)


def declare(view) -> None:
    """Called by the page cache as it renders ``view``: what the view says it lists in full."""
    surrogates.shows_all(*getattr(view, "shows_all", ()))
