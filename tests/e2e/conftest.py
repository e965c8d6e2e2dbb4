"""Browser tests: pytest-playwright driving the system's Chromium against pytest-django's
``live_server``.

Playwright cannot download its own browsers on every machine, so the Debian ``chromium`` package
is launched by path. Each test's page records Content-Security-Policy violations and JavaScript
errors, and the test fails if there were any: the site must work under its own policy.
"""

import os
from io import StringIO

import pytest
from django.core.management import call_command

from tests.tools import AXE, CHROMIUM, axe_missing, chromium_missing, require

# Playwright's sync API runs an event loop in this thread; the database calls the tests and
# live_server make from it are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WATCH_CSP = """
window.__problems = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__problems.push(
    `CSP blocked ${event.blockedURI || "inline code"} (${event.violatedDirective}) on ${event.documentURI}` +
      ` from ${event.sourceFile}:${event.lineNumber} ${event.sample}`,
  );
});
window.addEventListener("error", (event) => window.__problems.push(`JavaScript error: ${event.message}`));
"""


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True)
def _needs_a_browser():
    require(chromium_missing())


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    require(chromium_missing())  # before Playwright tries to launch it
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


@pytest.fixture
def site_page(page, live_server):
    """A page on the live server that fails the test on any CSP violation, uncaught script
    error or console error."""
    console_errors, failed = [], []
    page.on(
        "console",
        lambda message: (
            message.type == "error"
            and not message.text.startswith("Failed to load resource")  # reported below, with the address
            and console_errors.append(message.text)
        ),
    )
    # Browsers ask for /favicon.ico on pages that name no icon (the admin's): not the site's fault.
    page.on(
        "response",
        lambda response: (
            response.status >= 400
            and not response.url.endswith("/favicon.ico")
            and response.request.resource_type != "document"
            and failed.append(f"{response.status} {response.url}")
        ),
    )
    page.add_init_script(WATCH_CSP)
    page.set_default_timeout(10_000)
    page.base = live_server.url
    yield page
    problems = page.evaluate("window.__problems || []") if not page.is_closed() else []
    assert not problems, problems
    assert not console_errors, console_errors
    assert not failed, failed


@pytest.fixture
def axe_page(browser, live_server):
    """A page whose context ignores the site's CSP, so axe-core can be injected into it."""
    require(axe_missing())
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.base = live_server.url
    yield page
    context.close()


def run_axe(page) -> list[dict]:
    """WCAG 2.1 A and AA violations on the page as it is now."""
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async () => {
            const result = await axe.run(document, {
                runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
            });
            return result.violations.map((v) => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ") + " :: " + n.failureSummary),
            }));
        }"""
    )


@pytest.fixture
def demo(transactional_db):
    """The demo site's content (``load_demo``): real-looking pages for the browser to read."""
    call_command("load_demo", "--password", "e2e-demo-password", stdout=StringIO())
