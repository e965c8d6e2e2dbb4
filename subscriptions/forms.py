import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme

from . import consent
from .models import Newsletter

NAME_MAX_LENGTH = 100
SOURCE_MAX_LENGTH = 300
SLUG_SHAPE = re.compile(r"[-a-zA-Z0-9_]{1,140}")


def reject_control_characters(value: str) -> None:
    if any(unicodedata.category(ch) in {"Cc", "Cf", "Zl", "Zp"} for ch in value):
        raise ValidationError("Use letters, spaces and punctuation only.", code="control")


def normalise_email(value: str) -> str:
    """The address as we store it: the domain in lower case and in its ASCII (IDNA) form, so
    ``A@Bücher.de`` and ``a@xn--bcher-kva.de`` are one subscriber."""
    if any(ch.isspace() or unicodedata.category(ch) == "Cc" for ch in value):
        raise ValidationError("Enter a valid e-mail address, like name@example.org.", code="invalid")
    local, _, domain = value.rpartition("@")
    if local.startswith('"') or domain.startswith("["):
        # Valid in RFC 5322, but no newsletter reader needs a quoted name or an IP literal.
        raise ValidationError("Enter a valid e-mail address, like name@example.org.", code="invalid")
    try:
        domain = domain.encode("idna").decode("ascii").lower()
    except UnicodeError as error:
        raise ValidationError(
            "Enter a valid e-mail address, like name@example.org.", code="invalid"
        ) from error
    return f"{local}@{domain}"


def safe_source(value: str) -> str:
    """The page a form was sent from, if it is a path on this site; otherwise nothing."""
    value = (value or "").strip()
    if (
        value.startswith("/")
        and len(value) <= SOURCE_MAX_LENGTH
        and value.isprintable()
        and url_has_allowed_host_and_scheme(value, allowed_hosts=None)
    ):
        return value
    return ""


class NewsletterChoiceField(forms.ModelMultipleChoiceField):
    """Newsletters by slug. Values that cannot be slugs are refused before any query, so odd
    bytes from the public (a NUL, say) never reach the database."""

    def clean(self, value):
        values = value if isinstance(value, list | tuple) else [value] if value else []
        for item in values:
            if not isinstance(item, str) or not SLUG_SHAPE.fullmatch(item):
                raise ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": "?"}
                )
        return super().clean(value)


def active_newsletters() -> list[Newsletter]:
    return list(Newsletter.objects.active())


class NewsletterChoicesMixin:
    """Lists active newsletters once per form, so a page that shows the form runs one query."""

    @cached_property
    def newsletter_list(self) -> list[Newsletter]:
        return active_newsletters()

    @property
    def shows_newsletter_choices(self) -> bool:
        return len(self.newsletter_list) > 1

    def chosen_slugs(self) -> set[str]:
        if self.is_bound:
            return set(self.data.getlist(self.add_prefix("newsletters")))
        return {str(slug) for slug in self.initial.get("newsletters", [])}


class SubscribeForm(NewsletterChoicesMixin, forms.Form):
    email = forms.EmailField(
        label="E-mail address",
        max_length=254,
        error_messages={
            "required": "Enter your e-mail address.",
            "invalid": "Enter a valid e-mail address, like name@example.org.",
        },
    )
    first_name = forms.CharField(
        max_length=NAME_MAX_LENGTH, required=False, validators=[reject_control_characters]
    )
    last_name = forms.CharField(
        max_length=NAME_MAX_LENGTH, required=False, validators=[reject_control_characters]
    )
    newsletters = NewsletterChoiceField(
        queryset=Newsletter.objects.none(), to_field_name="slug", required=False
    )
    # The honeypot: hidden from people, filled in by naive bots.
    website = forms.CharField(required=False)
    consent_version = forms.CharField(required=False)
    source = forms.CharField(required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "subscribe-%s")
        super().__init__(*args, **kwargs)
        self.fields["newsletters"].queryset = Newsletter.objects.active()

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get(self.add_prefix("website")))

    @property
    def consent_text(self) -> str:
        return consent.wording()

    @property
    def consent_version_value(self) -> str:
        return consent.CURRENT_VERSION

    def clean_email(self) -> str:
        return normalise_email(self.cleaned_data["email"])

    def clean_consent_version(self) -> str:
        return consent.known_version(self.cleaned_data.get("consent_version"))

    def clean_source(self) -> str:
        return safe_source(self.cleaned_data.get("source", ""))

    def clean_newsletters(self) -> list[Newsletter]:
        chosen = list(self.cleaned_data.get("newsletters") or [])
        if chosen:
            return chosen
        active = self.newsletter_list
        if len(active) == 1:
            return active
        if not active:
            raise ValidationError("Sign-ups are closed at the moment. Please try again later.", code="closed")
        raise ValidationError("Choose at least one newsletter.", code="required")


class PreferencesForm(NewsletterChoicesMixin, forms.Form):
    first_name = forms.CharField(
        max_length=NAME_MAX_LENGTH, required=False, validators=[reject_control_characters]
    )
    last_name = forms.CharField(
        max_length=NAME_MAX_LENGTH, required=False, validators=[reject_control_characters]
    )
    newsletters = NewsletterChoiceField(
        queryset=Newsletter.objects.none(), to_field_name="slug", required=False
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "manage-%s")
        super().__init__(*args, **kwargs)
        self.fields["newsletters"].queryset = Newsletter.objects.active()

    def clean_newsletters(self) -> list[Newsletter]:
        chosen = list(self.cleaned_data.get("newsletters") or [])
        if not self.shows_newsletter_choices:
            # With one newsletter there is no box to untick: leaving is the separate button.
            return self.newsletter_list
        return chosen
