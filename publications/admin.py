import json

import reversion
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.models import DELETION, LogEntry
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.main import ORDER_VAR, ChangeList
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import CharField, F, Prefetch, Q
from django.db.models.functions import Cast
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from reversion.admin import VersionAdmin
from reversion.models import Version
from taggit.models import Tag
from taggit.utils import parse_tags

from core.admin_mixins import CheckedPrefill

from . import revisions, sharing, views, workflow
from .models import Authorship, Publication, PublicationType, owned_by

Status = Publication.Status

# Before VersionAdmin is instantiated below, which would otherwise register the model itself,
# following the inline only (and so forgetting the tags). The admin's app is ready first.
revisions.register()


@admin.register(PublicationType)
class PublicationTypeAdmin(admin.ModelAdmin):
    list_display = ["name", "plural_name", "position"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class AuthorshipInline(admin.TabularInline):
    model = Authorship
    extra = 1
    autocomplete_fields = ["author"]
    verbose_name = "author"
    verbose_name_plural = "authors (in byline order)"


class PublicationAdminForm(forms.ModelForm):
    """Tags are picked from existing ones with autocomplete; new ones are typed beside them."""

    tags = forms.ModelMultipleChoiceField(
        Tag.objects.all(),
        required=False,
        widget=AutocompleteSelectMultiple(Publication._meta.get_field("tags"), admin.site),
        help_text="Start typing to find an existing tag.",
    )
    new_tags = forms.CharField(
        required=False,
        label="New tags",
        help_text='Tags that do not exist yet, separated by commas: "energy, shipping".',
    )
    override_reason = forms.CharField(
        required=False,
        label="Publish anyway because",
        widget=forms.Textarea(attrs={"rows": 2, "cols": 60}),
        help_text="Only when a check above fails and it should go out as it is: say why. "
        "The reason is kept with the publication and in its history.",
    )

    class Meta:
        model = Publication
        fields = "__all__"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["tags"] = list(self.instance.tags.values_list("pk", flat=True))

    def chosen_tags(self) -> list:
        names = [tag.name for tag in self.cleaned_data.get("tags") or []]
        return names + parse_tags(self.cleaned_data.get("new_tags", ""))

    def _save_m2m(self):
        self.cleaned_data["tags"] = self.chosen_tags()
        super()._save_m2m()


class StateFilter(admin.SimpleListFilter):
    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("draft", "Draft"),
            ("review", "Waiting for review"),
            ("scheduled", "Scheduled"),
            ("live", "Live"),
        ]

    def queryset(self, request, queryset):
        now = timezone.now()
        match self.value():
            case "draft":
                return queryset.filter(status=Status.DRAFT)
            case "review":
                return queryset.filter(status=Status.IN_REVIEW)
            case "scheduled":
                return queryset.filter(status=Status.PUBLISHED, published_at__gt=now)
            case "live":
                return queryset.filter(status=Status.PUBLISHED, published_at__lte=now)
        return queryset


