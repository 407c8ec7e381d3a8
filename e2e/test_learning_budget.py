"""On a phone: the training coordinator sets up the budget (a funding source, a line, a target, each
changed once), sees the report and downloads it; links a coach to an organisation; the coach writes
goals, agrees a step and logs a contact; the organisation's admin ticks the step off; the coordinator
stops the link. Every form shown is submitted, an empty or wrong one first where it matters."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from e2e.helpers import log_in
from veerkracht.accounts.models import Role
from veerkracht.accounts.tests.factories import OrganisationFactory, UserFactory
from veerkracht.learning.models import (
    BudgetEntry,
    BudgetLine,
    CoachingContact,
    CoachLink,
    FundingSource,
    PlanStep,
    Target,
)
from veerkracht.learning.services.enrolments import enrolment_complete
from veerkracht.learning.tests.factories.catalogue import CohortFactory, CourseFactory, EnrolmentFactory
from veerkracht.learning.tests.factories.coaching import make_org_admin

pytestmark = pytest.mark.browser


def _submit(browser_page, name: str) -> None:
    browser_page.after(lambda: browser_page.page.get_by_role("button", name=name).click())


def test_the_coordinator_sets_up_the_budget_and_sees_it_spent(browser_page):
    page = browser_page.page
    coordinator = UserFactory(roles=(Role.TRAINING_COORDINATOR,))
    log_in(browser_page, coordinator)

    # A funding source: a negative amount first.
    browser_page.visit("/scholing/beheer/budget/bronnen/nieuw/")
    page.get_by_label("Naam van de financieringsbron").fill("Scholingsplan Provincie Limburg")
    page.get_by_label("Bedrag", exact=True).fill("-10")
    page.get_by_label("Periode vanaf").fill("2020-01-01")
    page.get_by_label("Periode tot en met").fill("2030-12-31")
    _submit(browser_page, "Opslaan")
    expect(page.locator(".vk-error-summary")).to_contain_text("Het bedrag kan niet negatief zijn.")
    page.get_by_label("Bedrag", exact=True).fill("1.000.000")
    _submit(browser_page, "Opslaan")
    expect(page.get_by_text("De financieringsbron is opgeslagen.")).to_be_visible()
    source = FundingSource.objects.get()
    assert source.amount_cents == 100_000_000

    # A line for professionals: more than the source first.
    browser_page.after(lambda: page.get_by_role("link", name="Budgetregel toevoegen").click())
    page.get_by_label("Financieringsbron").select_option(label="Scholingsplan Provincie Limburg")
    page.get_by_label("Doelgroep").select_option(label="professionals")
    page.get_by_label("Bedrag", exact=True).fill("2000000")
    _submit(browser_page, "Opslaan")
    expect(page.locator(".vk-error-summary")).to_contain_text("Zoveel is er niet meer in deze bron")
    page.get_by_label("Bedrag", exact=True).fill("450000")
    _submit(browser_page, "Opslaan")
    expect(page.get_by_text("De budgetregel is opgeslagen.")).to_be_visible()
    line = BudgetLine.objects.get()

    # A target: 200 professionals in 2020–2030.
    browser_page.after(lambda: page.get_by_role("link", name="Doel toevoegen").click())
    page.get_by_label("Doelgroep").select_option(label="professionals")
    page.get_by_label("Aantal mensen").fill("0")
    page.get_by_label("Periode vanaf").fill("2020-01-01")
    page.get_by_label("Periode tot en met").fill("2030-12-31")
    _submit(browser_page, "Opslaan")
    expect(page.locator(".vk-error-summary")).to_contain_text("Een doel is minstens 1 persoon.")
    page.get_by_label("Aantal mensen").fill("200")
    _submit(browser_page, "Opslaan")
    target = Target.objects.get()

    # Each is changed once.
    browser_page.after(
        lambda: page.get_by_role("link", name='Bron "Scholingsplan Provincie Limburg" aanpassen').click()
    )
    page.get_by_label("Bedrag", exact=True).fill("1000000,00")
    page.get_by_label("Naam van de financieringsbron").fill("Scholingsplan Provincie Limburg 2020")
    _submit(browser_page, "Opslaan")
    browser_page.after(lambda: page.get_by_role("link", name="Regel", exact=False).first.click())
    page.get_by_label("Bedrag", exact=True).fill("400000")
    _submit(browser_page, "Opslaan")
    browser_page.after(lambda: page.get_by_role("link", name="aanpassen professionals").click())
    page.get_by_label("Aantal mensen").fill("150")
    _submit(browser_page, "Opslaan")
    line.refresh_from_db()
    target.refresh_from_db()
    assert (line.amount_cents, target.people) == (40_000_000, 150)

    # Two seats: one completed. The report shows committed and spent.
    course = CourseFactory(seat_cost_cents=25_000)
    done, seated = (EnrolmentFactory(cohort=CohortFactory(course=course)) for _ in range(2))
    from veerkracht.learning.signals import enrolment_seated

    for enrolment in (done, seated):
        enrolment_seated.send(sender=type(enrolment), enrolment=enrolment)
    enrolment_complete(enrolment=done)
    assert BudgetEntry.objects.count() == 3
    browser_page.visit("/scholing/beheer/budget/")
    row = page.locator(f'[data-row="sources-{source.pk}"]')
    expect(row).to_contain_text("250,00")
    expect(page.locator(f'[data-row="target-{target.pk}"]')).to_contain_text("1")
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV (spreadsheet)").click()
    assert download.value.suggested_filename.endswith(".csv")


def test_a_coach_is_linked_keeps_the_plan_and_the_admin_ticks_off_a_step(browser_page):
    page = browser_page.page
    coordinator = UserFactory(roles=(Role.TRAINING_COORDINATOR,))
    coach = UserFactory(roles=(Role.COACH,), display_name="Carla Coach")
    organisation = OrganisationFactory(name="Sociaal wijkteam Oost")
    admin = make_org_admin(organisation, display_name="Anna Beheer")

    # The coordinator links the coach (an empty form first).
    log_in(browser_page, coordinator)
    browser_page.visit("/scholing/beheer/coaching/")
    _submit(browser_page, "Coach koppelen")
    expect(page.locator(".vk-error-summary")).to_contain_text("Kies een coach.")
    page.get_by_label("Coach", exact=True).select_option(label=f"Carla Coach ({coach.email})")
    page.get_by_label("Organisatie", exact=True).select_option(label="Sociaal wijkteam Oost")
    page.get_by_label("Vanaf").fill("2024-01-01")
    _submit(browser_page, "Coach koppelen")
    expect(page.get_by_text("De coach is gekoppeld aan de organisatie.")).to_be_visible()
    assert CoachLink.objects.get().coach == coach

    # The coach finds the organisation on "Mijn organisaties", writes goals and agrees a step.
    log_in(browser_page, coach)
    browser_page.visit("/scholing/coaching/")
    browser_page.after(lambda: page.get_by_role("link", name="Sociaal wijkteam Oost").click())
    page.get_by_label("Doelen van de organisatie").fill("Het spinnenweb bij elk keukentafelgesprek.")
    _submit(browser_page, "Doelen opslaan")
    expect(page.get_by_text("De doelen zijn opgeslagen.")).to_be_visible()
    _submit(browser_page, "Stap toevoegen")
    expect(page.locator(".vk-error-summary")).to_contain_text("Schrijf op wat er is afgesproken.")
    page.get_by_label("Afgesproken stap", exact=True).fill("Intervisiegroep starten")
    page.get_by_label("Wie doet het?").fill("teamleider")
    page.get_by_label("Klaar op").fill("2030-03-01")
    _submit(browser_page, "Stap toevoegen")
    expect(page.get_by_text("Intervisiegroep starten", exact=True)).to_be_visible()

    # A contact in the log: in the future first.
    browser_page.after(lambda: page.get_by_role("link", name="Contact toevoegen").click())
    page.get_by_label("Datum").fill("2099-01-01")
    page.get_by_label("Soort contact").select_option(label="bezoek")
    page.get_by_label("Uren").fill("1,5")
    page.get_by_label("Wat is er gebeurd, hoe gaat het?").fill("Startgesprek met het team.")
    _submit(browser_page, "Contact opslaan")
    expect(page.locator(".vk-error-summary")).to_contain_text("Een contact kan niet in de toekomst liggen.")
    page.get_by_label("Datum").fill("2024-02-01")
    _submit(browser_page, "Contact opslaan")
    expect(page.get_by_text("Startgesprek met het team.")).to_be_visible()
    assert CoachingContact.objects.get().author == coach

    # The organisation's admin reads the plan and ticks the step off.
    log_in(browser_page, admin)
    browser_page.visit(f"/scholing/coaching/{organisation.pk}/")
    expect(page.get_by_role("button", name="Doelen opslaan")).to_have_count(0)
    _submit(browser_page, "Afvinken als gedaan")
    expect(page.get_by_text("De stap is afgevinkt.")).to_be_visible()
    assert PlanStep.objects.get().done_on is not None

    # The coordinator stops the link: the coach no longer sees the plan.
    log_in(browser_page, coordinator)
    browser_page.visit("/scholing/beheer/coaching/")
    _submit(browser_page, "Koppeling stoppen")
    expect(page.get_by_text("De koppeling is gestopt.")).to_be_visible()
    assert CoachLink.objects.get().ends_on is not None
