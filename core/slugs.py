import re

from anyascii import anyascii
from django.db import models
from django.utils.text import slugify

_IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def readable_slug(text: str, fallback: str = "item") -> str:
    """An ASCII slug for any script: "Zoë Ørsted" -> "zoe-orsted", "Ольга" -> "olga".

    Transliterating first keeps URLs readable and shareable where a plain
    ``slugify`` would drop every non-Latin letter and leave nothing.
    """
    # Each Chinese character is a syllable; keep them apart ("zhong-guo", not "zhongguo").
    spaced = _IDEOGRAPH.sub(lambda match: f" {anyascii(match.group())} ", text or "")
    return slugify(anyascii(spaced))[:200].strip("-") or fallback


def unique_slug(instance: models.Model, text: str, field: str = "slug") -> str:
    """``readable_slug(text)``, numbered ("-2", "-3"…) where another row already uses it."""
    model = type(instance)
    max_length = model._meta.get_field(field).max_length
    base = readable_slug(text, fallback=model._meta.model_name)[: max_length - 6].strip("-")
    others = model._default_manager.exclude(pk=instance.pk)
    candidate, number = base, 1
    while others.filter(**{field: candidate}).exists():
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def also_save(save_kwargs: dict, *fields: str) -> dict:
    """Add fields that ``save()`` fills in itself to a partial save's ``update_fields``,
    so ``save(update_fields=[...])`` (as ``update_or_create`` does) never leaves them stale."""
    if save_kwargs.get("update_fields") is not None:
        save_kwargs["update_fields"] = {*save_kwargs["update_fields"], *fields}
    return save_kwargs
