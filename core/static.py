"""Static files in production: whitenoise's compressed, hashed-name storage, forgiving."""

import logging

from django.contrib.staticfiles.storage import StaticFilesStorage, staticfiles_storage
from whitenoise.middleware import WhiteNoiseMiddleware
from whitenoise.storage import CompressedManifestStaticFilesStorage

logger = logging.getLogger(__name__)


class ForgivingManifestStaticFilesStorage(CompressedManifestStaticFilesStorage):
    """A template naming a static file that ``collectstatic`` did not collect (a typo, a file
    added without redeploying) gets its plain, unhashed address and an error in the log, instead
    of failing the whole page with a 500 as the manifest storage does."""

    def url(self, name, force=False):
        try:
            return self.strict_url(name, force)
        except ValueError:
            logger.error("Static file %r is not in the manifest; run collectstatic.", name)
            return StaticFilesStorage.url(self, name)

    def strict_url(self, name, force=False):
        """The manifest storage's own answer: a ValueError for a name it does not know."""
        return super().url(name, force)


class StaticFilesMiddleware(WhiteNoiseMiddleware):
    """whitenoise, which at start-up asks the storage about names that need not exist (to
    tell hashed files, cached for ever, from the rest). Those questions are answered
    strictly, so they are not logged as missing files."""

    def get_static_url(self, name):
        strict_url = getattr(staticfiles_storage, "strict_url", None)
        if strict_url is None:
            return super().get_static_url(name)
        try:
            return strict_url(name)
        except ValueError:
            return None
