"""Red Cell settings. Everything that differs between machines comes from the environment."""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from core import editor
from core.caches import cache_settings
from core.mail import email_settings

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")
# With DEBUG on, readers still get the site's designed 404 and 500 pages; DEBUG_ERROR_PAGES=1
# asks for Django's debug pages instead (every URL pattern on a 404, the traceback on a 500).
DEBUG_ERROR_PAGES = env_bool("DEBUG_ERROR_PAGES")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable "
            "(or DEBUG=1 for local development)."
        )
    SECRET_KEY = "insecure-development-key-only-used-when-DEBUG-is-on"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS is not set. Set it to the host names this site answers to, separated by commas."
    )
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SITE_NAME = os.environ.get("SITE_NAME", "Red Cell Institute")

INSTALLED_APPS = [
    # The admin with two-factor login and security logging (staff/security.py).
    "staff.apps.AdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "taggit",
    "django_filters",
    "django_prose_editor",
    "reversion",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "research_areas",
    "regions",
    "series",
    "authors",
    "publications",
    "subscriptions",
    "events",
    "core",
    "website",
    "pagecache",
    "staff.apps.StaffConfig",
    "demo",
    "importers",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Above whitenoise, so static files get the policy and headers too.
    "csp.middleware.CSPMiddleware",
    "website.middleware.SecurityHeadersMiddleware",
    # Hostile requests (a NUL in the address, an oversized body, TRACE) get a 4xx here, below the
    # headers above and before anything reads the body or queries the database.
    "core.requests.RequestGuardMiddleware",
    "core.static.StaticFilesMiddleware",
    "importers.middleware.WordPressRedirectMiddleware",
    # Above sessions, users, CSRF and messages: a page from the cache costs none of them.
    "pagecache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "website.middleware.DesignedErrorPagesMiddleware",
    "website.middleware.DatabaseUnavailableMiddleware",
    # Last, as django-axes asks: it turns a lockout into the "too many attempts" page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "redcell.urls"
WSGI_APPLICATION = "redcell.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "website.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Postgres' JIT compiler pays off for long analytical queries; for a page's short ones it
    # only adds compile time (tens of milliseconds on the related-content query).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
    # Pages read small results: a server-side cursor only adds round trips (and does not work
    # behind PgBouncer in transaction mode).
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


# Redis when REDIS_URL is set (shared by every process, falling back to each process's memory
# while it is away), else each process's own memory (core/caches.py).
CACHES = cache_settings(os.environ.get("REDIS_URL"))
# Seconds a rendered public page is kept (pagecache/middleware.py). Any change to the content
# replaces every page at once, so this only bounds writes that skip the model signals; 0 turns
# the page cache off (the caching headers stay).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# How often each process reads the content version again (core/content_version.py).
CONTENT_VERSION_RECHECK_SECONDS = float(os.environ.get("CONTENT_VERSION_RECHECK_SECONDS", "1"))
# Anonymous public responses are the same for every reader and go out "public". Browsers may
# reuse one for PUBLIC_CACHE_MAX_AGE seconds (they cannot be purged: keep it short), shared
# caches (Varnish, a CDN) for EDGE_CACHE_SECONDS: long when an edit purges them (EDGE_PURGER),
# short otherwise; they may serve a stale copy while they fetch a new one, and while the site
# answers errors. No lifetime runs past the next scheduled publication.
PUBLIC_CACHE_MAX_AGE = int(os.environ.get("PUBLIC_CACHE_MAX_AGE", "60"))
_EDGE_PURGES = os.environ.get("EDGE_PURGER", "none").strip().lower() not in {"", "none"}
EDGE_CACHE_SECONDS = int(os.environ.get("EDGE_CACHE_SECONDS", "86400" if _EDGE_PURGES else "60"))
EDGE_STALE_WHILE_REVALIDATE = int(os.environ.get("EDGE_STALE_WHILE_REVALIDATE", "60"))
EDGE_STALE_IF_ERROR = int(os.environ.get("EDGE_STALE_IF_ERROR", "86400"))

# Edge purges (pagecache/purgers.py, checked at start-up): none, varnish, cloudflare or several,
# comma-separated; each Varnish's base URL; Cloudflare's zone and a token allowed "Cache Purge".
EDGE_PURGER = os.environ.get("EDGE_PURGER", "none")
VARNISH_PURGE_URLS = env_list("VARNISH_PURGE_URLS")
CLOUDFLARE_ZONE_ID = os.environ.get("CLOUDFLARE_ZONE_ID", "")
CLOUDFLARE_API_TOKEN = os.environ.get("CLOUDFLARE_API_TOKEN", "")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = os.environ.get("TIME_ZONE", "America/New_York")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"

# The body editor's own nodes (a video), with their scripts and allow-lists.
DJANGO_PROSE_EDITOR_EXTENSIONS = editor.EXTENSIONS
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Uploads go to S3-compatible object storage when a bucket is named (credentials come from
# AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, read by boto3 itself), to MEDIA_ROOT otherwise.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
# Uploads served by Django itself: right for the demo and a small site; larger sites
# put object storage or the web server in front and turn this off.
SERVE_MEDIA = env_bool("SERVE_MEDIA", default=not AWS_STORAGE_BUCKET_NAME)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "core.static.ForgivingManifestStaticFilesStorage"
        )
    },
}
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            # For S3-compatible services (MinIO, R2, Spaces…): their address and region.
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            # A CDN or public domain in front of the bucket, e.g. media.example.org.
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            # Off: public, cacheable addresses. On for a private bucket: signed, expiring URLs.
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH"),
            # Never overwrite: old revisions of a publication still point at earlier uploads.
            "file_overwrite": False,
        },
    }
