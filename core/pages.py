"""Which views the page cache may keep: each app marks its own public pages, so the cache
(pagecache/) needs to know none of them.

    path("", cached_page(views.AuthorListView.as_view()), name="list")

Only what every anonymous reader sees alike belongs here: not forms that change anything,
previews, token pages or the admin.
"""


def cached_page(view):
    """Mark ``view`` (a function, an ``as_view()`` result or a callable such as a feed) as a
    public page whose anonymous GET and HEAD answers the page cache may keep and reuse."""
    view.cached_page = True
    return view


def is_cached_page(view) -> bool:
    return getattr(view, "cached_page", False)
