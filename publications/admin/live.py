"""What the publication form shows while it is being written, before any save: the checks
before publishing, run on the form as it stands (sent by admin-publication.js as the writer
types, a moment after they stop), and how it will look in search results and when shared."""

from urllib.parse import urlsplit

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.urls import path
from django.utils.formats import date_format, time_format
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.views.decorators.http import require_POST

from authors.models import Author

from .. import autosave, body, checks
from ..models import Publication

MAX_AUTHOR_ROWS = 100


class LiveChecks:
    """A mixin for the publication admin: the ``checks/`` and ``autosave/`` addresses the form's
    script asks, and the working copy offered back when the form opens."""

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("checks/", view(require_POST(self.checks_view)), name="publications_publication_checks"),
            path(
                "autosave/", view(require_POST(self.autosave_view)), name="publications_publication_autosave"
            ),
            *super().get_urls(),
        ]

    def _writable(self, request) -> Publication | None:
        """The publication the form is about (None: a new one), if the user may change it: one
        they may not see is missing (404), as on its own form."""
        if pk := request.POST.get("publication"):
            obj = self.get_object(request, pk)
            if not self.has_change_permission(request, obj):
                raise PermissionDenied
            return obj
        if not self.has_add_permission(request):
            raise PermissionDenied
        return None

    def autosave_view(self, request):
        """Keep the form's writing as the user's private working copy. Nothing else changes."""
        obj = self._writable(request)
        copy = autosave.keep(user=request.user, publication=obj, data=request.POST)
        return JsonResponse({"message": f"Working copy kept at {time_format(localtime(copy.saved_at))}."})

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        copy = self._copy_to_restore(request, obj)
        if copy is None:
            return form

        class Restored(form):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                self.initial.update(copy.data)

        return Restored

    def _copy_to_restore(self, request, obj):
        """The working copy to fill the form from: only on opening the add or change form (not a
        restore of an old version), only what the user may still change, and not when asked for
        the saved version (``?original``)."""
        match = request.resolver_match
        pages = {"publications_publication_add", "publications_publication_change"}
        if request.method != "GET" or "original" in request.GET or not match or match.url_name not in pages:
            return None
        if (obj is None and not self.has_add_permission(request)) or (
            obj is not None and not self.has_change_permission(request, obj)
        ):
            return None
        if not hasattr(request, "_working_copy"):
            request._working_copy = autosave.to_restore(user=request.user, publication=obj)
        return request._working_copy

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        copy = getattr(request, "_working_copy", None)
        if copy is not None:
            self.message_user(
                request,
                format_html(
                    "Restored your unsaved changes from {}: save to keep them, or "
                    '<a href="?original=1">open the version last saved</a>.',
                    date_format(localtime(copy.saved_at), "DATETIME_FORMAT"),
                ),
                messages.WARNING,
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # Saved for real: the working copy (of a new one, too) has done its job.
        autosave.drop(user=request.user, publication=obj if change else None)

    def checks_view(self, request):
        """The problems of the form's data, as JSON. Nothing is saved; a publication named by
        ``publication`` must be one the user may see and change, as for its own form."""
        obj = self._writable(request)
        draft = unsaved(request.POST, obj)
        found = checks.problems(
            draft, authors=byline(request.POST), has_areas=any(request.POST.getlist("areas"))
        )
        return JsonResponse({"problems": [{"field": p.field, "message": p.message} for p in found]})


def unsaved(data, obj: Publication | None) -> Publication:
    """A publication holding what the form says, never saved."""
    draft = Publication(
        dek=data.get("dek", ""),
        summary=data.get("summary", ""),
        body_html=body.render(body.sanitize(data.get("body", ""), media=True)).html,
        hero_alt=data.get("hero_alt", ""),
    )
    # A hero image stored before, or one chosen in the form and not uploaded yet.
    has_hero = bool(obj and obj.hero_image and not data.get("hero_image-clear")) or bool(
        data.get("hero_chosen")
    )
    draft.hero_image = "chosen" if has_hero else ""
    return draft


def byline(data) -> list[Author]:
    """The authors of the form's byline rows, in their order, without the rows marked for deletion."""
    rows = []
    for index in range(min(_int(data.get("authorships-TOTAL_FORMS")), MAX_AUTHOR_ROWS)):
        author = data.get(f"authorships-{index}-author", "")
        if author.isdigit() and not data.get(f"authorships-{index}-DELETE"):
            rows.append((_int(data.get(f"authorships-{index}-position")), index, int(author)))
    by_pk = Author.objects.in_bulk([author for _, _, author in rows])
    return [by_pk[author] for _, _, author in sorted(rows) if author in by_pk]


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


# How much of a title and a description search results and social cards show, in characters
# (Google cuts by pixel width, about 60 and 155 characters; cards after about 70 and 200).
LIMITS = {"search_title": 60, "search_description": 155, "card_title": 70, "card_description": 200}


def shortened(text: str, limit: int) -> str:
    """``text`` as a result or a card cuts it: whole words, then an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,.;:") + "…"


def preview_context(obj: Publication | None, *, site_name: str, site_url: str) -> dict:
    """What the search and social preview shows before the script takes over."""
    title = f"{obj.title} | {site_name}" if obj is not None and obj.title else site_name
    description = (obj.summary or obj.dek) if obj is not None else ""
    return {
        "domain": urlsplit(site_url).netloc,
        "search_title": shortened(title, LIMITS["search_title"]),
        "search_description": shortened(description, LIMITS["search_description"]),
        "card_title": shortened(obj.title if obj is not None else "", LIMITS["card_title"]),
        "card_description": shortened(description, LIMITS["card_description"]),
        "image": obj.hero_image.url if obj is not None and obj.hero_image else "",
        "limits": LIMITS,
    }
