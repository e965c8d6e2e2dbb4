"""Settings for the test suite: the real settings, plus fast hashing and no manifest."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")

from redcell.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The page cache outlives a test's database transaction and its version changes only after a
# commit, which the test transaction never makes; tests of the cache itself turn it on
# (the page_cache fixture). The content version is read again on every request: the test
# database is emptied between some tests, behind the back of what a process remembers.
PAGE_CACHE_SECONDS = CONTENT_VERSION_RECHECK_SECONDS = 0
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks (the e-mails) run at once, inside the test, whatever the environment says.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Serve static files from the source folders; tests never run collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Tests speak plain HTTP (the test client, the browser tests' live server): no redirect to HTTPS
# and cookies a browser keeps on http://localhost. The rest of the security settings stay as in
# production; tests/security/test_deploy_check.py checks those with production's environment.
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        key: value
        for key, value in CONTENT_SECURITY_POLICY["DIRECTIVES"].items()  # noqa: F405
        if key != "upgrade-insecure-requests"
    }
}
