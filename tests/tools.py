"""What some tests need from outside Python, and what to do when it is missing: the browser and
HTML-validation tests skip with the reason on a developer's machine and fail in CI
(``CI=true``), where ``.ci/run`` installs everything and a silent skip would hide a broken
check; Postgres-only tests skip on SQLite (CI runs both)."""

import os
import shutil
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
INSTALL_HINT = "install with: apt-get install chromium default-jre-headless && npm ci"
VARNISH_HINT = "install with: apt-get install varnish varnish-modules"
VARNISHD = Path(os.environ.get("VARNISHD_PATH", "/usr/sbin/varnishd"))
POPPLER_HINT = "install with: apt-get install poppler-utils"


def require(*problems: str | None, hint: str = INSTALL_HINT) -> None:
    problems = [problem for problem in problems if problem]
    if not problems:
        return
    reason = "; ".join(problems) + f" ({hint})"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI must run this test, but {reason}", pytrace=False)
    pytest.skip(reason)


def chromium_missing() -> str | None:
    return None if CHROMIUM.exists() else f"Chromium is not installed at {CHROMIUM}"


def varnish_missing() -> str | None:
    """Varnish and its xkey module (Debian's varnish-modules), for tests/pagecache/test_varnish.py."""
    if not (VARNISHD.exists() or shutil.which("varnishd")):
        return f"varnishd is not installed at {VARNISHD}"
    vmods = [*Path("/usr/lib").glob("*/varnish/vmods"), Path("/usr/lib/varnish/vmods")]
    if not any((folder / "libvmod_xkey.so").exists() for folder in vmods):
        return "the xkey vmod (varnish-modules) is not installed"
    return None


def pdftotext_missing() -> str | None:
    """pdftotext (Debian's poppler-utils), which reads the text of generated PDFs back."""
    return None if shutil.which("pdftotext") else "pdftotext is not installed"


def axe_missing() -> str | None:
    return None if AXE.exists() else "axe-core is not in node_modules"


def java_missing() -> str | None:
    return None if shutil.which("java") else "Java is not installed"


def vnu_missing() -> str | None:
    return None if VNU.exists() else "the Nu HTML checker (vnu-jar) is not in node_modules"


# The public address tests give SITE_URL (the ``site_url`` fixture).
SITE = "https://think.example.org"

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Stemming, phrases and the stored search vector are Postgres full-text search; "
    "this run uses SQLite (CI runs the suite on both).",
)
