"""The consent wording shown beside the sign-up form, by version.

Never edit a published version: add a new one and make it current. Each sign-up records the
version the visitor saw, so what someone agreed to can always be shown word for word.
"""

from django.conf import settings

WORDING = {
    "2026-01": (
        "By subscribing you agree that {site} may e-mail you the newsletters you chose. "
        "We send nothing until you confirm your address, we never share it, and every "
        "e-mail has a link to change your choices or unsubscribe at once."
    ),
}
CURRENT_VERSION = "2026-01"


def wording(version: str = CURRENT_VERSION) -> str:
    return WORDING[version].format(site=settings.SITE_NAME)


def known_version(version: str | None) -> str:
    """The version a form says it showed, or the current one when it names none we know."""
    return version if version in WORDING else CURRENT_VERSION
