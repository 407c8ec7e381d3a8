"""On a phone: a resident applies to become an ambassador (empty first), withdraws and applies again;
staff invite, decline another applicant and accept this one; staff tick the introduction and finish the
start; the ambassador pauses, resumes and stops (without a reason first); staff read the lesson."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from e2e.helpers import log_in
from veerkracht.accounts.models import Role
from veerkracht.accounts.tests.factories import UserFactory
from veerkracht.network.models import Ambassador, AmbassadorApplication
from veerkracht.network.tests.factories.ambassadors import make_application

pytestmark = pytest.mark.browser


def _apply(browser_page) -> None:
    page = browser_page.visit("/netwerk/ambassadeur-worden/")
    page.get_by_label("Waarom wil je ambassadeur worden?").fill("Ik wil in Wyck over gezondheid praten.")
    page.get_by_label("In welke gemeente wil je ambassadeur zijn?").select_option(label="Maastricht")
    page.get_by_label("als inwoner").check()
    page.get_by_label("Eenzaamheid en meedoen").check()
    page.get_by_label("een paar uur per maand").check()
    browser_page.after(lambda: page.get_by_role("button", name="Aanmelding versturen").click())


def test_from_application_to_a_lesson(browser_page, other_browser_page, region):
    page, other = browser_page.page, other_browser_page.page
    resident = UserFactory(municipality=region.municipalities.get(code="GM0935"), display_name="Sanne Peters")
    staff = UserFactory(roles=(Role.STAFF,), display_name="Fatima")

    # 1. The resident sends an empty form first, then applies; withdraws, and applies again.
    log_in(browser_page, resident)
    browser_page.visit("/netwerk/ambassadeur-worden/")
    browser_page.after(lambda: page.get_by_role("button", name="Aanmelding versturen").click())
    expect(page.get_by_text("Vul dit in.").first).to_be_visible()
    _apply(browser_page)
    expect(page.get_by_text("Je aanmelding is verstuurd")).to_be_visible()
    browser_page.after(lambda: page.get_by_role("button", name="Aanmelding intrekken").click())
    expect(page.get_by_text("Je aanmelding is ingetrokken.")).to_be_visible()
    _apply(browser_page)
    application = AmbassadorApplication.objects.get(user=resident, status="submitted")

    # 2. Staff decline someone else (no reason first) and invite the resident.
    other_application = make_application(region)
    log_in(other_browser_page, staff)
    other_browser_page.visit(f"/netwerk/beheer/ambassadeurs/aanmeldingen/{other_application.pk}/")
    other_browser_page.after(lambda: other.get_by_role("button", name="Afwijzen").click())
    expect(other.get_by_text("Vul dit in.").first).to_be_visible()
    other.get_by_label("Waarom niet?").fill("We zoeken nu vooral mensen in Noord-Limburg.")
    other_browser_page.after(lambda: other.get_by_role("button", name="Afwijzen").click())
    expect(other.get_by_text("Afgewezen: de aanvrager krijgt je bericht.")).to_be_visible()
    other_browser_page.visit("/netwerk/beheer/ambassadeurs/")
    other_browser_page.after(lambda: other.get_by_role("link", name="Sanne Peters").first.click())
    expect(other.get_by_text("Ik wil in Wyck over gezondheid praten.")).to_be_visible()
    other.get_by_label("Bericht met uitnodiging").fill("Dinsdag 14 uur in het actiecentrum.")
    other_browser_page.after(lambda: other.get_by_role("button", name="Uitnodiging versturen").click())
    browser_page.visit(f"/netwerk/ambassadeur-worden/aanmelding/{application.pk}/")
    expect(page.get_by_text("Dinsdag 14 uur in het actiecentrum.")).to_be_visible()

    # 3. Staff accept, tick the introduction and finish the start.
    other_browser_page.after(lambda: other.get_by_role("button", name="Aannemen als ambassadeur").click())
    expect(other.get_by_text(re.compile("Aangenomen"))).to_be_visible()
    other_browser_page.after(
        lambda: other.get_by_role("button", name=re.compile("^Afvinken Kennismakingsgesprek")).click()
    )
    other_browser_page.after(lambda: other.get_by_role("button", name="Start afronden: actief").click())
    ambassador = Ambassador.objects.get(user=resident)
    assert ambassador.status == "active" and ambassador.intro_held_on

    # 4. The ambassador pauses, resumes, and stops (without a reason first).
    browser_page.visit("/netwerk/mijn-ambassadeurschap/")
    expect(page.get_by_text(re.compile("Kennismakingsgesprek gehouden: klaar"))).to_be_visible()
    page.get_by_text("Pauze nemen").first.click()
    page.get_by_label(re.compile("Waarom pauzeer je")).fill("Drukke maand")
    browser_page.after(lambda: page.get_by_role("button", name="Pauze nemen").click())
    expect(page.get_by_text("Je ambassadeurschap staat op pauze.")).to_be_visible()
    browser_page.after(lambda: page.get_by_role("button", name="Weer actief worden").click())
    page.get_by_text("Stoppen als ambassadeur").click()
    browser_page.after(lambda: page.get_by_role("button", name="Stoppen", exact=True).click())
    expect(page.get_by_text("Vul dit in.").first).to_be_visible()
    page.get_by_label("Waarom stop je?").fill("Mijn werk vraagt meer tijd.")
    browser_page.after(lambda: page.get_by_role("button", name="Stoppen", exact=True).click())
    expect(page.get_by_text("Je bent gestopt als ambassadeur. Dank je wel voor alles.")).to_be_visible()

    # 5. Staff read the lesson, without the name.
    other_browser_page.visit("/netwerk/beheer/ambassadeurs/lessen/")
    expect(other.get_by_text("Mijn werk vraagt meer tijd.")).to_be_visible()
    expect(other.get_by_text("Sanne Peters")).to_have_count(0)
