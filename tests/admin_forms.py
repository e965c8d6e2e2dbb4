"""Staff accounts in each role and the admin's forms as a browser would post them back.

The roles' groups exist because ``migrate`` made them (staff/roles.py), exactly as on a real
site: ``staff_user`` only puts an account in one.
"""

from django import forms
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from tests.factories import AuthorFactory, PublicationFactory, ResearchAreaFactory


def staff_user(django_user_model, username: str, role: str | None):
    user = django_user_model.objects.create_user(
        username, f"{username}@example.org", "pw", is_staff=True, first_name=username.title()
    )
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


def ready(**kwargs):
    """A draft that passes every check before publishing."""
    if "authors" not in kwargs:
        kwargs["authors"] = [AuthorFactory()]
    if "areas" not in kwargs:
        kwargs["areas"] = [ResearchAreaFactory()]
    kwargs.setdefault("draft", True)
    return PublicationFactory(**kwargs)


def change_url(publication) -> str:
    return reverse("admin:publications_publication_change", args=[publication.pk])


def form_data(publication, **overrides) -> dict:
    """The change form of ``publication`` as the admin would post it back, unchanged."""
    authorships = list(publication.authorships.order_by("position", "id"))
    data = {
        "title": publication.title,
        "slug": publication.slug,
        "type": publication.type_id,
        "dek": publication.dek,
        "summary": publication.summary,
        "body": publication.body,
        "areas": [area.pk for area in publication.areas.all()],
        "regions": [region.pk for region in publication.regions.all()],
        "series": publication.series_id or "",
        "tags": [tag.pk for tag in publication.tags.all()],
        "related": [],
        "hero_alt": publication.hero_alt,
        "hero_caption": publication.hero_caption,
        "hero_credit": publication.hero_credit,
        "override_reason": "",
        "authorships-TOTAL_FORMS": str(len(authorships)),
        "authorships-INITIAL_FORMS": str(len(authorships)),
        "authorships-MIN_NUM_FORMS": "0",
        "authorships-MAX_NUM_FORMS": "1000",
    }
    if publication.published_at:
        local = timezone.localtime(publication.published_at)
        data["published_at_0"] = local.date().isoformat()
        data["published_at_1"] = local.strftime("%H:%M:%S")
    else:
        data["published_at_0"] = data["published_at_1"] = ""
    if publication.featured:
        data["featured"] = "on"
    for index, authorship in enumerate(authorships):
        data[f"authorships-{index}-id"] = authorship.pk
        data[f"authorships-{index}-publication"] = publication.pk
        data[f"authorships-{index}-author"] = authorship.author_id
        data[f"authorships-{index}-position"] = authorship.position
    data.update(overrides)
    return data


def _field_values(form) -> dict:
    data = {}
    for name, field in form.fields.items():
        key = form.add_prefix(name)
        value = form[name].value()
        widget = field.widget
        if isinstance(field, forms.FileField):
            continue
        if isinstance(widget, forms.MultiWidget):
            parts = widget.decompress(value) if not isinstance(value, list) else value
            for index, (sub, part) in enumerate(zip(widget.widgets, parts, strict=True)):
                data[f"{key}_{index}"] = sub.format_value(part) or ""
        elif isinstance(field, forms.BooleanField):
            if value:
                data[key] = "on"
        elif value is None:
            data[key] = ""
        else:
            data[key] = value
    return data


def post_back(response, **overrides) -> dict:
    """The admin change form in ``response``, as pressing Save would send it back unchanged."""
    data = _field_values(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(_field_values(formset.management_form))
        for form in formset.forms:
            data.update(_field_values(form))
    data.update(overrides)
    return data
