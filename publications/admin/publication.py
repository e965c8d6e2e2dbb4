"""The publication admin: the newsroom's form and list. Its workflow buttons are the
transition table's (``workflow.available_actions``); pressing one saves the form as Save does,
then takes the step (``workflow.perform``)."""

import json

import reversion
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.contrib.admin.views.main import ORDER_VAR, ChangeList
from django.core.exceptions import PermissionDenied
from django.db.models import F, Prefetch, Q
from django.http import HttpResponseRedirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.timezone import localtime
from reversion.admin import VersionAdmin

from core.admin_mixins import CheckedPrefill, HiddenIsMissing
from core.security_log import log_event

from .. import checks, revisions, workflow
from ..models import Authorship, Publication
from . import live
from .filters import MineFilter, StateFilter
from .forms import PublicationAdminForm
from .library import BodyMedia
from .live import LiveChecks
from .pages import PublicationPages

Status = Publication.Status


def pressed_step(request) -> str | None:
    """The workflow button the form was sent with, if any."""
    return next((action for action in workflow.TRANSITIONS if action in request.POST), None)


class AuthorshipInline(admin.TabularInline):
    model = Authorship
    extra = 1
    autocomplete_fields = ["author"]
    verbose_name = "author"
    verbose_name_plural = "authors (in byline order)"


class PublicationChangeList(ChangeList):
    def get_ordering(self, request, queryset):
        ordering = super().get_ordering(request, queryset)
        if ORDER_VAR in self.params:
            return ordering
        # Unless a column is sorted: the user's own unfinished work first, then what waits
        # for review, then the newest (drafts, which have no date yet, before the published).
        return ["-my_draft", "-waiting", *ordering]


