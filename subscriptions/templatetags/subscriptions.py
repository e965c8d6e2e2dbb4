from django import template

from ..forms import SubscribeForm

register = template.Library()


@register.simple_tag(takes_context=True)
def subscribe_form(context):
    """The sign-up form: the one a view handed over (with its errors) or a blank one. Its
    newsletters are only looked up when it is rendered, so pages without it pay nothing."""
    form = context.get("subscribe_form")
    if form is None:
        request = context.get("request")
        form = SubscribeForm(initial={"source": request.path if request else ""})
    return form
