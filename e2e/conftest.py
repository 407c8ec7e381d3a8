"""Browser tests: Playwright (Python) driving Debian's Chromium against a live server.

Every page a test visits is checked with axe-core (WCAG 2.1 A/AA). Use the `browser_page`
fixture; its `visit()`/`after()` helpers run the check, and the test fails at teardown if any page
the browser showed was never checked. Later modules reuse these fixtures as they are.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Page, sync_playwright

from e2e.a11y import A11yPage

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
PHONE = {"width": 390, "height": 844}
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


@pytest.fixture(scope="session")
def chromium():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}; `make test` installs Debian's chromium package.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium, transactional_db, live_server, region, request) -> A11yPage:
    """A phone-sized page in Dutch; call .visit(path) and .after(action) so axe checks every page."""
    # bypass_csp only lets the test inject axe-core; the site's own CSP is asserted elsewhere.
    context = chromium.new_context(viewport=PHONE, locale="nl-NL", bypass_csp=True, device_scale_factor=1)
    page: Page = context.new_page()
    page.set_default_timeout(10_000)
    wrapped = A11yPage(page, live_server.url)
    yield wrapped
    if request.node.rep_call.failed if hasattr(request.node, "rep_call") else False:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    unchecked = wrapped.unchecked_pages()
    context.close()
    assert not unchecked, f"pages shown but never checked with axe: {unchecked}"


@pytest.fixture
def other_browser_page(chromium, browser_page, live_server) -> A11yPage:
    """A second person's phone (own cookies), for flows between two people; axe-checked the same way."""
    context = chromium.new_context(viewport=PHONE, locale="nl-NL", bypass_csp=True, device_scale_factor=1)
    wrapped = A11yPage(context.new_page(), live_server.url)
    wrapped.page.set_default_timeout(10_000)
    yield wrapped
    unchecked = wrapped.unchecked_pages()
    context.close()
    assert not unchecked, f"pages shown but never checked with axe: {unchecked}"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)
