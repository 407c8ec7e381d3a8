"""On a 390 px phone: long pages stay readable. Tables fit the screen (no cell narrower than its longest
word, nothing to scroll sideways) and long lists are compact, with forms and filters folded away."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from e2e.helpers import log_in_by_code
from veerkracht.actioncentre.tests.factories import AmbassadorFactory, NeedFactory, OfferFactory
from veerkracht.monitor.tests.conftest import HEERLEN, ZUID_LIMBURG, monitor_data  # noqa: F401

pytestmark = pytest.mark.browser

PHONE_WIDTH = 390

# Visible table cells whose longest word does not fit: a column squeezed to break words letter by letter.
SQUEEZED_CELLS = """() => {
  const probe = document.createElement('span');
  probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap';
  document.body.appendChild(probe);
  const squeezed = [];
  for (const cell of document.querySelectorAll('main td, main th')) {
    const box = cell.getBoundingClientRect();
    const head = cell.closest('thead');
    if (!cell.offsetParent || box.width <= 1 || (head && head.getBoundingClientRect().width <= 1)) continue;
    const style = getComputedStyle(cell);
    probe.style.font = style.font;
    const room = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    for (const word of cell.innerText.split(/\\s+/).filter(Boolean)) {
      probe.textContent = word;
      if (probe.getBoundingClientRect().width > room + 1) squeezed.push(word);
    }
  }
  probe.remove();
  return squeezed;
}"""


def _readable(page) -> int:
    """Asserts the page fits a phone and returns its height in px."""
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH
    assert page.evaluate(SQUEEZED_CELLS) == []
    tables = page.evaluate(
        "[...document.querySelectorAll('main table')].filter(t => t.offsetParent)"
        ".map(t => Math.round(t.getBoundingClientRect().right))"
    )
    assert all(right <= PHONE_WIDTH for right in tables), tables
    return page.evaluate("document.documentElement.scrollHeight")


def test_the_suggestions_for_a_need_are_compact_cards_with_the_form_folded_away(browser_page, staff, region):
    need = NeedFactory(help_type="place", description="Een zaal voor een buurtavond")
    for i in range(6):
        OfferFactory(title=f"Zaal {i + 1} in het buurthuis", help_type="place")
    AmbassadorFactory(name="Anouk", help_types=("place",))
    page = browser_page.page
    log_in_by_code(browser_page, staff)
    browser_page.visit(f"/verbinden/behoefte/{need.pk}/")
    cards = page.locator("ol.vk-cards > li")
    assert cards.count() >= 7
    # Folded: one tap opens the form of the card you choose.
    expect(page.get_by_label("Waarom deze twee?").first).to_be_hidden()
    height = _readable(page)
    # Seven cards with their form folded fit in about three screens (unfolded: over 5,000 px).
    assert height < 3 * 844 + 600, height
    first = cards.first
    first.get_by_text("Voorstellen", exact=True).click()
    expect(first.get_by_label("Waarom deze twee?")).to_be_visible()
    browser_page.check()
    _readable(page)


def test_a_monitor_area_page_has_its_download_on_top_and_tables_that_fit(
    browser_page,
    monitor_data,  # noqa: F811
):
    page = browser_page.page
    for path in (
        f"/monitor/gemeente/{HEERLEN}/?periode=2025",
        f"/monitor/deelregio/{ZUID_LIMBURG}/?periode=2025",
    ):
        browser_page.visit(f"{path}?periode=2025")
        link = page.get_by_role("link", name="Alle cijfers van").first
        expect(link).to_be_visible()
        # The download is on the first screen, above the key figures.
        assert link.bounding_box()["y"] < 844
        _readable(page)
    # The tables next to the charts of health outcomes and the health gap stack too.
    for path in ("/monitor/gezondheid/?periode=2025", "/monitor/gezondheidskloof/"):
        browser_page.visit(path)
        _readable(page)