WHITENOISE_MAX_AGE = 60 if DEBUG else 3600
# A file missing from the static manifest is served by its plain name instead of failing the page.
WHITENOISE_MANIFEST_STRICT = False

# Upload limits, checked on the file itself (type by content, not by name). The web server or
# proxy in front should allow a little more than the largest of them.
MAX_IMAGE_UPLOAD_MB = int(os.environ.get("MAX_IMAGE_UPLOAD_MB", "10"))
MAX_PDF_UPLOAD_MB = int(os.environ.get("MAX_PDF_UPLOAD_MB", "40"))
MAX_IMAGE_MEGAPIXELS = int(os.environ.get("MAX_IMAGE_MEGAPIXELS", "40"))
MAX_DATA_UPLOAD_MB = int(os.environ.get("MAX_DATA_UPLOAD_MB", "20"))

# Request bodies. Form fields, files aside, may come to DATA_UPLOAD_MAX_MEMORY_SIZE bytes (Django's
# default, 2.5 MB, roomy for the longest body text in the admin); larger is a 400. Public addresses
# take nothing bigger than the sign-up form (a few hundred bytes): a body over PUBLIC_POST_MAX_BYTES
# there is answered 413 unread (core/requests.py). The admin's uploads keep the limits above.
DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("DATA_UPLOAD_MAX_MEMORY_SIZE", str(2_621_440)))
PUBLIC_POST_MAX_BYTES = int(os.environ.get("PUBLIC_POST_MAX_BYTES", str(64 * 1024)))

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Red Cell <newsletters@localhost>")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
# A slow mail server must not hold a worker (or, with immediate tasks, a request) for long.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "20"))
# EMAIL_URL sets the above in one go: smtp://user:password@host:port (core/mail.py).
if email_url := os.environ.get("EMAIL_URL"):
    globals().update(email_settings(email_url))

# E-mail goes out through django-tasks. In production the tasks queue in the database
# (django-tasks-db) and `manage.py db_worker` runs them; in DEBUG they run at once
# inside the request.
TASKS_BACKEND = os.environ.get("TASKS_BACKEND") or (
    "django_tasks.backends.immediate.ImmediateBackend" if DEBUG else "django_tasks_db.DatabaseBackend"
)
TASKS = {"default": {"BACKEND": TASKS_BACKEND}}

