"""The pages beside a publication's form: its preview, sharing it, its history with the
comparison of two versions, and restoring an old version."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from reversion.models import Version

from .. import revisions, sharing, views, workflow

# The extra context key by which the restore page hands the publication's current place in the
# workflow to the form reversion opens after reverting (see ``changeform_view``).
KEPT_PLACE = "kept_place"


class PublicationPages:
    """A mixin for the publication admin, placed before ``VersionAdmin`` (it narrows
    reversion's history and restore views)."""

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/preview/", view(self.preview_view), name="publications_publication_preview"
            ),
            path("<path:object_id>/share/", view(self.share_view), name="publications_publication_share"),
            path(
                "<path:object_id>/history/compare/",
                view(self.compare_view),
                name="publications_publication_compare",
            ),
        ] + super().get_urls()

    def _visible_object(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return obj

    def preview_view(self, request, object_id):
        return views.preview(request, self._visible_object(request, object_id))

    def share_view(self, request, object_id):
        obj = self._visible_object(request, object_id)
        if not workflow.may_share(request.user, obj):
            raise PermissionDenied
        link = None
        form = sharing.ShareForm(request.POST or None)
        if request.method == "POST":
            if "_revoke" in request.POST:
                sharing.revoke_links(obj, by=request.user)
                self.message_user(request, "Every preview link made so far for it has stopped working.")
                return HttpResponseRedirect(request.path)
            if form.is_valid():
                link = sharing.make_link(obj, by=request.user, days=int(form.cleaned_data["days"]))
                link["url"] = request.build_absolute_uri(link["path"])
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": obj,
            "original": obj,
            "title": f"Share a preview of “{obj}”",
            "form": form,
            "link": link,
        }
        return TemplateResponse(request, "admin/publications/publication/share.html", context)

    # History, comparison and restore ----------------------------------------------------------

    def history_view(self, request, object_id, extra_context=None):
        obj = self._visible_object(request, object_id)
        context = {
            "versions": list(revisions.versions_of(obj)),
            "can_restore": workflow.can_publish(request.user),
            **(extra_context or {}),
        }
        # Django's own history view (the log entries) with the revisions beside it.
        return admin.ModelAdmin.history_view(self, request, object_id, context)

    def compare_view(self, request, object_id):
        obj = self._visible_object(request, object_id)
        versions = revisions.versions_of(obj)
        try:
            chosen = sorted(
                (get_object_or_404(versions, pk=int(request.GET[key])) for key in ("from", "to")),
                key=lambda version: (version.revision.date_created, version.pk),
            )
        except (KeyError, ValueError):
            chosen = list(reversed(versions[:2]))
        if len(chosen) < 2:
            self.message_user(request, "There is only one version so far: nothing to compare.", messages.INFO)
            return HttpResponseRedirect(reverse("admin:publications_publication_history", args=[obj.pk]))
        older, newer = chosen
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": obj,
            "title": f"Changes to “{obj}”",
            "older": older,
            "newer": newer,
            "changes": revisions.compare(older, newer),
            "can_restore": workflow.can_publish(request.user),
        }
        return TemplateResponse(request, "admin/publications/publication/compare.html", context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """Restore: an editor's call, and only ever to a version of this very publication."""
        if not workflow.can_publish(request.user):
            raise PermissionDenied
        obj = self._visible_object(request, object_id)
        version = get_object_or_404(Version.objects.get_for_object(obj), pk=version_id)
        context = {
            "title": f"Restore an earlier version of “{obj}”",
            "version_saved": revisions.saved(version),
            KEPT_PLACE: workflow.place_of(obj),
            **(extra_context or {}),
        }
        return super().revision_view(request, object_id, version_id, context)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        context = dict(extra_context or {})
        if (place := context.pop(KEPT_PLACE, None)) is not None:
            # Reversion calls this inside its restore transaction, once the old version is back:
            # the content is the old version's, the place in the workflow stays as it is now.
            self.model._default_manager.filter(pk=unquote(object_id)).update(**place)
        return super().changeform_view(request, object_id, form_url, context)

    def restored_version(self, request, obj) -> Version | None:
        """The version a save brings back when it is sent from the restore page, whose address
        names it."""
        match = request.resolver_match
        if match is None or match.url_name != "publications_publication_revision":
            return None
        return Version.objects.get_for_object(obj).select_related("revision__user").get(pk=match.args[-1])

    def recoverlist_view(self, request, extra_context=None):
        if not workflow.can_publish(request.user):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not workflow.can_publish(request.user):
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)
