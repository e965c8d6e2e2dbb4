"""Start-up refuses unsafe production configuration with a clear message."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_check(**env):
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "ALLOWED_HOSTS"}}
    clean.update(env, DJANGO_SETTINGS_MODULE="redcell.settings")
    return subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=clean, capture_output=True, text=True
    )


def test_without_secret_key_and_debug_off_it_refuses_to_start():
    result = run_check(ALLOWED_HOSTS="example.org")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_without_allowed_hosts_and_debug_off_it_refuses_to_start():
    result = run_check(SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS is not set" in result.stderr


def test_with_secret_key_and_hosts_it_starts():
    result = run_check(SECRET_KEY="x" * 50, ALLOWED_HOSTS="example.org")
    assert result.returncode == 0, result.stderr


def edge_seconds(**env) -> int:
    clean = {key: value for key, value in os.environ.items() if not key.startswith(("EDGE_", "VARNISH_"))}
    clean.update(env, SECRET_KEY="x" * 50, ALLOWED_HOSTS="example.org")
    result = subprocess.run(
        [sys.executable, "-c", "from redcell import settings; print(settings.EDGE_CACHE_SECONDS)"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        check=True,
    )
    return int(result.stdout)


def test_shared_caches_keep_pages_long_only_when_an_edit_purges_them():
    """A CDN that nobody purges must not hold a page for a day."""
    assert edge_seconds() == 60
    assert edge_seconds(EDGE_PURGER="none") == 60
    varnish = {"EDGE_PURGER": "varnish", "VARNISH_PURGE_URLS": "http://varnish"}
    assert edge_seconds(**varnish) == 86400
    assert edge_seconds(**varnish, EDGE_CACHE_SECONDS="600") == 600