class MineFilter(admin.SimpleListFilter):
    title = "whose"
    parameter_name = "mine"

    def lookups(self, request, model_admin):
        return [("yes", "Mine (started by me or on my byline)")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(owned_by(request.user))
        return queryset


class PublicationChangeList(ChangeList):
    def get_ordering(self, request, queryset):
        ordering = super().get_ordering(request, queryset)
        if ORDER_VAR in self.params:
            return ordering
        # Unless a column is sorted: the user's own unfinished work first, then what waits
        # for review, then the newest (drafts, which have no date yet, before the published).
        return ["-my_draft", "-waiting", *ordering]


# What each button under the form does: (POST name, label, who and when it shows).
WORKFLOW_ACTIONS = ["_submit", "_publish", "_schedule", "_unpublish", "_return_to_draft"]
# Kept as they are when an old version's content is restored.
WORKFLOW_FIELDS = [
    "status",
    "published_at",
    "featured",
    "created_by_id",
    "submitted_by_id",
    "submitted_at",
    "published_by_id",
    "checks_override",
    "share_key",
]


class HiddenIsMissing:
    """A ModelAdmin mixin: an object the user may not see (one ``get_queryset`` leaves out)
    answers 404 on every page, exactly as one that does not exist, so ids reveal nothing."""

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            raise Http404("Nothing here, or nothing you can see.")
        return obj


@admin.register(Publication)
class PublicationAdmin(HiddenIsMissing, CheckedPrefill, VersionAdmin):
    form = PublicationAdminForm
    inlines = [AuthorshipInline]
    list_display = ["title", "type", "byline", "state", "is_live", "published_at", "featured"]
    list_filter = [StateFilter, MineFilter, "type", "featured", "areas", "series"]
    list_select_related = ["type"]
    search_fields = ["title", "dek", "summary", "authors__name"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["areas", "series", "related"]
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
        classification = ["areas", "series", "tags", "new_tags", "related"]
        if obj is not None and not self.has_change_permission(request, obj):
            publishing = [name for name in publishing if name != "override_reason"]
            classification.remove("new_tags")
        return [
            (None, {"fields": ["title", "slug", "type", "dek"]}),
            ("Text", {"fields": ["summary", "body"]}),
            ("Publishing", {"fields": publishing}),
            ("Classification", {"fields": classification}),
            (
                "Hero image and PDF",
                {"fields": ["hero_image", "hero_alt", "hero_caption", "hero_credit", "pdf"]},
            ),
            ("Record", {"classes": ["collapse"], "fields": ["created_by", "created_at", "updated_at"]}),
        ]

    def get_readonly_fields(self, request, obj=None):
        fields = ["workflow_state", "prepublish_checks", "preview_link", "share_link"]
        fields += ["created_by", "created_at", "updated_at"]
        if not workflow.can_publish(request.user):
            # Not in the form at all, so a hand-made POST cannot set them either.
            fields += ["status", "published_at", "featured"]
        return fields

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        # Restoring an old version brings back its content, not its place in the workflow.
        if obj is not None and getattr(request, "keep_workflow", None):
            for name, value in request.keep_workflow.items():
                setattr(obj, name, value)
        return obj

    # Saving and the workflow buttons --------------------------------------------------------

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        if not workflow.can_publish(request.user):
            # Defence in depth: whatever the form held, the workflow fields stay as stored.
            if change:
                stored = Publication.objects.filter(pk=obj.pk).values(*WORKFLOW_FIELDS).get()
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
        action = next((name for name in WORKFLOW_ACTIONS if name in request.POST), None)
        if action:
            self._run_workflow_action(
                request, form.instance, action, form.cleaned_data.get("override_reason", "")
            )
        if reversion.is_active():
            # The revision keeps the publication as it finally is, with its byline and tags.
            reversion.add_to_revision(form.instance)

    def _run_workflow_action(self, request, publication, action, reason):
        user = request.user
        request.workflow_action = action
        try:
            if action == "_submit":
                event = workflow.submit_for_review(publication, by=user)
            elif action == "_publish":
                event = workflow.publish(publication, by=user, reason=reason)
            elif action == "_schedule":
                event = workflow.schedule(publication, by=user, reason=reason)
            elif action == "_unpublish":
                event = workflow.unpublish(publication, by=user)
            else:
                event = workflow.return_to_draft(publication, by=user)
        except workflow.ChecksFailed as failed:
            self.message_user(
                request,
                format_html(
                    "Your changes are saved, but it is not {}: {} To go ahead anyway, give a reason "
                    "under “Publish anyway because” and press the button again.",
                    "scheduled" if action == "_schedule" else "published",
                    format_html_join(" ", "{}", ((problem.message,) for problem in failed.problems)),
                ),
                messages.ERROR,
            )
            return
        except workflow.WorkflowError as error:
            self.message_user(request, f"Your changes are saved. {error}", messages.ERROR)
            return
        request.workflow_events = [*getattr(request, "workflow_events", []), event]
        self.message_user(request, event, messages.SUCCESS)
        open_points = workflow.problems(publication) if action == "_submit" else []
        if open_points:
            self.message_user(
                request,
                "Before it can be published: " + " ".join(problem.message for problem in open_points),
                messages.WARNING,
            )

    def log_change(self, request, obj, message):
        if restored := getattr(request, "restored_version", None):
            edited = LogEntry(change_message=json.dumps(message)).get_change_message() if message else ""
            message = " ".join(filter(None, [restored, edited]))
        events = getattr(request, "workflow_events", [])
        if events and not message:
            # Only a workflow step, which logged itself: no "No fields changed." beside it.
            if reversion.is_active():
                reversion.set_comment(" ".join(events))
            return None
        entry = super().log_change(request, obj, message)
        if restored:
            self.message_user(request, restored, messages.SUCCESS)
        if reversion.is_active() and events:
            # The revision says both what was edited and what the workflow did in the same save.
            reversion.set_comment(" ".join([entry.get_change_message(), *events]))
        return entry

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        if reversion.is_active():
            reversion.set_comment(
                " ".join(filter(None, ["Created.", *getattr(request, "workflow_events", [])]))
            )
        return entry

    def _after_workflow_action(self, request, obj):
        url = reverse("admin:publications_publication_change", args=[obj.pk])
        return HttpResponseRedirect(url)

    def response_add(self, request, obj, post_url_continue=None):
        if getattr(request, "workflow_action", None):
            return self._after_workflow_action(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if getattr(request, "workflow_action", None):
            return self._after_workflow_action(request, obj)
        return super().response_change(request, obj)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        restoring = context.get("revert") or context.get("recover")
        can_change = add or (obj is not None and self.has_change_permission(request, obj))
        context["workflow_buttons"] = [] if restoring or not can_change else self._buttons(request, obj)
        context["can_share"] = obj is not None and not restoring
        # Beside the workflow's buttons, "Save and add another" is one too many for writing.
        context["show_save_and_add_another"] = False
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _buttons(self, request, obj) -> list[tuple[str, str]]:
        editor = workflow.can_publish(request.user)
        status = obj.status if obj else Status.DRAFT
        buttons = []
        if status == Status.DRAFT:
            buttons.append(("_submit", "Submit for review"))
        if status == Status.IN_REVIEW:
            label = (
                "Send back to draft"
                if editor and (obj is None or not workflow.owns(request.user, obj))
                else ("Withdraw from review")
            )
            buttons.append(("_return_to_draft", label))
        if editor:
            if obj is None or not obj.is_published:
                buttons.append(("_publish", "Publish now"))
                buttons.append(
                    ("_schedule", "Reschedule" if obj is not None and obj.is_scheduled else "Schedule")
                )
            if status == Status.PUBLISHED:
                buttons.append(("_unpublish", "Unpublish" if obj.is_published else "Cancel schedule"))
        return buttons

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
                    "submitted by {} on {}", _who(obj.submitted_by), workflow.moment(obj.submitted_at)
                )
            )
        if obj.status == Status.PUBLISHED and obj.published_by:
            parts.append(format_html("by {}", _who(obj.published_by)))
        if obj.status == Status.PUBLISHED and obj.checks_override:
            parts.append(format_html("published despite failed checks because: “{}”", obj.checks_override))
        return format_html_join(", ", "{}", ((part,) for part in parts))

    @admin.display(description="checks before publishing")
    def prepublish_checks(self, obj):
        if obj is None or obj.pk is None:
            return "Shown once the publication is saved."
        found = workflow.problems(obj)
        if not found:
            return format_html('<p class="checks checks--ok">{}</p>', "✓ Ready: every check passes.")
        return format_html(
            '<ul class="checks checks--failed">{}</ul>',
            format_html_join("", "<li>✗ {}</li>", ((problem.message,) for problem in found)),
        )

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

    # Extra pages: preview, history, comparison, restore, sharing ------------------------------

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
        # Restoring is an editor's call, and only ever to a version of this very publication.
        if not workflow.can_publish(request.user):
            raise PermissionDenied
        obj = self._visible_object(request, object_id)
        version = get_object_or_404(Version.objects.get_for_object(obj), pk=version_id)
        request.keep_workflow = {name: getattr(obj, name) for name in WORKFLOW_FIELDS}
        saved = f"{workflow.moment(version.revision.date_created)}" + (
            f" by {_who(version.revision.user)}" if version.revision.user else ""
        )
        if request.method == "POST":
            request.restored_version = f"Restored the version of {saved}."
        context = {"title": f"Restore an earlier version of “{obj}”", "version_saved": saved}
        return super().revision_view(request, object_id, version_id, {**context, **(extra_context or {})})

    def recoverlist_view(self, request, extra_context=None):
        if not workflow.can_publish(request.user):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not workflow.can_publish(request.user):
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)

    def changelist_view(self, request, extra_context=None):
        context = {"can_recover": workflow.can_publish(request.user), **(extra_context or {})}
        return super().changelist_view(request, context)

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


