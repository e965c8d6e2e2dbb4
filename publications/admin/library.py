"""The media library in the admin, and the picker the body editor opens from its figure dialog
("Browse…"): upload an image with its description, caption and credit, or pick one already in
the library. The picker answers the editor as CKEditor's file browsers do (the protocol
django-prose-editor's figure dialog speaks), from static/js/admin-image-picker.js."""

import copy

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from .. import library, workflow
from ..library import BodyImage
from ..models import Publication

PICKER_PAGE_SIZE = 24


class BodyImageForm(forms.ModelForm):
    class Meta:
        model = BodyImage
        fields = ["image", "alt", "caption", "credit", "data_file"]
        widgets = {
            "alt": forms.TextInput(attrs={"size": 60}),
            "caption": forms.TextInput(attrs={"size": 60}),
            "credit": forms.TextInput(attrs={"size": 40}),
        }


class BodyImageAdmin(admin.ModelAdmin):
    form = BodyImageForm
    list_display = ["thumbnail", "alt", "caption", "credit", "used_in", "uploaded_by", "uploaded_at"]
    search_fields = ["alt", "caption", "credit"]
    readonly_fields = ["thumbnail", "uploaded_by", "uploaded_at"]
    fields = ["thumbnail", "image", "alt", "caption", "credit", "data_file", "uploaded_by", "uploaded_at"]

    class Media:
        css = {"all": ["css/admin.css"]}

    def get_queryset(self, request):
        queryset = super().get_queryset(request).visible_to(request.user)
        return (
            queryset.select_related("uploaded_by")
            .annotate(use_count=Count("uses"))
            .order_by(*self.opts.ordering)
        )

    def _own_or_editor(self, request, obj) -> bool:
        return obj is None or workflow.can_publish(request.user) or obj.uploaded_by_id == request.user.pk

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._own_or_editor(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._own_or_editor(request, obj)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description="image")
    def thumbnail(self, obj):
        if obj is None or not obj.image:
            return "–"
        return format_html('<img class="library-thumb" src="{}" alt="{}">', obj.image.url, obj.alt)

    @admin.display(description="used in", ordering="use_count")
    def used_in(self, obj):
        count = getattr(obj, "use_count", 0)
        return f"{count} publication{'s' if count != 1 else ''}" if count else "not yet"

    # The picker ------------------------------------------------------------------------------

    def get_urls(self):
        view = self.admin_site.admin_view(self.picker_view)
        return [path("pick/", view, name="publications_bodyimage_pick"), *super().get_urls()]

    def _check_publication(self, request) -> Publication | None:
        """The publication the editor is writing (None: a new one), which the user must be
        allowed to change; one they may not see is missing, as on its own form."""
        pk = request.GET.get("publication") or request.POST.get("publication") or ""
        if not pk:
            if not request.user.has_perm("publications.add_publication"):
                raise PermissionDenied
            return None
        if not pk.isdigit():
            raise Http404("No such publication.")
        publication = Publication.objects.visible_to(request.user).filter(pk=pk).first()
        if publication is None:
            raise Http404("No such publication.")
        if not workflow.may_edit(request.user, publication):
            raise PermissionDenied
        return publication

    def picker_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        publication = self._check_publication(request)
        callback = request.GET.get("CKEditorFuncNum") or request.POST.get("CKEditorFuncNum") or ""
        if not callback.lstrip("-").isdigit():
            callback = ""
        picked, status = None, 200
        form = BodyImageForm()
        if request.method == "POST":
            if not self.has_add_permission(request):
                raise PermissionDenied
            form = BodyImageForm(request.POST, request.FILES)
            if form.is_valid():
                data = form.cleaned_data
                picked = library.add_image(
                    by=request.user,
                    image=data["image"],
                    alt=data["alt"],
                    caption=data["caption"],
                    credit=data["credit"],
                    data_file=data.get("data_file"),
                )
                form = BodyImageForm()
            else:
                status = 400
        elif request.method != "GET":
            return TemplateResponse(request, "admin/publications/bodyimage/pick.html", {}, status=405)
        query = request.GET.get("q", "").strip()[:100]
        images = self.get_queryset(request).order_by("-uploaded_at", "-pk")
        if query:
            images = images.filter(
                Q(alt__icontains=query) | Q(caption__icontains=query) | Q(credit__icontains=query)
            )
        page = Paginator(images, PICKER_PAGE_SIZE).get_page(request.GET.get("page"))
        context = {
            **self.admin_site.each_context(request),
            "title": "Insert an image",
            "is_popup": True,
            "opts": self.opts,
            "form": form,
            "page": page,
            "query": query,
            "picked": picked,
            "callback": callback,
            "publication": publication,
            "can_upload": self.has_add_permission(request),
        }
        return TemplateResponse(request, "admin/publications/bodyimage/pick.html", context, status=status)


class BodyMedia:
    """A mixin for the publication admin: the body editor's figure dialog gets a "Browse…"
    button that opens the picker for this publication."""

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        field = form.base_fields.get("body")
        if field is not None and isinstance(getattr(field.widget, "config", None), dict):
            url = reverse("admin:publications_bodyimage_pick")
            if obj is not None and obj.pk:
                url += f"?publication={obj.pk}"
            config = copy.deepcopy(field.widget.config)
            config["extensions"]["Figure"] = {"pickerUrl": url}
            field.widget.config = config
        return form
