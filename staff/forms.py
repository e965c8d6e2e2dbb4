from django import forms
from django.conf import settings

from .models import StaffProfile, time_zone_choices


class PreferencesForm(forms.ModelForm):
    time_zone = forms.ChoiceField(
        required=False,
        label="Time zone",
        help_text="Dates and times in the admin are shown, and read, in this zone.",
    )

    class Meta:
        model = StaffProfile
        fields = ["time_zone"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].choices = [("", f"The site's ({settings.TIME_ZONE})"), *time_zone_choices()]