def _who(user) -> str:
    if user is None:
        return "someone no longer on staff"
    return user.get_full_name() or user.get_username()


@admin.register(LogEntry)
class AuditLogAdmin(HiddenIsMissing, admin.ModelAdmin):
    """Who did what in the admin, across every publication: published, scheduled, unpublished,
    shared, changed. Read-only: a log that could be edited would prove nothing."""

    list_display = ["action_time", "user", "content_type", "object_link", "message"]
    list_filter = ["action_flag", "content_type", "user"]
    search_fields = ["object_repr", "change_message", "user__username"]
    date_hierarchy = "action_time"
    list_select_related = ["user", "content_type"]

    def get_queryset(self, request):
        """Entries about publications the user may not see are left out with them."""
        queryset = super().get_queryset(request)
        if workflow.can_publish(request.user):
            return queryset
        visible = Publication.objects.visible_to(request.user).values_list(Cast("pk", CharField()))
        return queryset.exclude(
            Q(content_type=ContentType.objects.get_for_model(Publication)) & ~Q(object_id__in=visible)
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="object", ordering="object_repr")
    def object_link(self, entry):
        if entry.action_flag == DELETION or not entry.get_admin_url():
            return entry.object_repr
        return format_html('<a href="{}">{}</a>', entry.get_admin_url(), entry.object_repr)

    @admin.display(description="what happened")
    def message(self, entry):
        return entry.get_change_message()
