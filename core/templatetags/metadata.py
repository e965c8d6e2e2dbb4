"""Page metadata for every page: canonical links, feed links, and reusing a block's output.

{% load metadata %}
{% capture page_title %}{% block title %}…{% endblock %}{% endcapture %}
<title>{{ page_title }}</title> … <meta property="og:title" content="{{ page_title }}">
"""

from django import template
from django.conf import settings
from django.urls import reverse

from core.links import absolute_url

register = template.Library()


class CaptureNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist, self.name = nodelist, name

    def render(self, context):
        context[self.name] = self.nodelist.render(context).strip()
        return ""


@register.tag
def capture(parser, token):
    """``{% capture name %}…{% endcapture %}`` renders its content into the variable ``name``
    instead of the page. Blocks inside it still take what child templates put in them, so a
    page's title block can fill <title>, og:title and twitter:title alike."""
    try:
        _, name = token.split_contents()
    except ValueError:
        raise template.TemplateSyntaxError("Usage: {% capture name %}…{% endcapture %}") from None
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, name)


@register.filter
def absolute(value) -> str:
    """A site path, media URL or uploaded file as an absolute URL on SITE_URL."""
    if not value:
        return ""
    return absolute_url(str(getattr(value, "url", value)))


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    """This page's address on SITE_URL: its path, and its page number past the first page.

    Filters and tracking parameters are left out, so variants of a page point at one address."""
    request = context.get("request")
    if request is None or getattr(request, "resolver_match", None) is None:
        return ""  # no request, or an address that matched nothing (a 404): nothing canonical
    url = absolute_url(request.path)
    page = request.GET.get("page", "")
    if page.isdigit() and int(page) > 1:
        url += f"?page={int(page)}"
    return url


# Pages with a feed of their own, by URL namespace: which feed, and the page's object in the context.
PAGE_FEEDS = {
    "authors": ("author", "author", "Publications by {}"),
    "research_areas": ("area", "area", "{}"),
    "regions": ("region", "region", "{}"),
    "series": ("series", "series", "{}"),
}


@register.simple_tag(takes_context=True)
def feed_links(context) -> list[dict]:
    """The feeds to advertise with <link rel="alternate">: the site's latest publications
    everywhere, plus an expert's, area's, region's or series' own feed on its page."""
    links = [{"title": f"{settings.SITE_NAME}: latest publications", "feed": "latest", "kwargs": {}}]
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    if match and match.url_name == "detail" and match.namespace in PAGE_FEEDS:
        feed, variable, title = PAGE_FEEDS[match.namespace]
        page_object = context.get(variable)
        if page_object is not None and getattr(page_object, "slug", None):
            links.append(
                {
                    "title": f"{settings.SITE_NAME}: {title.format(page_object)}",
                    "feed": feed,
                    "kwargs": {"slug": page_object.slug},
                }
            )
    return [
        {
            "title": link["title"],
            "rss": reverse(f"feeds:{link['feed']}", kwargs=link["kwargs"]),
            "atom": reverse(f"feeds:{link['feed']}_atom", kwargs=link["kwargs"]),
        }
        for link in links
    ]
