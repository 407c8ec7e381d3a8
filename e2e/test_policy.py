"""On a phone: a region admin opens the policy register, updates one municipality and sees the result."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from e2e.helpers import log_in_by_code
from veerkracht.policy.models import MunicipalityPolicy, PolicyVersion
from veerkracht.policy.tests.factories import PolicyFactory

pytestmark = pytest.mark.browser

PHONE_WIDTH = 390


def _no_sideways_scroll(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH


def test_a_region_admin_updates_a_municipality_and_sees_the_history_map_and_table(
    browser_page, region_admin, region
):
    maastricht = region.municipalities.get(code="GM0935")
    PolicyFactory(
        code="GM0935",
        in_policy=False,
        since_year=None,
        document_title="",
        levels=[],
        themes=[],
        notes="Nog in gesprek met de gemeenteraad.",
    )
    page = browser_page.page
    log_in_by_code(browser_page, region_admin)

    # 1. The public register: the share, the map and the table.
    browser_page.visit("/monitor/beleid/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Positieve Gezondheid in het beleid van gemeenten"
    )
    expect(page.get_by_text("0 van de 31 gemeenten (0%)")).to_be_visible()
    expect(page.get_by_role("link", name="Maastricht: staat niet in het beleid")).to_be_visible()
    _no_sideways_scroll(page)

    # 2. Maastricht's entry, from the table.
    browser_page.after(lambda: page.get_by_role("link", name="Maastricht", exact=True).click())
    expect(page.get_by_role("heading", level=1)).to_have_text("Gezondheidsbeleid van Maastricht")
    _no_sideways_scroll(page)
    browser_page.after(lambda: page.get_by_role("link", name="Gegevens van Maastricht aanpassen").click())
    _no_sideways_scroll(page)

    # 3. A mistake first: a year with "no" is refused with a clear message, nothing is saved.
    page.get_by_label("Sinds welk jaar?").fill("2019")
    browser_page.after(lambda: page.get_by_role("button", name="Opslaan").click())
    expect(page.get_by_role("alert")).to_contain_text("Vul alleen een jaartal in")
    assert PolicyVersion.objects.filter(policy__municipality=maastricht).count() == 1

    # 4. Then the right answers.
    page.get_by_label("Ja", exact=True).check()
    page.get_by_label("Naam van het beleidsstuk").fill("Gezond in Maastricht 2024-2028")
    page.get_by_label("Link naar het beleidsstuk").fill("https://example.org/maastricht/gezond")
    page.get_by_label("Meso: organisaties en wijken").check()
    page.get_by_label("Schulden").check()
    page.get_by_label("Sociale wijkteams").check()
    browser_page.after(lambda: page.get_by_role("button", name="Opslaan").click())
    expect(page.get_by_text("Opgeslagen. De wijziging staat in de geschiedenis.")).to_be_visible()
    history = page.locator("#geschiedenis + ol > li").first
    expect(history).to_contain_text(f"door {region_admin.display_name}")
    expect(history).to_contain_text("In het beleid: was nee, is nu ja")
    expect(history).to_contain_text("Thema's erbij: schulden, sociale wijkteams")
    assert region_admin.email not in page.content()
    _no_sideways_scroll(page)
    policy = MunicipalityPolicy.objects.get(municipality=maastricht)
    assert policy.in_policy is True and policy.since_year == 2019 and policy.levels == ["meso"]

    # 5. Back in the register, the map and the table show the change; a filter narrows the table.
    browser_page.after(lambda: page.get_by_role("link", name="Alle gemeenten").click())
    expect(page.get_by_text("1 van de 31 gemeenten (3%)")).to_be_visible()
    expect(page.get_by_role("link", name="Maastricht: staat in het beleid, sinds 2019")).to_be_attached()
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name="Maastricht", exact=True))
    expect(row).to_contain_text("Ja")
    expect(row).to_contain_text("2019")
    expect(row.get_by_role("link", name="Gezond in Maastricht 2024-2028")).to_be_attached()
    browser_page.after(lambda: page.get_by_role("link", name=re.compile("^Schulden$")).click())
    expect(page.get_by_role("heading", name="1 van de 31 gemeenten past bij je keuze")).to_be_visible()
    assert "thema=debt" in page.url
    _no_sideways_scroll(page)
