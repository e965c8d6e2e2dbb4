"""The editorial desk on the admin's home page: my unfinished work, what waits for review,
what is scheduled. Each list is short and links to the full, filtered list."""

from django import template
from django.utils import timezone

from publications import workflow
from publications.models import Publication

register = template.Library()

SHOWN = 8


@register.inclusion_tag("admin/publications/editorial_desk.html", takes_context=True)
def editorial_desk(context):
    user = context["request"].user
    if not user.has_perm("publications.view_publication"):
        return {"show": False}
    publications = Publication.objects.order_by()
    desk = {
        "show": True,
        "mine": list(publications.filter(workflow.unfinished_by(user)).order_by("-updated_at")[:SHOWN]),
    }
    if workflow.can_publish(user):
        desk["waiting"] = list(
            publications.filter(status=Publication.Status.IN_REVIEW)
            .select_related("submitted_by")
            .order_by("submitted_at", "pk")[:SHOWN]
        )
        desk["scheduled"] = list(
            publications.filter(
                status=Publication.Status.PUBLISHED, published_at__gt=timezone.now()
            ).order_by("published_at")[:SHOWN]
        )
        desk["editor"] = True
    return desk
