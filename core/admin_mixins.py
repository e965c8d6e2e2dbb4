"""Add forms prefilled from the address, with values that cannot be ids left out.

Django's admin fills an add form from the query string (``…/add/?series=3``), and the
autocomplete widgets look every prefilled value up as an id: ``?series=x`` raised a
``ValueError``, a 500. ``CheckedPrefill`` keeps a related field's prefill only when every value
in it is a valid id of the related model, so a bad link opens an empty form instead.
"""

from django.core.exceptions import FieldDoesNotExist, ValidationError


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
