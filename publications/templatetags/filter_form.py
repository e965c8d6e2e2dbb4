"""The publication list's filter boxes, written out plainly.

``{{ field }}`` renders a select box through one template per option: for the list's experts
and years, some 250 templates on every list page, the largest part of its rendering time. This
writes the same ``<select>`` with Django's own attributes and selection rule, in Python."""

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

register = template.Library()


def _attributes(attrs: dict) -> str:
    """As Django's ``attrs.html`` writes them: in order, ``True`` bare, ``False`` left out."""
    return mark_safe(
        "".join(
            format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value)
            for name, value in attrs.items()
            if value is not False
        )
    )


@register.simple_tag
def plain_select(field):
    """``field`` (a bound field with a ``Select`` of plain options, no groups) as HTML."""
    widget = field.field.widget
    attrs = field.build_widget_attrs({}, widget)
    if field.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", field.auto_id)
    attrs = widget.build_attrs(widget.attrs, attrs)
    chosen = widget.format_value(field.value())
    options, found = [], False
    for value, label in widget.choices:
        selected = not found and str(value) in chosen
        found = found or selected
        options.append(
            f'<option value="{escape(value)}"{" selected" if selected else ""}>{escape(label)}</option>'
        )
    return format_html(
        '<select name="{}"{}>{}</select>', field.html_name, _attributes(attrs), mark_safe("".join(options))
    )