# Sign-ups allowed per hour from one visitor address and for one e-mail address.
SUBSCRIBE_RATE_LIMIT_PER_IP = (int(os.environ.get("SUBSCRIBE_LIMIT_PER_IP", "10")), 3600)
SUBSCRIBE_RATE_LIMIT_PER_ADDRESS = (int(os.environ.get("SUBSCRIBE_LIMIT_PER_ADDRESS", "3")), 3600)
# How many proxies of ours stand in front of Django, each appending to X-Forwarded-For.
# 0 (the default) ignores that header, which anyone can forge, and uses REMOTE_ADDR.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_HTTPS_PROXY") else None

# HTTPS only, by default whenever DEBUG is off: plain HTTP is redirected, cookies are sent only
# over HTTPS, and browsers are told (HSTS) to use nothing else for a year. HTTPS=0 is for
# trying the stack on http://localhost, never for a public site.
HTTPS = env_bool("HTTPS", default=not DEBUG)
SECURE_SSL_REDIRECT = HTTPS
# Load balancers and container health checks probe /healthz over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000" if HTTPS else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"
# Staff sessions end after a working day, and when the browser closes.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(12 * 3600)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Features no page of ours uses, switched off for the page and anything it embeds.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), browsing-topics=()"
)

# Content-Security-Policy (django-csp): scripts and styles only from our own files, no inline
# script or style, no plugins, no framing. Uploads on object storage add its address for images.
_media_origins = []
if AWS_STORAGE_BUCKET_NAME:
    _custom_domain = os.environ.get("AWS_S3_CUSTOM_DOMAIN")
    _endpoint = urlsplit(os.environ.get("AWS_S3_ENDPOINT_URL") or "")
    _media_origins = [
        f"https://{_custom_domain}"
        if _custom_domain
        else f"{_endpoint.scheme}://{_endpoint.netloc}"
        if _endpoint.netloc
        else "https://*.amazonaws.com"
    ]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *_media_origins],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        # Videos in a body: only the privacy-friendly players (publications/figures.py).
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        **({"upgrade-insecure-requests": True} if HTTPS else {}),
    }
}

# Staff login (django-axes). LOGIN_FAILURE_LIMIT failures of one account name from one client
# address lock that pair out for LOGIN_LOCKOUT_MINUTES: a stranger elsewhere cannot lock a
# colleague out. LOGIN_FAILURE_LIMIT_PER_IP failures from one address, whatever the names,
# lock the address (staff.security.LoginThrottleBackend). A successful login clears its count.
AUTHENTICATION_BACKENDS = [
    "staff.security.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
LOGIN_FAILURE_LIMIT_PER_IP = int(os.environ.get("LOGIN_FAILURE_LIMIT_PER_IP", "20"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "core.client_ip.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "locked_out.html"
# Successful logins are recorded by the admin's own log; keep axes' table to failures.
AXES_DISABLE_ACCESS_LOG = True
# Two-factor login (django-otp, TOTP authenticator apps). Staff who have set up an authenticator
# always need its code; with ADMIN_REQUIRE_2FA=1 nobody gets into the admin without one.
ADMIN_REQUIRE_2FA = env_bool("ADMIN_REQUIRE_2FA")
OTP_TOTP_ISSUER = SITE_NAME

# Everything goes to standard output for the platform to collect. Security events (failed and
# locked logins, CSRF failures, refused actions, rate limits, disallowed hosts) are logged by
# "redcell.security", "axes" and "django.security"; the filter masks e-mail addresses, tokens
# and passwords in every line, whichever logger wrote it.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "core.redaction.RedactingFilter"}},
    "formatters": {"plain": {"format": "%(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["redact"], "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # The development server's request lines carry paths, and so tokens: through the filter.
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "axes": {"level": "WARNING"},
    },
}

TAGGIT_CASE_INSENSITIVE = True
