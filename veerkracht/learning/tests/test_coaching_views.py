"""Implementation coaching: who sees a plan (its coaches, its admins, coordinators; everyone else 404),
what each may change, the contact log, and the coordinator's page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from veerkracht.accounts.models import Role
from veerkracht.accounts.tests.factories import OrganisationFactory, UserFactory
from veerkracht.learning.models import CoachingContact, CoachLink, ImplementationPlan, PlanStep
from veerkracht.learning.services import coaching as services

from .factories.coaching import link_coach, make_coach, make_org_admin

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(region):
    return UserFactory(roles=(Role.TRAINING_COORDINATOR,))


@pytest.fixture
def link(region):
    return link_coach(organisation=OrganisationFactory(name="Wijkteam Oost"))


@pytest.fixture
def step(link):
    return services.plan_step_add(organisation=link.organisation, text="Teamdag plannen", owner="teamleider")


def _every_url(org_pk: int, step_pk: int, link_pk: int) -> list[tuple[str, str]]:
    return [
        ("get", reverse("learning:coaching_plan", args=[org_pk])),
        ("post", reverse("learning:coaching_goals", args=[org_pk])),
        ("post", reverse("learning:coaching_step_add", args=[org_pk])),
        ("post", reverse("learning:coaching_step_done", args=[org_pk, step_pk])),
        ("get", reverse("learning:coaching_contact_add", args=[org_pk])),
        ("post", reverse("learning:coaching_contact_add", args=[org_pk])),
    ]


def test_coaches_and_admins_of_other_organisations_and_learners_get_404(client_for, link, step, professional):
    other = link_coach()
    other_admin = make_org_admin(other.organisation)
    former = link_coach(organisation=link.organisation, days_ago=100)
    CoachLink.objects.filter(pk=former.pk).update(ends_on=timezone.localdate() - timedelta(days=1))
    member = UserFactory()
    for user in (other.coach, other_admin, professional, former.coach, member, make_coach()):
        client = client_for(user)
        for method, url in _every_url(link.organisation_id, step.pk, link.pk):
            assert getattr(client, method)(url).status_code == 404, (user, url)
    assert step.__class__.objects.get().done_on is None


def test_the_coach_sees_and_changes_the_plan(client_for, link, step):
    client = client_for(link.coach)
    page = client.get(reverse("learning:coaching_plan", args=[link.organisation_id]))
    assert page.status_code == 200 and "Teamdag plannen" in page.content.decode()
    response = client.post(
        reverse("learning:coaching_goals", args=[link.organisation_id]), {"goals": "Het andere gesprek"}
    )
    assert response.status_code == 302
    assert ImplementationPlan.objects.get().goals == "Het andere gesprek"
    client.post(
        reverse("learning:coaching_step_add", args=[link.organisation_id]),
        {"text": "Intervisie starten", "owner": "", "due_on": "2030-01-31"},
    )
    assert PlanStep.objects.filter(text="Intervisie starten", due_on__year=2030).exists()


def test_org_admins_read_and_tick_off_steps_but_change_nothing_else(client_for, link, step):
    admin = make_org_admin(link.organisation)
    client = client_for(admin)
    page = client.get(reverse("learning:coaching_plan", args=[link.organisation_id])).content.decode()
    assert "Teamdag plannen" in page and "Doelen opslaan" not in page and "Contact toevoegen" not in page
    url = reverse("learning:coaching_step_done", args=[link.organisation_id, step.pk])
    assert client.post(url, {"done": "1"}).status_code == 302
    step.refresh_from_db()
    assert step.done_on == timezone.localdate()
    client.post(url, {"done": "1"})  # twice: the first date stays
    for name in ("coaching_goals", "coaching_step_add", "coaching_contact_add"):
        assert client.post(reverse(f"learning:{name}", args=[link.organisation_id]), {}).status_code == 404
    client.post(url, {"done": "0"})
    step.refresh_from_db()
    assert step.done_on is None


def test_a_step_of_another_organisation_is_404(client_for, link, step):
    other = link_coach()
    foreign = services.plan_step_add(organisation=other.organisation, text="Niet van jou")
    url = reverse("learning:coaching_step_done", args=[link.organisation_id, foreign.pk])
    assert client_for(link.coach).post(url, {"done": "1"}).status_code == 404
    huge = f"/scholing/coaching/{link.organisation_id}/stappen/{2**70}/"
    assert client_for(link.coach).post(huge, {"done": "1"}).status_code == 404
    assert client_for(link.coach).get(f"/scholing/coaching/{2**70}/").status_code == 404


def test_a_contact_is_logged_with_its_author(client_for, link):
    client = client_for(link.coach)
    url = reverse("learning:coaching_contact_add", args=[link.organisation_id])
    assert client.get(url).status_code == 200
    data = {
        "happened_on": timezone.localdate().isoformat(),
        "kind": "visit",
        "hours": "1,5",
        "notes": "Goed gesprek.",
    }
    assert client.post(url, data).status_code == 302
    contact = CoachingContact.objects.get()
    assert contact.author == link.coach and str(contact.hours) == "1.5"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"hours": "0"}, "Vul minstens een half uur in."),
        ({"hours": "veel"}, "Vul een getal in"),
        ({"notes": ""}, "Schrijf kort wat er is gebeurd."),
        ({"kind": "feest"}, "Kies een soort uit de lijst."),
        ({"happened_on": "2999-01-01"}, "Een contact kan niet in de toekomst liggen."),
        ({"happened_on": "morgen"}, "Vul een datum in als dag-maand-jaar."),
    ],
)
def test_a_bad_contact_comes_back_with_a_message(client_for, link, changes, message):
    data = {"happened_on": "2024-03-01", "kind": "call", "hours": "1", "notes": "Gebeld."} | changes
    response = client_for(link.coach).post(
        reverse("learning:coaching_contact_add", args=[link.organisation_id]), data
    )
    assert response.status_code == 200 and message in response.content.decode()
    assert not CoachingContact.objects.exists()


def test_a_bad_step_comes_back_with_a_message(client_for, link):
    response = client_for(link.coach).post(
        reverse("learning:coaching_step_add", args=[link.organisation_id]),
        {"text": "", "due_on": "31-31-2024"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Schrijf op wat er is afgesproken." in page and "Vul een datum in als dag-maand-jaar." in page
    assert not PlanStep.objects.exists()


def test_my_organisations_lists_what_the_coach_coaches_in_constant_queries(
    client_for, link, django_assert_max_num_queries
):
    client = client_for(link.coach)
    url = reverse("learning:coaching_mine")
    assert "Wijkteam Oost" in client.get(url).content.decode()
    for _ in range(4):
        more = link_coach(coach=link.coach)
        services.coaching_contact_add(
            organisation=more.organisation,
            happened_on=timezone.localdate(),
            kind="call",
            hours=1,
            notes="x",
            author=link.coach,
        )
    with django_assert_max_num_queries(9):
        response = client.get(url)
    assert response.content.decode().count("Laatste contact") == 4


def test_the_menu_shows_my_organisations_to_coaches_only(client_for, link, professional):
    assert "Mijn organisaties" in client_for(link.coach).get("/").content.decode()
    assert "Mijn organisaties" not in client_for(professional).get("/").content.decode()


def test_the_coordinator_links_and_unlinks_a_coach(client_for, coordinator, region):
    coach = make_coach(display_name="Carla Coach")
    organisation = OrganisationFactory(name="Huisartsenpraktijk Zuid")
    client = client_for(coordinator)
    url = reverse("learning:coaching_manage")
    data = {"coach": coach.pk, "organisation": organisation.pk, "starts_on": "2024-01-01", "ends_on": ""}
    assert client.post(url, data).status_code == 302
    link = CoachLink.objects.get()
    assert link.assigned_by == coordinator and link.ends_on is None
    response = client.post(url, data)  # twice
    assert "Deze coach is al aan deze organisatie gekoppeld." in response.content.decode()
    assert CoachLink.objects.count() == 1
    page = client.get(url).content.decode()
    assert "Huisartsenpraktijk Zuid" in page and "Carla Coach" in page
    assert client.post(reverse("learning:coaching_link_end", args=[link.pk])).status_code == 302
    link.refresh_from_db()
    assert link.ends_on == timezone.localdate() - timedelta(days=1)
    assert client_for(coach).get(reverse("learning:coaching_plan", args=[organisation.pk])).status_code == 404


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"coach": ""}, "Kies een coach."),
        ({"organisation": "999999"}, "Kies een organisatie uit de lijst."),
        ({"ends_on": "2023-01-01"}, "De einddatum ligt voor de begindatum."),
        ({"starts_on": "nooit"}, "Vul een datum in als dag-maand-jaar."),
    ],
)
def test_a_bad_link_comes_back_with_a_message(client_for, coordinator, region, changes, message):
    coach, organisation = make_coach(), OrganisationFactory()
    data = {
        "coach": coach.pk,
        "organisation": organisation.pk,
        "starts_on": "2024-01-01",
        "ends_on": "",
    } | changes
    response = client_for(coordinator).post(reverse("learning:coaching_manage"), data)
    assert response.status_code == 400 and message in response.content.decode()
    assert not CoachLink.objects.exists()


def test_only_coaches_can_be_linked(client_for, coordinator, region, professional):
    data = {"coach": professional.pk, "organisation": OrganisationFactory().pk, "starts_on": "2024-01-01"}
    response = client_for(coordinator).post(reverse("learning:coaching_manage"), data)
    assert response.status_code == 400 and not CoachLink.objects.exists()


def test_the_coordinator_page_is_for_coordinators_only_and_constant_in_queries(
    client_for, coordinator, link, professional, django_assert_max_num_queries
):
    for user in (link.coach, make_org_admin(link.organisation), professional):
        assert client_for(user).get(reverse("learning:coaching_manage")).status_code == 404
        assert client_for(user).post(reverse("learning:coaching_link_end", args=[link.pk])).status_code == 404
    client = client_for(coordinator)
    client.get(reverse("learning:coaching_manage"))
    for _ in range(4):
        link_coach()
    with django_assert_max_num_queries(12):
        page = client.get(reverse("learning:coaching_manage")).content.decode()
    assert page.count("Koppeling stoppen") == 5


def test_coordinators_see_and_change_every_plan(client_for, coordinator, link, step):
    client = client_for(coordinator)
    assert client.get(reverse("learning:coaching_plan", args=[link.organisation_id])).status_code == 200
    url = reverse("learning:coaching_goals", args=[link.organisation_id])
    assert client.post(url, {"goals": "Doel"}).status_code == 302


def test_a_double_submit_logs_one_contact_and_one_step(client_for, link):
    client = client_for(link.coach)
    contact = {"happened_on": "2024-03-01", "kind": "call", "hours": "1", "notes": "Gebeld."}
    step = {"text": "Teamdag", "owner": "", "due_on": ""}
    for _ in range(2):
        client.post(reverse("learning:coaching_contact_add", args=[link.organisation_id]), contact)
        client.post(reverse("learning:coaching_step_add", args=[link.organisation_id]), step)
    assert CoachingContact.objects.count() == 1 and PlanStep.objects.count() == 1


def test_the_plan_page_takes_the_same_queries_however_long_the_log(client_for, link, step):
    client = client_for(link.coach)
    url = reverse("learning:coaching_plan", args=[link.organisation_id])
    client.get(url)
    with CaptureQueriesContext(connection) as first:
        client.get(url)
    for n in range(5):
        services.plan_step_add(organisation=link.organisation, text=f"Stap {n}")
        services.coaching_contact_add(
            organisation=link.organisation,
            happened_on=timezone.localdate(),
            kind="call",
            hours=1,
            notes=f"Contact {n}",
            author=make_coach(),
        )
    with CaptureQueriesContext(connection) as second:
        page = client.get(url).content.decode()
    assert len(second) == len(first) and "Contact 4" in page
