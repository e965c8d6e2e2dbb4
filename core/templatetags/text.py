"""{% load text %}{{ publication.summary|excerpt:40 }}: at most 40 words, cut between words
with one ellipsis (core/text.py), where Django's ``truncatewords`` would give "on.…"."""

from django import template

from core.text import excerpt as cut

register = template.Library()


@register.filter
def excerpt(text, words) -> str:
    return cut(str(text or ""), int(words))
