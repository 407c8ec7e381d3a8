"""The back office (Django admin at /beheer/) on a region admin's screen passes axe too: every page it
shows, its forms with rows of roles and memberships, and their error states."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from e2e.helpers import log_in_by_code
from veerkracht.accounts import services as account_services
from veerkracht.accounts.models import Organisation, Role
from veerkracht.accounts.tests.factories import OrganisationFactory

pytestmark = pytest.mark.browser


def test_a_region_admin_works_in_the_back_office_and_every_page_passes_axe(
    browser_page, region, region_admin, resident
):
    account_services.role_grant(user=resident, role=Role.PROFESSIONAL, actor=region_admin)
    account_services.membership_set(organisation=OrganisationFactory(name="Welzijn Zuid"), user=resident)
    page = browser_page.page
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in_by_code(browser_page, region_admin)
    for path in (
        "/beheer/",
        "/beheer/accounts/user/",
        "/beheer/regions/municipality/",
        "/beheer/core/auditlogentry/",
    ):
        browser_page.visit(path)

    # A person's roles and memberships: rows of fields, each with a name; saving works.
    browser_page.visit(f"/beheer/accounts/user/{resident.pk}/change/")
    expect(page.get_by_label(re.compile("^Rol, rij 1"))).to_be_visible()
    browser_page.after(lambda: page.get_by_role("button", name="Opslaan", exact=True).click())
    expect(page.locator(".messagelist .success")).to_be_visible()

    # A new organisation: first sent empty (the error state), then filled in.
    browser_page.visit("/beheer/accounts/organisation/add/")
    browser_page.after(lambda: page.get_by_role("button", name="Opslaan", exact=True).click())
    expect(page.locator(".errornote")).to_be_visible()
    page.locator("#id_name").fill("Buurtzorg Oost")
    page.locator("#id_slug").fill("buurtzorg-oost")
    page.get_by_label("Soort organisatie:").select_option(index=1)
    page.get_by_label("Regio:").select_option(label=region.name)
    browser_page.after(lambda: page.get_by_role("button", name="Opslaan", exact=True).click())
    expect(page.locator(".messagelist .success")).to_be_visible()
    assert Organisation.objects.filter(name="Buurtzorg Oost").exists()

    # The region with its subregions (a table of rows).
    browser_page.visit(f"/beheer/regions/region/{region.pk}/change/")
    browser_page.after(lambda: page.get_by_role("button", name="Opslaan", exact=True).click())
    expect(page.locator(".messagelist .success")).to_be_visible()
