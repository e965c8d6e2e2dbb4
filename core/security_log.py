"""The security log: one line per event, ``event=… ip=… path=… key=value``, easy to grep and
alert on. Written to the ``redcell.security`` logger, whose handler masks e-mail addresses, tokens
and passwords (core/redaction.py)."""

import logging

from .client_ip import client_ip

logger = logging.getLogger("redcell.security")


def log_event(event: str, request=None, level: int = logging.WARNING, **fields) -> None:
    parts = [f"event={event}"]
    if request is not None:
        parts += [f"ip={client_ip(request) or '-'}", f"method={request.method}", f"path={request.path}"]
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            parts.append(f"user_id={user.pk}")
    parts += [f"{key}={value}" for key, value in fields.items()]
    logger.log(level, " ".join(parts))
