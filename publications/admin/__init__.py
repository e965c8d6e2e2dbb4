"""The publications' admin: the publication form and list with the workflow's buttons
(publication.py), the pages beside them (pages.py), publication types (types.py) and the media
library with the body editor's image picker (library.py)."""

from django.contrib import admin

from .. import revisions
from ..models import BodyImage, Publication, PublicationType
from .library import BodyImageAdmin
from .publication import PublicationAdmin
from .types import PublicationTypeAdmin

# Before VersionAdmin is instantiated, which would otherwise register the model itself,
# following the inline only (and so forgetting the tags).
revisions.register()
admin.site.register(PublicationType, PublicationTypeAdmin)
admin.site.register(Publication, PublicationAdmin)
admin.site.register(BodyImage, BodyImageAdmin)
