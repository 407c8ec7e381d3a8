"""On a phone: a learner filters the catalogue, enrols (naming their organisation), sees "Mijn scholing"
and cancels; an organisation admin enrols a colleague; the training coordinator makes a course, a cohort
with a meeting from the agenda and a learning path, publishes, approves and declines requests, marks
someone completed and takes someone out of a cohort. Every form they see is submitted; axe checks each
page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from e2e.helpers import log_in
from veerkracht.accounts.models import MembershipRole, Role
from veerkracht.accounts.services import membership_set
from veerkracht.accounts.tests.factories import OrganisationFactory, UserFactory
from veerkracht.agenda.models import EventKind
from veerkracht.agenda.tests.factories import EventFactory
from veerkracht.learning.models import Cohort, Course, Enrolment, EnrolmentStatus, LearningPath
from veerkracht.learning.tests.factories.catalogue import CohortFactory, CourseFactory, EnrolmentFactory

pytestmark = pytest.mark.browser
Status = EnrolmentStatus


def _named(user, name: str):
    user.profile.display_name = name
    user.profile.save(update_fields=["display_name"])
    return user


def test_a_learner_and_an_organisation_admin_enrol_and_cancel(browser_page, region, resident):
    page = browser_page.page
    _named(resident, "Rik Leerling")
    organisation = OrganisationFactory(name="Welzijn Zuid")
    membership_set(organisation=organisation, user=resident, role=MembershipRole.ADMIN)
    colleague = _named(UserFactory(), "Carla Collega")
    membership_set(organisation=organisation, user=colleague, role=MembershipRole.MEMBER)
    course = CourseFactory(title="Het andere gesprek voeren", slug="gesprek", min_meetings=1)
    CohortFactory(course=course, title="Najaar", capacity=1)
    CourseFactory(title="Buurtavond", target_group="volunteer", cost_kind="free", seat_cost_cents=0)

    # The catalogue and its filter (anonymous).
    browser_page.visit("/scholing/")
    page.get_by_label("Voor wie").select_option(label="vrijwilligers")
    browser_page.after(lambda: page.get_by_role("button", name="Toon cursussen").click())
    expect(page.get_by_role("link", name="Buurtavond")).to_be_visible()
    expect(page.get_by_role("link", name="Het andere gesprek voeren")).to_have_count(0)

    # Enrol through the organisation, see it under "Mijn scholing", cancel with a confirmation.
    log_in(browser_page, resident)
    browser_page.visit("/scholing/gesprek/")
    page.get_by_label("Via welke organisatie?").select_option(label="Welzijn Zuid")
    browser_page.after(lambda: page.get_by_role("button", name="Aanmelden").click())
    expect(page.get_by_text("Je bent ingeschreven.")).to_be_visible()
    expect(page.get_by_text("0 van de 1 bijeenkomsten bijgewoond")).to_be_visible()
    assert Enrolment.objects.get(user=resident).organisation == organisation
    browser_page.after(lambda: page.get_by_role("link", name="Afmelden").first.click())
    browser_page.after(lambda: page.get_by_role("button", name="Ja, meld me af").click())
    expect(page.get_by_text("Je bent afgemeld.")).to_be_visible()

    # The admin enrols a colleague (an empty form first).
    browser_page.after(lambda: page.get_by_role("link", name="Welzijn Zuid").click())
    browser_page.after(lambda: page.get_by_role("button", name="Aanmelden").click())
    expect(page.locator(".vk-error-summary")).to_contain_text("Kies een medewerker.")
    page.get_by_label("Medewerker").select_option(label="Carla Collega")
    page.get_by_label("Cursus en startdatum").select_option(index=1)
    browser_page.after(lambda: page.get_by_role("button", name="Aanmelden").click())
    expect(page.get_by_text("Carla Collega is aangemeld.")).to_be_visible()
    assert Enrolment.objects.get(user=colleague).status == Status.ENROLLED


def test_the_coordinator_runs_the_catalogue(browser_page, region):
    page = browser_page.page
    coordinator = _named(UserFactory(roles=(Role.TRAINING_COORDINATOR,)), "Ingrid Coördinator")
    EventFactory(kind=EventKind.TRAINING, title="Intervisie 1")
    other = CourseFactory(title="Basis")
    coaching = CourseFactory(title="Implementatiecoach", requires_approval=True)
    requests_cohort = CohortFactory(course=coaching, title="Leergang voorjaar")
    EnrolmentFactory(cohort=requests_cohort, status=Status.REQUESTED, user=_named(UserFactory(), "Ja Mens"))
    EnrolmentFactory(cohort=requests_cohort, status=Status.REQUESTED, user=_named(UserFactory(), "Nee Mens"))
    log_in(browser_page, coordinator)

    # A new course (an empty form first), published at once.
    browser_page.visit("/scholing/beheer/")
    browser_page.after(lambda: page.get_by_role("link", name="Cursussen en groepen").click())
    browser_page.after(lambda: page.get_by_role("link", name="Nieuwe cursus").click())
    browser_page.after(lambda: page.get_by_role("button", name="Cursus bewaren").click())
    expect(page.locator(".vk-error-summary")).to_contain_text("Geef de cursus een naam.")
    page.get_by_label("Naam van de cursus").fill("Intervisie voor professionals")
    page.get_by_label("Korte naam in het webadres").fill("intervisie-professionals")
    page.get_by_label("In een paar zinnen").fill("Samen leren van je eigen gesprekken.")
    page.get_by_label("Wat leer je?").fill("Vier bijeenkomsten in een vaste groep.")
    page.get_by_label("Voor wie").select_option(label="professionals")
    page.get_by_label("Vorm").select_option(label="intervisiegroep")
    page.get_by_label("Hoe lang duurt het?").fill("4 avonden")
    page.get_by_label("Wie betaalt?").select_option(label="betaald uit het scholingsplan")
    page.get_by_label("Kosten per plaats in euro").fill("150")
    page.get_by_label("Minimaal aantal bijeenkomsten bijgewoond").fill("3")
    page.get_by_label("Meteen publiceren in de catalogus").check()
    browser_page.after(lambda: page.get_by_role("button", name="Cursus bewaren").click())
    expect(page.get_by_text("De cursus is bewaard.")).to_be_visible()
    course = Course.objects.get(slug="intervisie-professionals")
    assert course.is_published and course.seat_cost_cents == 15000

    # A cohort with a meeting from the agenda (a missing start date first).
    browser_page.after(lambda: page.get_by_role("link", name="Nieuwe groep").click())
    page.get_by_label("Naam van de groep").fill("Voorjaar")
    browser_page.after(lambda: page.get_by_role("button", name="Groep bewaren").click())
    expect(page.locator(".vk-error-summary")).to_contain_text("Vul de begindatum in.")
    page.get_by_label("Begint op").fill("2030-03-01")
    page.get_by_label("Aantal plaatsen").fill("8")
    page.get_by_label("Intervisie 1", exact=False).check()
    browser_page.after(lambda: page.get_by_role("button", name="Groep bewaren").click())
    expect(page.get_by_text("De groep is bewaard.")).to_be_visible()
    assert Cohort.objects.get(title="Voorjaar").meetings.count() == 1

    # Withdraw and publish again from the list.
    browser_page.visit("/scholing/beheer/cursussen/")
    browser_page.after(
        lambda: page.get_by_role(
            "button", name="Uit de catalogus halen Intervisie voor professionals"
        ).click()
    )
    expect(page.get_by_text("De cursus is uit de catalogus.")).to_be_visible()
    browser_page.after(
        lambda: page.get_by_role("button", name="Publiceren Intervisie voor professionals").click()
    )
    expect(page.get_by_text("De cursus staat in de catalogus.")).to_be_visible()

    # A learning path (one course only first).
    browser_page.visit("/scholing/beheer/leerlijnen/")
    browser_page.after(lambda: page.get_by_role("link", name="Nieuwe leerlijn").click())
    page.get_by_label("Naam van de leerlijn").fill("Van basis tot intervisie")
    page.get_by_label("Korte naam in het webadres").fill("basis-intervisie")
    page.get_by_label("In een paar zinnen").fill("Eerst de basis, dan intervisie.")
    page.get_by_label("Plaats van „Basis”").fill("1")
    browser_page.after(lambda: page.get_by_role("button", name="Leerlijn bewaren").click())
    expect(page.locator(".vk-error-summary")).to_contain_text("minstens twee cursussen")
    page.get_by_label("Plaats van „Intervisie voor professionals”").fill("2")
    browser_page.after(lambda: page.get_by_role("button", name="Leerlijn bewaren").click())
    expect(page.get_by_text("De leerlijn is bewaard.")).to_be_visible()
    assert [s.course for s in LearningPath.objects.get().steps.order_by("order")] == [other, course]

    # The approval queue: approve one, decline the other (without a reason first).
    browser_page.visit("/scholing/beheer/aanvragen/")
    browser_page.after(lambda: page.get_by_role("button", name="Goedkeuren Ja Mens").click())
    expect(page.get_by_text("Ja Mens: ingeschreven.")).to_be_visible()
    browser_page.after(lambda: page.get_by_role("button", name="Afwijzen Nee Mens").click())
    expect(page.get_by_text("Schrijf kort op waarom.")).to_be_visible()
    page.get_by_label("Waarom niet? Nee Mens").fill("Eerst de basiscursus, graag.")
    browser_page.after(lambda: page.get_by_role("button", name="Afwijzen Nee Mens").click())
    expect(page.get_by_text("Nee Mens is niet toegelaten.")).to_be_visible()

    # The cohort's list: mark completed, take someone out.
    EnrolmentFactory(cohort=requests_cohort, user=_named(UserFactory(), "Weg Mens"))
    browser_page.visit(f"/scholing/beheer/groepen/{requests_cohort.pk}/deelnemers/")
    browser_page.after(lambda: page.get_by_role("button", name="Afgerond Ja Mens").click())
    expect(page.get_by_text("Ja Mens heeft de cursus afgerond.")).to_be_visible()
    browser_page.after(lambda: page.get_by_role("button", name="Uit de groep halen Weg Mens").click())
    expect(page.get_by_text("Weg Mens staat niet meer in de groep.")).to_be_visible()
    statuses = dict(
        Enrolment.objects.filter(cohort=requests_cohort).values_list("user__profile__display_name", "status")
    )
    assert statuses == {
        "Ja Mens": Status.COMPLETED,
        "Nee Mens": Status.DECLINED,
        "Weg Mens": Status.CANCELLED,
    }
