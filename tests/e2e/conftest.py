"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server."""

import os
from pathlib import Path

import pytest

# Playwright's sync API keeps an event loop running in the test thread, and Django refuses
# ORM calls from a thread with a running loop. The tests only use the ORM between browser
# calls, never concurrently with them, so the guard can be lifted. It is lifted for the
# whole process, not per test: the loop lives as long as the session-scoped `playwright`
# fixture, so any database test that runs after the first browser test needs it too.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
# Flags that let Debian's Chromium run as root, in a container, without calling home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Runs before the page's own scripts (CSP does not apply to it): records every violation
# the document reports, which a reader never sees but a broken page would show.
RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright's options (--headed, --slowmo, ...) with Debian's Chromium."""
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"The browser tests need Chromium at {CHROMIUM}: run `make chromium`.")
    headless = browser_type_launch_args.get("headless", True)
    return browser_type_launch_args | {
        "executable_path": CHROMIUM,
        "args": (["--headless"] if headless else []) + CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def base_url(live_server):
    """Pages are opened by path (page.goto("/")) on pytest-django's live server.

    This also replaces pytest-playwright's own fallback `base_url` fixture (used when
    pytest-base-url is not installed), which pytest 9 reports as deprecated: a session
    fixture defined as an instance method. The project turns deprecation warnings into
    errors, so that fixture would fail every browser test at setup.
    """
    # The live server's request threads share the in-memory SQLite connection, as
    # Django's own LiveServerTestCase arranges; without this they fail to close it.
    from django.db import connections

    for connection in connections.all():
        if connection.vendor == "sqlite" and connection.is_in_memory_db():
            connection.inc_thread_sharing()
    return live_server.url


@pytest.fixture(scope="session")
def artifacts_dir(pytestconfig):
    """test-artifacts/ at the repository root (gitignored); files are overwritten each run."""
    folder = Path(pytestconfig.rootpath) / "test-artifacts"
    folder.mkdir(exist_ok=True)
    return folder


class BrowserProblems:
    """Console errors, uncaught exceptions and CSP violations seen by one page."""

    def __init__(self, page):
        self.page = page
        self.console_errors = []
        self.page_errors = []
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        page.add_init_script(RECORD_CSP_VIOLATIONS)

    def _on_console(self, message):
        if message.type == "error":
            location = message.location.get("url", "")
            self.console_errors.append(f"{message.text} ({location})")

    def csp_violations(self):
        return self.page.evaluate("window.__cspViolations || []")


@pytest.fixture
def browser_problems(page):
    """Listen to `page` before it loads anything; read the problems after."""
    return BrowserProblems(page)
