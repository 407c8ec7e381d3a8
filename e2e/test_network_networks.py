"""On a phone: action-centre staff make a regional network (a reserved short name first), add a goal
(a target of 0 first) and enter its progress by hand (without a note first); the network page then shows
the goal reached, and the region's overview lists the network. Every form shown is submitted."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from e2e.helpers import log_in
from veerkracht.accounts.models import Role
from veerkracht.accounts.tests.factories import OrganisationFactory, UserFactory
from veerkracht.network.models import Goal, GoalProgress, RegionalNetwork

pytestmark = pytest.mark.browser


def _submit(browser_page, name: str) -> None:
    browser_page.after(lambda: browser_page.page.get_by_role("button", name=name).click())


def test_staff_make_a_network_with_a_goal_and_enter_its_progress(browser_page):
    page = browser_page.page
    staff = UserFactory(roles=(Role.STAFF,))
    UserFactory(email="coordinator@example.org", display_name="Mieke Coördinator")
    OrganisationFactory(name="GGD Zuid Limburg")
    log_in(browser_page, staff)
    today = timezone.localdate()

    browser_page.visit("/netwerk/")
    browser_page.after(lambda: page.get_by_role("link", name="Nieuw netwerk").click())
    page.get_by_label("Naam van het netwerk").fill("Netwerk Positief Gezond Westelijke Mijnstreek")
    page.get_by_label("Korte naam in het webadres").fill("dekking")
    page.get_by_label("Gestart op").fill("2024-01-15")
    page.get_by_label("Beek (L.)").check()
    page.get_by_label("Sittard-Geleen").check()
    page.get_by_label("GGD Zuid Limburg").check()
    page.get_by_label("E-mailadres van de coördinator").fill("coordinator@example.org")
    _submit(browser_page, "Netwerk opslaan")
    expect(page.locator(".vk-error-summary")).to_contain_text("al in gebruik")
    page.get_by_label("Korte naam in het webadres").fill("westelijke-mijnstreek")
    _submit(browser_page, "Netwerk opslaan")
    expect(page.get_by_text("Het netwerk is aangemaakt.")).to_be_visible()
    network = RegionalNetwork.objects.get()
    assert network.coordinator.email == "coordinator@example.org"

    browser_page.after(lambda: page.get_by_role("link", name="Doel toevoegen").click())
    page.get_by_label("Doel", exact=True).fill("Twintig ambassadeurs")
    page.get_by_label("Streefgetal").fill("0")
    page.get_by_label("Eenheid").fill("ambassadeurs")
    page.get_by_label("Vanaf").fill(str(today - timedelta(days=30)))
    page.get_by_label("Deadline").fill(str(today + timedelta(days=300)))
    page.get_by_label("Eigenaar").select_option(label="GGD Zuid Limburg")
    _submit(browser_page, "Doel opslaan")
    expect(page.locator(".vk-error-summary")).to_contain_text("Het streefgetal moet groter zijn dan 0.")
    page.get_by_label("Streefgetal").fill("20")
    _submit(browser_page, "Doel opslaan")
    expect(page.get_by_text("Het doel is toegevoegd.")).to_be_visible()
    goal = Goal.objects.get()

    browser_page.after(lambda: page.get_by_role("link", name="Stand invullen").click())
    page.get_by_label("Stand nu").fill("21")
    _submit(browser_page, "Stand opslaan")
    expect(page.locator(".vk-error-summary")).to_contain_text("Schrijf kort waar het getal vandaan komt.")
    page.get_by_label("Toelichting").fill("Telling in het netwerkoverleg")
    _submit(browser_page, "Stand opslaan")
    expect(page.get_by_text("De stand is opgeslagen.")).to_be_visible()
    assert GoalProgress.objects.get().value == 21
    goal.refresh_from_db()
    assert goal.reached_on == today
    expect(page.locator(f'[data-goal="{goal.pk}"]')).to_contain_text("Gehaald")
    expect(page.get_by_text("Mieke Coördinator", exact=False)).to_be_visible()

    browser_page.after(lambda: page.get_by_role("link", name="Alle netwerken").click())
    expect(page.locator('[data-network="westelijke-mijnstreek"]')).to_contain_text("1 van 1 doel gehaald")
