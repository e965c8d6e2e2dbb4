"""ModelAdmin mixins any app's admin may use.

``HiddenIsMissing``: what the user may not see answers 404, as what does not exist.

``CheckedPrefill``: add forms prefilled from the address, with values that cannot be ids left
out. Django's admin fills an add form from the query string (``…/add/?series=3``), and the
autocomplete widgets look every prefilled value up as an id: ``?series=x`` raised a
``ValueError``, a 500. ``CheckedPrefill`` keeps a related field's prefill only when every value
in it is a valid id of the related model, so a bad link opens an empty form instead.
"""

from django.core.exceptions import FieldDoesNotExist, ValidationError
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
