"""E-mail settings from one address, ``EMAIL_URL``."""

from urllib.parse import unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured


def email_settings(url: str) -> dict:
    """The ``EMAIL_*`` settings ``url`` stands for: ``smtp://user:password@host:port``
    (``smtp+tls://`` for STARTTLS, ``smtp+ssl://`` for implicit TLS), or ``console://`` to print
    mail."""
    parts = urlsplit(url)
    if parts.scheme == "console":
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if parts.scheme not in {"smtp", "smtp+tls", "smtp+ssl", "smtps"}:
        raise ImproperlyConfigured(
            f"EMAIL_URL has the scheme {parts.scheme!r}; use smtp, smtp+tls, smtp+ssl or console."
        )
    use_tls = parts.scheme == "smtp+tls"
    use_ssl = parts.scheme in {"smtp+ssl", "smtps"}
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_USE_TLS": use_tls,
        "EMAIL_USE_SSL": use_ssl,
        "EMAIL_HOST": parts.hostname or "localhost",
        "EMAIL_PORT": parts.port or (465 if use_ssl else 587 if use_tls else 25),
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
    }
