"""Keeps e-mail addresses, secret tokens and passwords out of the logs.

Its own module, free of Django models, because logging is configured before the apps load.
"""

import logging
import re
import traceback

# The local part as most addresses spell it; the character before it (=, a quote, a space)
# is left alone, so "username=ada@…" keeps its key.
EMAIL = re.compile(r"([A-Za-z0-9_+-])[A-Za-z0-9._+-]*(?:@|%40)([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")
# Secret links: subscription confirm / manage / unsubscribe tokens and preview share links.
TOKEN_IN_PATH = re.compile(r"(/(?:confirm|manage|unsubscribe|preview)/)[^/\s'\"?#]+")
SECRET_PARAMETER = re.compile(
    r"((?:password\d?|passwd|token|otp_token|secret|key|csrfmiddlewaretoken|sessionid|csrftoken)"
    r"['\"]?\s*[=:]\s*['\"]?)[^&\s'\",;}]+",
    re.IGNORECASE,
)


def redact(text: str) -> str:
    """``text`` with e-mail addresses shortened to their first letter and domain, and tokens,
    passwords, session ids and keys replaced by ``[redacted]``."""
    text = EMAIL.sub(r"\1***@\2", text)
    text = TOKEN_IN_PATH.sub(r"\1[redacted]", text)
    return SECRET_PARAMETER.sub(r"\1[redacted]", text)


class RedactingFilter(logging.Filter):
    """Applied to the log handler, so it covers every logger: ours, Django's, django-axes'."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed log call is not a reason to lose the line
            message = str(record.msg)
        record.msg, record.args = redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = "".join(traceback.format_exception(*record.exc_info)).rstrip()
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True
