"""``{% site_menu "header" as links %}``: the links of a menu, each marked ``current`` when it
leads to the page being shown or to the section it is in."""

from django import template

from ..menus import menus_for

register = template.Library()


def _is_current(url: str, path: str) -> bool:
    if url == path:
        return True
    return url.startswith("/") and url != "/" and url.endswith("/") and path.startswith(url)


@register.simple_tag(takes_context=True)
def site_menu(context, menu: str) -> list[dict]:
    request = context.get("request")
    if request is None:
        return []
    return [link | {"current": _is_current(link["url"], request.path)} for link in menus_for(request)[menu]]
