"""Parts of pages kept between renders (publications/fragments.py).

``{% fragment "name" %}…{% endfragment %}``: a part of the page kept with the page's other
fragments, if the view handed the template a ``fragments`` object; rendered as usual otherwise
(previews, pages without one).

``{% cards publications as rendered %}``: the publications' cards (HTML each), each kept and
shared by every page that lists it.
"""

from django import template
from django.utils.safestring import mark_safe

from publications.fragments import cards as kept_cards

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist, self.name = nodelist, name

    def render(self, context):
        fragments = context.get("fragments")
        if fragments is None:
            return self.nodelist.render(context)
        name = self.name.resolve(context)
        html = fragments.get(name)
        if html is None:
            html = self.nodelist.render(context)
            fragments.put(name, str(html))
        return mark_safe(html)


@register.tag
def fragment(parser, token):
    try:
        _, name = token.split_contents()
    except ValueError:
        raise template.TemplateSyntaxError('Usage: {% fragment "name" %}…{% endfragment %}') from None
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, parser.compile_filter(name))


@register.simple_tag(takes_context=True)
def cards(context, publications, large_first=False):
    return kept_cards(context.get("request"), publications, large_first=large_first)
