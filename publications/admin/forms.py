from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from taggit.models import Tag
from taggit.utils import parse_tags

from ..models import Publication


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
