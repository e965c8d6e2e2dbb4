"""``manage.py check --deploy`` passes with the environment a production site sets."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "SECRET_KEY": "k3J#x9!vQ2@pL7&mZ4^rT8*wN1%bY6$hC5(dF0)gS3_aE-uI=oR+jK~tW|qV<xB>nM",
    "ALLOWED_HOSTS": "think.example.org",
    "SITE_URL": "https://think.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://think.example.org",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "BEHIND_HTTPS_PROXY": "1",
    "EMAIL_URL": "smtp+tls://mailer:secret@smtp.example.org:587",
}


def check_deploy(base=PRODUCTION_ENV, **env):
    # Without what the test run itself sets (the browser tests allow sync database calls from
    # Playwright's event loop, which the deploy check rightly refuses).
    unset = {"DEBUG", "HTTPS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {key: value for key, value in os.environ.items() if key not in unset}
    clean.update(base, **env, DJANGO_SETTINGS_MODULE="redcell.settings")
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
    )


def test_production_settings_pass_the_deploy_check_without_a_warning():
    result = check_deploy()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout, result.stdout + result.stderr


def test_the_check_does_catch_an_insecure_configuration():
    """So the test above means something: plain HTTP fails it."""
    result = check_deploy(HTTPS="0")
    assert result.returncode != 0
    assert "SECURE_SSL_REDIRECT" in result.stdout + result.stderr


def env_example() -> dict[str, str]:
    values = {}
    for line in (ROOT / ".env.example").read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, _, value = line.partition("=")
            values[name.strip()] = value.strip()
    return values


def test_env_example_followed_literally_is_secure():
    """The README's deploy steps: copy .env.example and set SECRET_KEY (and the host names)."""
    example = env_example()
    assert example["HTTPS"] == "1"
    assert example["ADMIN_REQUIRE_2FA"] == "1"
    result = check_deploy(base=example, SECRET_KEY=PRODUCTION_ENV["SECRET_KEY"])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout, result.stdout + result.stderr
