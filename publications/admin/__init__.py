"""The publications' admin: the publication form and list with the workflow's buttons
(publication.py), the pages beside them (pages.py), and publication types (types.py)."""

from django.contrib import admin

from .. import revisions
from ..models import Publication, PublicationType
from .publication import PublicationAdmin
from .types import PublicationTypeAdmin

# Before VersionAdmin is instantiated, which would otherwise register the model itself,
# following the inline only (and so forgetting the tags).
revisions.register()
admin.site.register(PublicationType, PublicationTypeAdmin)
admin.site.register(Publication, PublicationAdmin)
