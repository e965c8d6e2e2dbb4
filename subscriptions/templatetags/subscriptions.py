from django import template

from core import content_version, surrogates

from ..forms import SubscribeForm, active_newsletters
from ..models import Newsletter

register = template.Library()


@register.simple_tag(takes_context=True)
def subscribe_form(context):
    """The sign-up form: the one a view handed over (with its errors) or a blank one. Its
    newsletters are only looked up when it is rendered, so pages without it pay nothing."""
    # The newsletters it lists: a new one appears on every page.
    surrogates.shows_all(Newsletter)
    form = context.get("subscribe_form")
    if form is None:
        request = context.get("request")
        form = SubscribeForm(initial={"source": request.path if request else ""})
        # Every page shows it, and only an edit changes the newsletters: kept under the version.
        form.newsletter_list = content_version.kept(request, "newsletters", active_newsletters)
    return form
