"""On a phone: an organisation applies through "Word partner" (an empty form first), staff accept it,
the new admin fills in the partner page and it goes live; staff change a province's role (a wrong
date first) and the public page shows the timeline; staff log support on measure (a form without an
organisation or municipality first)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from e2e.helpers import log_in
from veerkracht.accounts.models import OrganisationType, Role
from veerkracht.accounts.tests.factories import OrganisationFactory, UserFactory, activate_totp
from veerkracht.actioncentre.models import PartnerProfile
from veerkracht.network.models import PartnerApplication, PartnerKind, PartnerRole, SupportEntry
from veerkracht.network.services import partners as partner_services

pytestmark = pytest.mark.browser


def _submit(browser_page, name: str) -> None:
    browser_page.after(lambda: browser_page.page.get_by_role("button", name=name).click())


def test_an_organisation_applies_is_accepted_and_its_page_goes_live(browser_page):
    page = browser_page.page
    applicant = UserFactory(email="els@example.org", display_name="Els Kessels")
    staff = UserFactory(roles=(Role.STAFF,), display_name="Fatima Staf")

    log_in(browser_page, applicant)
    browser_page.visit("/")
    browser_page.after(lambda: page.get_by_role("link", name="Word partner").first.click())
    _submit(browser_page, "Aanmelding versturen")
    expect(page.locator(".vk-error-summary")).to_contain_text("Vul de naam van de organisatie in.")
    page.get_by_label("Naam van de organisatie").fill("Huiskamer Zuid")
    page.get_by_label("Soort organisatie").select_option(label="belangenorganisatie")
    page.get_by_label("Gemeente").select_option(label="Heerlen")
    page.get_by_label("Wat willen jullie doen met Positieve Gezondheid?").fill(
        "Een plek waar buren elkaar helpen."
    )
    page.get_by_label("Jouw naam").fill("Els Kessels")
    page.get_by_label("Jouw telefoonnummer").fill("06 1234 5678")
    _submit(browser_page, "Aanmelding versturen")
    expect(page.get_by_text("Je aanmelding is verstuurd.")).to_be_visible()
    expect(page.get_by_role("heading", name="Huiskamer Zuid")).to_be_visible()
    application = PartnerApplication.objects.get()

    log_in(browser_page, staff)
    browser_page.visit("/netwerk/beheer/partners/")
    browser_page.after(lambda: page.get_by_role("link", name="Huiskamer Zuid").click())
    expect(page.get_by_text("06 1234 5678")).to_be_visible()
    _submit(browser_page, "Aanmelding afwijzen")  # no reason: refused
    expect(page.locator(".vk-error-summary")).to_contain_text("Schrijf waarom je de aanmelding afwijst.")
    page.get_by_label("Bericht aan de aanvrager").fill("Welkom! We bellen je voor een kennismaking.")
    _submit(browser_page, "Aanmelding aannemen")
    expect(page.get_by_text("De organisatie is nu partner.")).to_be_visible()
    application.refresh_from_db()
    organisation = application.organisation
    assert organisation is not None and PartnerRole.objects.get(organisation=organisation).kind == "supporter"

    activate_totp(applicant)  # a partner admin logs in in two steps
    log_in(browser_page, applicant)
    browser_page.visit("/netwerk/partner-worden/mijn-aanmelding/")
    expect(page.get_by_text("We bellen je voor een kennismaking.")).to_be_visible()
    browser_page.after(lambda: page.get_by_role("link", name="Vul je partnerpagina in").click())
    page.get_by_label("Wat doet jullie organisatie?").fill("Wij openen huiskamers in de wijk.")
    _submit(browser_page, "Opslaan")
    assert PartnerProfile.objects.get(organisation=organisation).is_public

    browser_page.page.context.clear_cookies()
    browser_page.visit(f"/verbinden/partners/{organisation.slug}/")
    expect(page.get_by_text("Wij openen huiskamers in de wijk.")).to_be_visible()
    expect(page.get_by_role("heading", name="Rol in de beweging")).to_be_visible()


def test_staff_change_a_role_and_log_support(browser_page, region):
    page = browser_page.page
    staff = UserFactory(roles=(Role.STAFF,), display_name="Fatima Staf")
    province = OrganisationFactory(name="Provincie Limburg", type=OrganisationType.PROVINCE)
    partner_services.partner_role_change(
        organisation=province,
        kind=PartnerKind.DRIVER,
        starts_on=date(2022, 1, 1),
        reason="trekt mee",
        actor=None,
    )
    log_in(browser_page, staff)

    browser_page.visit("/netwerk/beheer/partners/")
    browser_page.after(lambda: page.get_by_role("link", name="Provincie Limburg").click())
    page.get_by_label("Nieuwe rol").select_option(label="kernpartner")
    page.get_by_label("Vanaf").fill("2021-05-01")
    page.get_by_label("Waarom verandert de rol?").fill("Financiert het actiecentrum")
    _submit(browser_page, "Nieuwe rol opslaan")
    expect(page.locator(".vk-error-summary")).to_contain_text("Kies een datum na 01-01-2022")
    page.get_by_label("Vanaf").fill("2024-03-01")
    _submit(browser_page, "Nieuwe rol opslaan")
    expect(page.get_by_text("De nieuwe rol is opgeslagen.")).to_be_visible()
    province.refresh_from_db()
    assert province.is_core_partner

    browser_page.visit(f"/verbinden/partners/{province.slug}/")
    expect(page.get_by_text("Financiert het actiecentrum")).to_be_visible()

    browser_page.visit("/netwerk/beheer/ondersteuning/")
    page.get_by_label("Soort ondersteuning", exact=True).select_option(label="workshop")
    page.get_by_label("Datum", exact=True).fill("2025-02-03")
    page.get_by_label("Uren", exact=True).fill("1,5")
    _submit(browser_page, "Opslaan in het logboek")
    expect(page.locator(".vk-error-summary")).to_contain_text("Kies een organisatie of een gemeente.")
    page.get_by_label("Organisatie (niet verplicht)", exact=True).select_option(label="Provincie Limburg")
    page.get_by_label("Korte notitie").fill("Workshop voor beleidsmedewerkers")
    _submit(browser_page, "Opslaan in het logboek")
    expect(page.get_by_text("De ondersteuning staat in het logboek.")).to_be_visible()
    entry = SupportEntry.objects.get()
    assert (entry.organisation, str(entry.hours), entry.given_by) == (province, "1.50", staff)
    page.get_by_label("Jaar").select_option(label="2025")
    _submit(browser_page, "Toon")
    expect(page.get_by_text("Workshop voor beleidsmedewerkers")).to_be_visible()
    delete = page.get_by_role("button", name=re.compile(r"Verwijderen\s*: workshop 3 februari 2025"))
    browser_page.after(delete.click)
    expect(page.get_by_text("De regel is uit het logboek gehaald.")).to_be_visible()
    assert not SupportEntry.objects.exists()
