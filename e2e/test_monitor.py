"""On a phone: a council member's assistant reads the monitor and an analyst looks at the health gap."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from e2e.helpers import log_in_by_code
from veerkracht.monitor.tests.conftest import monitor_data  # noqa: F401 - the known dataset

pytestmark = pytest.mark.browser

PHONE_WIDTH = 390


def _fits(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH


def test_the_monitor_on_a_phone_shows_figures_tables_and_hides_small_groups(
    browser_page,
    other_browser_page,
    monitor_data,  # noqa: F811
    analyst,
):
    page = browser_page.page
    browser_page.visit("/monitor/?periode=2025")
    expect(page.get_by_role("heading", name="Monitor: wat doet de beweging?")).to_be_visible()
    expect(page.get_by_role("img", name="Gemiddeld cijfer per onderdeel").first).to_be_visible()
    _fits(page)

    # The subregion lists its municipalities; a hidden one shows "verborgen".
    browser_page.after(lambda: page.get_by_role("link", name="Zuid-Limburg").first.click())
    expect(page.get_by_role("row", name="Vaals")).to_contain_text("verborgen")
    _fits(page)

    # Health outcomes for Maastricht; the split by education per municipality is for analysts.
    browser_page.visit("/monitor/gezondheid/")
    page.get_by_label("Gebied").select_option(label="Maastricht")
    page.get_by_label("Uitsplitsen naar").select_option(label="opleiding")
    browser_page.after(lambda: page.get_by_role("button", name="Toon").click())
    expect(page.get_by_text("alleen te zien voor analisten")).to_be_visible()
    expect(page.get_by_role("heading", name="Verandering bij deelnemers")).to_be_visible()
    _fits(page)

    browser_page.visit("/monitor/definities/")
    expect(page.get_by_role("heading", name="Privacy: nooit cijfers over één persoon")).to_be_visible()

    # An analyst, on their own phone, sees the split and the municipality's gap.
    theirs = other_browser_page.page
    log_in_by_code(other_browser_page, analyst)
    other_browser_page.visit("/monitor/gezondheid/?gebied=GM0935&uitsplitsing=opleiding&periode=2025")
    expect(theirs.get_by_role("heading", name="Naar opleiding")).to_be_visible()
    other_browser_page.visit("/monitor/gezondheidskloof/?gebied=GM0935")
    expect(theirs.get_by_role("heading", name="Kloof door de tijd: Maastricht")).to_be_visible()
    _fits(theirs)
