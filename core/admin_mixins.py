"""ModelAdmin mixins any app's admin may use.

``HiddenIsMissing``: what the user may not see answers 404, as what does not exist.

``CheckedPrefill``: add forms prefilled from the address, with values that cannot be ids left
out. Django's admin fills an add form from the query string (``…/add/?series=3``), and the
autocomplete widgets look every prefilled value up as an id: ``?series=x`` raised a
``ValueError``, a 500. ``CheckedPrefill`` keeps a related field's prefill only when every value
in it is a valid id of the related model, so a bad link opens an empty form instead.

``NamesFirst``: search results (and so the autocomplete's suggestions) ordered by how well the
name matches: names starting with the term, then a word in the name starting with it, then the
name containing it, and only then what matched on another field (a description). Typing "Econ"
and Enter picks "Economics", not an area whose description mentions the economy.
"""

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import Case, IntegerField, Value, When
from django.http import Http404


class HiddenIsMissing:
    """An object the user may not see (one ``get_queryset`` leaves out) answers 404 on every
    page, exactly as one that does not exist, so ids reveal nothing."""

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            raise Http404("Nothing here, or nothing you can see.")
        return obj


def _is_id(model, value) -> bool:
    pk = model._meta.pk
    try:
        pk.run_validators(pk.to_python(value))
    except ValidationError:
        return False
    return True


class CheckedPrefill:
    """A ModelAdmin mixin for admins with autocomplete fields (see the module docstring)."""

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        for name, value in list(initial.items()):
            try:
                field = self.opts.get_field(name)
            except FieldDoesNotExist:
                continue
            if not field.is_relation or field.related_model is None:
                continue
            values = value if isinstance(value, list) else [value]
            if not all(_is_id(field.related_model, item) for item in values):
                del initial[name]
        return initial


class NamesFirst:
    """A ModelAdmin mixin: search results ranked by the match on ``name_field`` (see above)."""

    name_field = "name"

    def get_search_results(self, request, queryset, search_term):
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        term = search_term.strip()
        if not term:
            return queryset, may_have_duplicates
        name = self.name_field
        rank = Case(
            When(**{f"{name}__istartswith": term}, then=Value(0)),
            When(**{f"{name}__icontains": f" {term}"}, then=Value(1)),
            When(**{f"{name}__icontains": term}, then=Value(2)),
            default=Value(3),
            output_field=IntegerField(),
        )
        # The change list orders by its columns afterwards; the autocomplete keeps this order.
        return queryset.annotate(name_match=rank).order_by("name_match", name, "pk"), may_have_duplicates
