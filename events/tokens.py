"""The signed cancel link in every registration e-mail (like subscriptions/tokens.py)."""

from django.core import signing

CANCEL_SALT = "events.cancel"


class LinkInvalid(Exception):
    pass


def cancel_token(registration) -> str:
    """Signs the registration's random token: the link names no id and cannot be guessed, and
    the signature lets a forged or mistyped link be refused before any query."""
    return signing.dumps({"r": registration.token}, salt=CANCEL_SALT)


def read_cancel_token(token: str) -> str:
    """The ``Registration.token`` a cancel link is for. No expiry: the event's own date ends it."""
    try:
        value = signing.loads(token, salt=CANCEL_SALT)
    except (signing.BadSignature, ValueError, UnicodeError) as error:
        raise LinkInvalid from error
    if not isinstance(value, dict) or not isinstance(value.get("r"), str):
        raise LinkInvalid
    return value["r"]
