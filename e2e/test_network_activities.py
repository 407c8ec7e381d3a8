"""On a phone: an ambassador logs a talk (a future date first), sees it in their year, changes it,
deletes it, logs another; anyone looks at the coverage page. Every page is checked with axe."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from e2e.helpers import log_in
from veerkracht.accounts.tests.factories import UserFactory
from veerkracht.network.models import Activity
from veerkracht.network.tests.factories.activities import make_ambassador

pytestmark = pytest.mark.browser


def test_an_ambassador_logs_changes_and_deletes_an_activity(browser_page, region):
    page = browser_page.page
    user = UserFactory(display_name="Anna Jansen")
    make_ambassador(region, user=user)
    log_in(browser_page, user)
    browser_page.visit("/netwerk/activiteiten/")

    # 1. A date in the future is refused with a clear message; nothing is saved.
    page.get_by_label("een praatje of presentatie").check()
    page.get_by_label("Wanneer?").fill((timezone.localdate() + timedelta(days=2)).isoformat())
    page.get_by_label("Met ongeveer hoeveel mensen?").fill("30")
    browser_page.after(lambda: page.get_by_role("button", name="Opslaan").click())
    expect(page.get_by_text("Deze datum ligt in de toekomst").first).to_be_visible()
    assert not Activity.objects.exists()

    # 2. Today: saved, and in the year.
    page.get_by_label("Wanneer?").fill(timezone.localdate().isoformat())
    page.get_by_label("Korte notitie").fill("Praatje bij de bieb")
    browser_page.after(lambda: page.get_by_role("button", name="Opslaan").click())
    expect(page.get_by_text("Dank je wel! Je activiteit staat erin.")).to_be_visible()
    expect(page.get_by_text("Praatje bij de bieb")).to_be_visible()
    assert Activity.objects.get().people == 30

    # 3. Change it.
    browser_page.after(lambda: page.get_by_role("link", name=re.compile("^Aanpassen")).click())
    page.get_by_label("Met ongeveer hoeveel mensen?").fill("35")
    browser_page.after(lambda: page.get_by_role("button", name="Opslaan").click())
    expect(page.get_by_text("Je activiteit is aangepast.")).to_be_visible()
    assert Activity.objects.get().people == 35

    # 4. Delete it.
    browser_page.after(lambda: page.get_by_role("link", name=re.compile("^Weghalen")).click())
    browser_page.after(lambda: page.get_by_role("button", name="Ja, weghalen").click())
    expect(page.get_by_text("De activiteit is weggehaald.")).to_be_visible()
    assert not Activity.objects.exists()


def test_the_coverage_page_on_a_phone(browser_page, region):
    make_ambassador(region, municipality="GM0935")
    browser_page.visit("/netwerk/dekking/")
    page = browser_page.page
    expect(page.get_by_role("heading", name="Waar zijn onze ambassadeurs?")).to_be_visible()
    expect(page.get_by_role("group", name=re.compile("Kaart van Limburg"))).to_be_visible()
    expect(page.get_by_role("rowheader", name="Maastricht")).to_be_visible()
