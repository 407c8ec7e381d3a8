"""On a phone: search the whole site from the menu, narrow the results with the filters, open the
full list of one kind and go to what was found."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from veerkracht.actioncentre.tests.factories import InitiativeFactory, OfferFactory
from veerkracht.agenda.tests.factories import EventFactory, municipality

pytestmark = pytest.mark.browser


def test_a_visitor_searches_filters_and_opens_a_result(browser_page, region):
    venlo = municipality("GM0983")
    InitiativeFactory(
        title="Wandelgroep Venlo", code="GM0983", description="Elke week wandelingen langs de Maas."
    )
    for n in range(4):
        InitiativeFactory(title=f"Wandelclub {n}", description="Wij wandelen samen.")
    OfferFactory(title="Wandelstokken te leen", description="Voor wie wil wandelen.")
    EventFactory(title="Wandeling met een gesprek", municipality=venlo, description="Samen wandelen.")
    page = browser_page.page

    # 1. From the menu to the search page; search for a word in another form than in the texts.
    browser_page.visit("/")
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    nav.get_by_text("Menu", exact=True).click()
    browser_page.after(lambda: nav.get_by_role("link", name="Zoeken").first.click())
    page.get_by_label("Waar zoek je naar?").fill("wandelingen")
    browser_page.after(lambda: page.get_by_role("button", name="Zoeken").click())
    expect(page.get_by_role("heading", name="Initiatieven (5)")).to_be_visible()
    expect(page.get_by_role("link", name="Wandelstokken te leen")).to_be_visible()
    expect(page.locator("mark").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    # 2. Filter on a municipality: what is for Venlo (and for the whole region) stays.
    page.get_by_text("Filters").click()
    page.get_by_label("Gemeente").select_option(label="Venlo")
    browser_page.after(lambda: page.get_by_role("button", name="Zoeken").click())
    expect(page.get_by_role("link", name="Wandelgroep Venlo")).to_be_visible()
    expect(page.get_by_role("link", name="Wandeling met een gesprek")).to_be_visible()
    expect(page.get_by_text("Wandelclub 1")).to_have_count(0)

    # 3. All initiatives for the words, then open one.
    page.get_by_label("Gemeente").select_option(label="Alle gemeenten")
    page.get_by_label("Wat").select_option(label="Initiatieven")
    browser_page.after(lambda: page.get_by_role("button", name="Zoeken").click())
    expect(page.get_by_role("link", name="Wandelclub 3")).to_be_visible()
    expect(page.get_by_text("Wandelstokken te leen")).to_have_count(0)
    browser_page.after(lambda: page.get_by_role("link", name="Wandelgroep Venlo").click())
    expect(page.get_by_role("heading", name="Wandelgroep Venlo", level=1)).to_be_visible()