class PublicationAdmin(
    HiddenIsMissing, CheckedPrefill, BodyMedia, LiveChecks, PublicationPages, VersionAdmin
):
    form = PublicationAdminForm
    inlines = [AuthorshipInline]
    list_display = ["title", "type", "byline", "state", "is_live", "publication_date", "featured"]
    list_filter = [StateFilter, MineFilter, "type", "featured", "areas", "regions", "series"]
    list_select_related = ["type"]
    search_fields = ["title", "dek", "summary", "authors__name"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["areas", "regions", "series", "related"]
    actions = ["unpublish_selected", "feature_selected", "unfeature_selected"]
    save_on_top = True
    # Reversion's own list template adds "Recover deleted"; ours shows it to editors only.
    change_list_template = None
    object_history_template = "admin/publications/publication/object_history.html"
    revision_form_template = "admin/publications/publication/revision_form.html"
    history_latest_first = True

    class Media:
        css = {"all": ["css/admin.css"]}
        js = ["js/admin-publication.js"]

    # Who sees and changes what ------------------------------------------------------------

    def get_queryset(self, request):
        queryset = (
            super()
            .get_queryset(request)
            .prefetch_related(Prefetch("authorships", queryset=Authorship.objects.select_related("author")))
        )
        queryset = queryset.visible_to(request.user)
        return queryset.annotate(
            my_draft=workflow.unfinished_by(request.user), waiting=Q(status=Status.IN_REVIEW)
        )

    def get_ordering(self, request):
        return [F("published_at").desc(nulls_first=True), "-pk"]

    def get_changelist(self, request, **kwargs):
        return PublicationChangeList

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or workflow.may_edit(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or workflow.may_delete(request.user, obj))

    def has_publish_permission(self, request):
        return workflow.can_publish(request.user)

    def get_fieldsets(self, request, obj=None):
        publishing = ["workflow_state"]
        if workflow.can_publish(request.user):
            publishing += ["published_at", "featured", "prepublish_checks"]
            # The reason to publish anyway is asked for only while it could be published and a
            # check fails.
            if obj is None or (not obj.is_published and workflow.problems(obj)):
                publishing.append("override_reason")
        else:
            publishing += ["prepublish_checks"]
        publishing += ["preview_link", "share_link"]
        classification = ["areas", "regions", "series", "tags", "related"]
        if obj is not None and not self.has_change_permission(request, obj):
            publishing = [name for name in publishing if name != "override_reason"]
        return [
            (None, {"fields": ["title", "slug", "type", "dek"]}),
            ("Text", {"fields": ["summary", "body"]}),
            ("In search results and when shared", {"fields": ["share_preview"]}),
            ("Publishing", {"fields": publishing}),
            ("Classification", {"fields": classification}),
            (
                "Hero image and PDF",
                {"fields": ["hero_image", "hero_alt", "hero_caption", "hero_credit", "pdf"]},
            ),
            ("Record", {"classes": ["collapse"], "fields": ["created_by", "created_at", "updated_at"]}),
        ]

    def get_readonly_fields(self, request, obj=None):
        fields = ["workflow_state", "prepublish_checks", "preview_link", "share_link", "share_preview"]
        fields += ["created_by", "created_at", "updated_at"]
        if not workflow.can_publish(request.user):
            # Not in the form at all, so a hand-made POST cannot set them either.
            fields += ["status", "published_at", "featured"]
        return fields

    # Saving, logging and the workflow buttons -------------------------------------------------

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        if not workflow.can_publish(request.user):
            # Defence in depth: whatever the form held, the workflow fields stay as stored.
            if change:
                stored = Publication.objects.filter(pk=obj.pk).values(*workflow.PLACE_FIELDS).get()
                for name, value in stored.items():
                    setattr(obj, name, value)
            else:
                obj.status, obj.published_at, obj.featured = Status.DRAFT, None, False
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Keep byline positions 1, 2, 3… in the order staff gave (or the rows' order).
        for position, authorship in enumerate(form.instance.authorships.order_by("position", "id"), 1):
            if authorship.position != position:
                authorship.position = position
                authorship.save(update_fields=["position"])
        if reversion.is_active():
            # The revision keeps the publication as it finally is, with its byline and tags.
            reversion.add_to_revision(form.instance)

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        if reversion.is_active():
            reversion.set_comment("Created.")
        return entry

    def log_change(self, request, obj, message):
        restored = self.restored_version(request, obj)
        if restored is not None:
            note = f"Restored the version of {revisions.saved(restored)}."
            edited = LogEntry(change_message=json.dumps(message)).get_change_message() if message else ""
            message = " ".join(filter(None, [note, edited]))
        elif not message and pressed_step(request):
            # Only a workflow step, which logs itself: no "No fields changed." beside it.
            return None
        entry = super().log_change(request, obj, message)
        if restored is not None:
            self.message_user(request, note, messages.SUCCESS)
        return entry

    def response_add(self, request, obj, post_url_continue=None):
        if action := pressed_step(request):
            return self._take_step(request, obj, action)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if action := pressed_step(request):
            return self._take_step(request, obj, action)
        return super().response_change(request, obj)

    def _take_step(self, request, publication, action):
        """The step whose button was pressed, once Django has saved the form and logged the edit
        (all in one transaction, which a refusal undoes)."""
        # What the save's revision says so far: empty when the form changed nothing and
        # ``log_change`` left the step to log itself.
        edited = reversion.get_comment() if reversion.is_active() else ""
        reason = request.POST.get("override_reason", "")
        try:
            event = workflow.perform(action, publication, by=request.user, reason=reason)
        except PermissionDenied:
            log_event("workflow_refused", request, action=action.lstrip("_"))
            raise
        except workflow.WorkflowError as error:
            self._report_refusal(request, action, error)
            if not edited:
                # Neither an edit nor a step: logged as any save that changed nothing.
                super().log_change(request, publication, [])
        else:
            if reversion.is_active():
                # One revision: what the form changed, then what the step did.
                reversion.set_comment(" ".join(filter(None, [edited, event])))
            self.message_user(request, event, messages.SUCCESS)
            open_points = workflow.problems(publication) if action == "_submit" else []
            if open_points:
                self.message_user(
                    request,
                    "Before it can be published: " + " ".join(problem.message for problem in open_points),
                    messages.WARNING,
                )
        return HttpResponseRedirect(reverse("admin:publications_publication_change", args=[publication.pk]))

    def _report_refusal(self, request, action, error):
        if isinstance(error, workflow.ChecksFailed):
            self.message_user(
                request,
                format_html(
                    "Your changes are saved, but it is not {}: {} To go ahead anyway, give a reason "
                    "under “Publish anyway because” and press the button again.",
                    "scheduled" if action == "_schedule" else "published",
                    format_html_join(" ", "{}", ((problem.message,) for problem in error.problems)),
                ),
                messages.ERROR,
            )
        else:
            self.message_user(request, f"Your changes are saved. {error}", messages.ERROR)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        restoring = context.get("revert") or context.get("recover")
        can_change = add or (obj is not None and self.has_change_permission(request, obj))
        context["workflow_buttons"] = (
            workflow.available_actions(request.user, obj) if can_change and not restoring else []
        )
        context["can_share"] = obj is not None and not restoring
        # Beside the workflow's buttons, "Save and add another" is one too many for writing.
        context["show_save_and_add_another"] = False
        return super().render_change_form(request, context, add, change, form_url, obj)

    # Read-only parts of the form ------------------------------------------------------------

    @admin.display(description="state")
    def workflow_state(self, obj):
        if obj is None or obj.pk is None:
            return "New: saved as a draft."
        parts = []
        if obj.is_scheduled:
            parts.append(
                format_html("<strong>Scheduled</strong>: goes live on {}", workflow.moment(obj.published_at))
            )
        elif obj.is_published:
            parts.append(format_html("<strong>Live</strong> since {}", workflow.moment(obj.published_at)))
        else:
            parts.append(format_html("<strong>{}</strong>", obj.get_status_display()))
        if obj.status == Status.IN_REVIEW and obj.submitted_at:
            parts.append(
                format_html(
                    "submitted by {} on {}",
                    workflow.who(obj.submitted_by),
                    workflow.moment(obj.submitted_at),
                )
            )
        if obj.status == Status.PUBLISHED and obj.published_by:
            parts.append(format_html("by {}", workflow.who(obj.published_by)))
        if obj.status == Status.PUBLISHED and obj.checks_override:
            parts.append(format_html("published despite failed checks because: “{}”", obj.checks_override))
        return format_html_join(", ", "{}", ((part,) for part in parts))

    @admin.display(description="checks before publishing")
    def prepublish_checks(self, obj):
        # The form's script runs the checks again on what is typed (LiveChecks), from the
        # first keystroke; without it, they are those of the last save.
        saved = obj is not None and obj.pk is not None
        found = (
            workflow.problems(obj) if saved else checks.problems(Publication(), authors=[], has_areas=False)
        )
        if not found:
            listing = format_html('<p class="checks checks--ok">{}</p>', "✓ Ready: every check passes.")
        else:
            listing = format_html(
                '<ul class="checks checks--failed">{}</ul>',
                format_html_join("", "<li>✗ {}</li>", ((problem.message,) for problem in found)),
            )
        return format_html(
            '<div class="live-checks" data-url="{}" data-autosave="{}" data-publication="{}" '
            'aria-live="polite">{}</div>',
            reverse("admin:publications_publication_checks"),
            reverse("admin:publications_publication_autosave"),
            obj.pk if saved else "",
            listing,
        )

    @admin.display(description="how it looks")
    def share_preview(self, obj):
        context = live.preview_context(obj, site_name=settings.SITE_NAME, site_url=settings.SITE_URL)
        context |= {"site_name": settings.SITE_NAME, "limits_json": json.dumps(live.LIMITS)}
        return render_to_string("admin/publications/publication/includes/share_preview.html", context)

    @admin.display(description="preview")
    def preview_link(self, obj):
        if obj is None or not obj.pk:
            return "Save the publication first."
        url = reverse("admin:publications_publication_preview", args=[obj.pk])
        return format_html('<a href="{}" target="_blank">Preview as readers will see it</a>', url)

    @admin.display(description="share a preview")
    def share_link(self, obj):
        if obj is None or not obj.pk:
            return "Save the publication first."
        url = reverse("admin:publications_publication_share", args=[obj.pk])
        return format_html(
            '<a href="{}">Make a link for an outside reviewer</a> (no account needed; it expires).', url
        )

    # The list ------------------------------------------------------------------------------

    def changelist_view(self, request, extra_context=None):
        context = {"can_recover": workflow.can_publish(request.user), **(extra_context or {})}
        return super().changelist_view(request, context)

    @admin.display(description="authors")
    def byline(self, obj):
        return ", ".join(author.name for author in obj.ordered_authors())

    @admin.display(description="state", ordering="status")
    def state(self, obj):
        if obj.is_scheduled:
            return "Scheduled"
        label = "Waiting for review" if obj.status == Status.IN_REVIEW else obj.get_status_display()
        return f"{label} (yours)" if obj.my_draft else label

    @admin.display(boolean=True, description="live")
    def is_live(self, obj):
        return obj.is_published

    @admin.display(description="publication date", ordering="published_at")
    def publication_date(self, obj):
        """Short enough to keep the list within a laptop's screen: "19 Dec 2026, 06:36"."""
        return date_format(localtime(obj.published_at), "j M Y, H:i") if obj.published_at else "–"

    def view_on_site(self, obj):
        if obj.is_published:
            return obj.get_absolute_url()
        return reverse("admin:publications_publication_preview", args=[obj.pk])

    @admin.action(
        description="Unpublish selected publications (or cancel their schedule)", permissions=["publish"]
    )
    def unpublish_selected(self, request, queryset):
        self._each(request, queryset.filter(status=Status.PUBLISHED), workflow.unpublish)

    @admin.action(description="Feature selected publications on the home page", permissions=["publish"])
    def feature_selected(self, request, queryset):
        self._each(request, queryset, workflow.set_featured, featured=True)

    @admin.action(description="Stop featuring selected publications", permissions=["publish"])
    def unfeature_selected(self, request, queryset):
        self._each(request, queryset, workflow.set_featured, featured=False)

    def _each(self, request, queryset, step, **kwargs):
        done = [publication for publication in queryset if step(publication, by=request.user, **kwargs)]
        if done:
            self.message_user(request, f"{len(done)} publication{'s' if len(done) != 1 else ''} changed.")
        else:
            self.message_user(request, "Nothing to change.", messages.WARNING)
