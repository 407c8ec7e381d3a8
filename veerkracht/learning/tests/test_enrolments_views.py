"""Enrolling from the course page, cancelling, "Mijn scholing", an organisation admin enrolling staff,
and the coordinator's approval queue and cohort list. Each page: who may not, bad input, query counts."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from veerkracht.accounts.models import MembershipRole, Role
from veerkracht.accounts.services import membership_set
from veerkracht.accounts.tests.factories import OrganisationFactory, UserFactory
from veerkracht.learning.models import Enrolment, EnrolmentStatus, LearningPath, PathStep
from veerkracht.learning.tests.factories.catalogue import CohortFactory, CourseFactory, EnrolmentFactory

pytestmark = pytest.mark.django_db
Status = EnrolmentStatus


@pytest.fixture
def coordinator(region):
    return UserFactory(roles=(Role.TRAINING_COORDINATOR,))


def _queries(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def _messages(response) -> str:
    return " ".join(str(m) for m in response.context["messages"]) if response.context else ""


def test_enrolling_needs_a_login_and_a_post(client, client_for, region, resident):
    cohort = CohortFactory()
    url = reverse("learning:enrol", args=[cohort.pk])
    assert client.post(url).status_code == 302 and not Enrolment.objects.exists()
    assert client_for(resident).get(url).status_code == 405
    assert client_for(resident).post(reverse("learning:enrol", args=[999999])).status_code == 404
    hidden = CohortFactory(course=CourseFactory(published_at=None))
    assert client_for(resident).post(reverse("learning:enrol", args=[hidden.pk])).status_code == 404


def test_a_learner_enrols_then_a_double_submit_says_so(client_for, region, resident):
    cohort = CohortFactory()
    client = client_for(resident)
    response = client.post(reverse("learning:enrol", args=[cohort.pk]), follow=True)
    assert "Je bent ingeschreven" in response.content.decode()
    response = client.post(reverse("learning:enrol", args=[cohort.pk]), follow=True)
    assert "staat al bij deze groep" in response.content.decode()
    assert Enrolment.objects.get().status == Status.ENROLLED


def test_a_full_cohort_gives_a_waiting_place_and_a_closed_one_a_message(client_for, region, resident):
    full = CohortFactory(capacity=1)
    EnrolmentFactory(cohort=full)
    client = client_for(resident)
    response = client.post(reverse("learning:enrol", args=[full.pk]), follow=True)
    assert "wachtlijst" in response.content.decode()
    closed = CohortFactory(enrol_until=timezone.localdate() - timedelta(days=1))
    response = client.post(reverse("learning:enrol", args=[closed.pk]), follow=True)
    assert "aanmeldtermijn is voorbij" in response.content.decode()
    assert not Enrolment.objects.filter(cohort=closed).exists()


def test_a_learner_names_their_own_organisation_but_not_someone_elses(client_for, region, resident):
    mine, other = OrganisationFactory(), OrganisationFactory()
    membership_set(organisation=mine, user=resident, role=MembershipRole.MEMBER)
    cohort = CohortFactory()
    client = client_for(resident)
    response = client.post(
        reverse("learning:enrol", args=[cohort.pk]), {"organisation": other.pk}, follow=True
    )
    assert "Kies een organisatie waar je bij hoort" in response.content.decode()
    client.post(reverse("learning:enrol", args=[cohort.pk]), {"organisation": mine.pk})
    assert Enrolment.objects.get().organisation == mine


def test_cancelling_asks_first_and_is_only_for_the_learner(client_for, region, resident, outsider):
    enrolment = EnrolmentFactory(user=resident)
    url = reverse("learning:cancel", args=[enrolment.pk])
    assert client_for(outsider).get(url).status_code == 404
    assert client_for(outsider).post(url).status_code == 404
    client = client_for(resident)
    assert "Ja, meld me af" in client.get(url).content.decode()
    response = client.post(url, follow=True)
    assert "Je bent afgemeld" in response.content.decode()
    response = client.post(url, follow=True)  # twice: a message, no error page
    assert response.status_code == 200 and "al afgemeld" in response.content.decode()


def test_my_learning_shows_status_requirements_the_reason_and_the_next_course(
    client, client_for, region, resident
):
    assert client.get(reverse("learning:mine")).status_code == 302
    basis, gesprek = CourseFactory(title="Basis"), CourseFactory(title="Het andere gesprek voeren")
    blended = CourseFactory(title="Blended", min_meetings=2)
    path = LearningPath.objects.create(region=region, slug="lijn", title="De leerlijn", summary="S")
    PathStep.objects.create(path=path, course=basis, order=1)
    PathStep.objects.create(path=path, course=gesprek, order=2)
    EnrolmentFactory(user=resident, cohort=CohortFactory(course=basis), status=Status.COMPLETED)
    EnrolmentFactory(user=resident, cohort=CohortFactory(course=blended))
    EnrolmentFactory(
        user=resident, cohort=CohortFactory(), status=Status.DECLINED, decline_reason="Alleen voor coaches"
    )
    html = client_for(resident).get(reverse("learning:mine")).content.decode()
    assert "Het andere gesprek voeren" in html and "de volgende cursus van de leerlijn De leerlijn" in html
    assert "0 van de 2 bijeenkomsten bijgewoond" in html and "Alleen voor coaches" in html
    assert "Mijn scholing" in html  # in the menu now
    full = CohortFactory(capacity=0)
    EnrolmentFactory(cohort=full, status=Status.WAITING)
    EnrolmentFactory(cohort=full, status=Status.WAITING, user=resident)
    html = client_for(resident).get(reverse("learning:mine")).content.decode()
    assert "Op de wachtlijst (nummer 2)" in html


def test_an_organisation_admin_enrols_staff_and_nobody_else_can(client_for, region, resident, outsider):
    organisation = OrganisationFactory()
    membership_set(organisation=organisation, user=resident, role=MembershipRole.ADMIN)
    colleague = UserFactory()
    membership_set(organisation=organisation, user=colleague, role=MembershipRole.MEMBER)
    membership_set(organisation=organisation, user=outsider, role=MembershipRole.MEMBER)
    cohort = CohortFactory()
    url = reverse("learning:organisation", args=[organisation.pk])
    assert client_for(outsider).get(url).status_code == 404  # a member, not an admin
    assert client_for(colleague).post(url, {"user": colleague.pk, "cohort": cohort.pk}).status_code == 404
    client = client_for(resident)
    assert client.post(url, {"user": colleague.pk, "cohort": cohort.pk}).status_code == 302
    enrolment = Enrolment.objects.get(user=colleague)
    assert enrolment.enrolled_by == resident and enrolment.organisation == organisation
    response = client.post(url, {"user": colleague.pk, "cohort": cohort.pk})
    assert response.status_code == 400 and "staat al bij deze groep" in response.content.decode()
    stranger = UserFactory()
    response = client.post(url, {"user": stranger.pk, "cohort": "abc"})
    assert response.status_code == 400 and not Enrolment.objects.filter(user=stranger).exists()


def test_the_approval_queue_is_for_coordinators_with_constant_queries(
    client, client_for, region, resident, staff, coordinator
):
    url = reverse("learning:manage_queue")
    assert client.get(url).status_code == 302
    for user in (resident, staff):
        assert client_for(user).get(url).status_code == 404
    course = CourseFactory(requires_approval=True)
    EnrolmentFactory(cohort=CohortFactory(course=course), status=Status.REQUESTED)
    client = client_for(coordinator)
    few = _queries(client, url)
    for _ in range(4):
        EnrolmentFactory(cohort=CohortFactory(course=course), status=Status.REQUESTED)
    assert _queries(client, url) == few


def test_approving_and_declining_from_the_queue(client_for, region, resident, coordinator):
    cohort = CohortFactory(course=CourseFactory(requires_approval=True))
    yes = EnrolmentFactory(cohort=cohort, status=Status.REQUESTED)
    no = EnrolmentFactory(cohort=cohort, status=Status.REQUESTED)
    assert client_for(resident).post(reverse("learning:manage_approve", args=[yes.pk])).status_code == 404
    assert client_for(resident).post(reverse("learning:manage_decline", args=[no.pk])).status_code == 404
    client = client_for(coordinator)
    client.post(reverse("learning:manage_approve", args=[yes.pk]))
    response = client.post(reverse("learning:manage_decline", args=[no.pk]), {"reason": ""}, follow=True)
    assert "Schrijf kort op waarom" in response.content.decode()
    client.post(reverse("learning:manage_decline", args=[no.pk]), {"reason": "Eerst de basiscursus"})
    response = client.post(reverse("learning:manage_approve", args=[yes.pk]), follow=True)  # double submit
    assert "al besloten" in response.content.decode()
    yes.refresh_from_db()
    no.refresh_from_db()
    assert (yes.status, no.status, no.decline_reason) == (
        Status.ENROLLED,
        Status.DECLINED,
        "Eerst de basiscursus",
    )


def test_the_cohort_list_shows_status_and_completion_and_lets_the_coordinator_act(
    client_for, region, resident, coordinator
):
    cohort = CohortFactory(capacity=1)
    seated = EnrolmentFactory(cohort=cohort)
    waiting = EnrolmentFactory(cohort=cohort, status=Status.WAITING)
    url = reverse("learning:manage_cohort_enrolments", args=[cohort.pk])
    assert client_for(resident).get(url).status_code == 404
    for name in ("manage_complete", "manage_remove"):
        assert client_for(resident).post(reverse(f"learning:{name}", args=[seated.pk])).status_code == 404
    client = client_for(coordinator)
    few = _queries(client, url)
    EnrolmentFactory(cohort=cohort, status=Status.WAITING)
    EnrolmentFactory(cohort=cohort, status=Status.CANCELLED)
    assert _queries(client, url) == few
    client.post(reverse("learning:manage_complete", args=[seated.pk]))
    seated.refresh_from_db()
    assert seated.status == Status.COMPLETED
    response = client.post(reverse("learning:manage_remove", args=[seated.pk]), follow=True)
    assert "al afgemeld of is afgerond" in response.content.decode()
    client.post(reverse("learning:manage_remove", args=[waiting.pk]))
    waiting.refresh_from_db()
    assert waiting.status == Status.CANCELLED
