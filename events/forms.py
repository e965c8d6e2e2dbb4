from django import forms

from subscriptions.forms import NAME_MAX_LENGTH, normalise_email, reject_control_characters
from subscriptions.models import Newsletter


class RegistrationForm(forms.Form):
    name = forms.CharField(
        max_length=NAME_MAX_LENGTH,
        validators=[reject_control_characters],
        error_messages={"required": "Enter your name."},
    )
    email = forms.EmailField(
        label="E-mail address",
        max_length=254,
        error_messages={
            "required": "Enter your e-mail address.",
            "invalid": "Enter a valid e-mail address, like name@example.org.",
        },
    )
    organisation = forms.CharField(
        max_length=160,
        required=False,
        validators=[reject_control_characters],
        label="Organisation (optional)",
    )
    newsletters = forms.ModelMultipleChoiceField(
        queryset=Newsletter.objects.none(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Also subscribe me to (we will e-mail you to confirm)",
    )
    # The honeypot: hidden from people, filled in by naive bots.
    website = forms.CharField(required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "register-%s")
        super().__init__(*args, **kwargs)
        self.fields["newsletters"].queryset = Newsletter.objects.active()

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get(self.add_prefix("website")))

    def clean_email(self) -> str:
        return normalise_email(self.cleaned_data["email"])

    def clean_name(self) -> str:
        return self.cleaned_data["name"].strip()
