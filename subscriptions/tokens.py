"""Signed links. Confirmation links expire; manage links last long enough for old e-mails.

Unsubscribe links carry the subscriber's random token instead (``Subscriber.token``): they
must work for as long as any e-mail carrying them may be read, and say nothing about who it is.
"""

from datetime import timedelta

from django.core import signing

CONFIRM_SALT = "subscriptions.confirm"
CONFIRM_MAX_AGE = timedelta(days=7)
MANAGE_SALT = "subscriptions.manage"
MANAGE_MAX_AGE = timedelta(days=400)


class LinkExpired(Exception):
    pass


class LinkInvalid(Exception):
    pass


def _load(token: str, *, salt: str, max_age: timedelta, key: str):
    try:
        value = signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except (signing.BadSignature, ValueError, UnicodeError) as error:
        raise LinkInvalid from error
    if not isinstance(value, dict) or key not in value:
        raise LinkInvalid
    return value[key]


def confirm_token(event_id: int) -> str:
    return signing.dumps({"e": event_id}, salt=CONFIRM_SALT)


def read_confirm_token(token: str) -> int:
    """The id of the sign-up a confirmation link is for."""
    event_id = _load(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE, key="e")
    if not isinstance(event_id, int):
        raise LinkInvalid
    return event_id


def manage_token(subscriber_token: str) -> str:
    return signing.dumps({"s": subscriber_token}, salt=MANAGE_SALT)


def read_manage_token(token: str) -> str:
    """The ``Subscriber.token`` a manage link is for."""
    value = _load(token, salt=MANAGE_SALT, max_age=MANAGE_MAX_AGE, key="s")
    if not isinstance(value, str):
        raise LinkInvalid
    return value
