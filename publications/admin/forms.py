from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from taggit.models import Tag

from ..models import Publication


class TagsWidget(AutocompleteSelectMultiple):
    """The admin's tag autocomplete, with tags that do not exist yet typed in: Select2 makes an
    entry of what was typed (its ``tags`` option, set from ``data-tags``), sent as the name."""

    def __init__(self):
        super().__init__(Publication._meta.get_field("tags"), admin.site)

    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs)
        attrs.update({"data-tags": "true", "data-token-separators": '[","]'})
        return attrs

    def optgroups(self, name, value, attr=None):
        # Ids are looked up as the autocomplete does; a new name is shown as it was typed.
        ids = [item for item in value if str(item).isdigit()]
        groups = super().optgroups(name, ids, attr)
        options = groups[0][1]
        for item in value:
            if item and not str(item).isdigit():
                options.append(self.create_option(name, item, item, True, len(options)))
        return groups


class TagsField(forms.ModelMultipleChoiceField):
    """Existing tags by id, new ones by name; cleaned to the names, which taggit sets. A value
    counts as an id only when a tag has it: a new tag called "2026" is a name."""

    widget = TagsWidget

    def __init__(self, **kwargs):
        super().__init__(Tag.objects.all(), **kwargs)

    def clean(self, value):
        values = [str(item).strip() for item in (value or []) if str(item).strip()]
        if self.required and not values:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        ids = [int(item) for item in values if item.isdigit()]
        names_by_id = dict(Tag.objects.filter(pk__in=ids).values_list("pk", "name"))
        names = (names_by_id.get(int(item), item) if item.isdigit() else item for item in values)
        return list(dict.fromkeys(names))


class PublicationAdminForm(forms.ModelForm):
    """Tags in one field: existing ones found as you type, new ones made from what you type."""

    tags = TagsField(
        required=False,
        help_text="Start typing to find a tag; press Enter or type a comma to add a new one.",
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

    def _save_m2m(self):
        self.cleaned_data["tags"] = self.cleaned_data.get("tags") or []
        super()._save_m2m()
