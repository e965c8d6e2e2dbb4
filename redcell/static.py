"""Static files in production: whitenoise's compressed, hashed-name storage, forgiving."""

import logging

from django.contrib.staticfiles.storage import StaticFilesStorage
from whitenoise.storage import CompressedManifestStaticFilesStorage

logger = logging.getLogger(__name__)


class ForgivingManifestStaticFilesStorage(CompressedManifestStaticFilesStorage):
    """A template naming a static file that ``collectstatic`` did not collect (a typo, a file
    added without redeploying) gets its plain, unhashed address and an error in the log, instead
    of failing the whole page with a 500 as the manifest storage does."""

    def url(self, name, force=False):
        try:
            return super().url(name, force)
        except ValueError:
            logger.error("Static file %r is not in the manifest; run collectstatic.", name)
            return StaticFilesStorage.url(self, name)
