"""The catalogue, a course's page and learning paths (for everyone), and the coordinator's pages for
courses, cohorts and learning paths (for training coordinators and region admins only)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from veerkracht.accounts.models import Role
from veerkracht.accounts.tests.factories import UserFactory
from veerkracht.agenda.models import EventKind
from veerkracht.agenda.tests.factories import EventFactory
from veerkracht.core.models import AuditLogEntry
from veerkracht.learning.models import Cohort, Course, CourseFormat, EnrolmentStatus, LearningPath, PathStep
from veerkracht.learning.tests.factories.catalogue import CohortFactory, CourseFactory, EnrolmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(region):
    return UserFactory(roles=(Role.TRAINING_COORDINATOR,))


def _queries(client, url) -> int:
    client.get(url)  # the first request of a session does more (the session itself)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def test_the_catalogue_shows_cost_accreditation_and_places_left_and_filters(client, region):
    subregions = list(region.subregions.order_by("name"))
    course = CourseFactory(
        title="Het andere gesprek voeren",
        accreditation_register="Accreditatiebureau Sociaal Domein",
        accreditation_points=4,
        format=CourseFormat.BLENDED,
    )
    cohort = CohortFactory(course=course, capacity=3, subregion=subregions[0])
    EnrolmentFactory(cohort=cohort)
    CourseFactory(title="Niet gepubliceerd", published_at=None)
    other = CourseFactory(
        title="Vrijwilligers", target_group="volunteer", cost_kind="free", seat_cost_cents=0
    )
    CohortFactory(course=other, subregion=subregions[1])
    html = client.get(reverse("learning:catalogue")).content.decode()
    assert "Het andere gesprek voeren" in html and "Niet gepubliceerd" not in html
    assert (
        "Accreditatiebureau Sociaal Domein" in html
        and "Betaald uit het scholingsplan: € 250 per plaats" in html
        and "nog 2 plaatsen" in html
    )
    html = client.get(reverse("learning:catalogue"), {"target_group": "volunteer"}).content.decode()
    assert "Vrijwilligers" in html and "Het andere gesprek" not in html
    html = client.get(reverse("learning:catalogue"), {"subregion": subregions[1].slug}).content.decode()
    assert "Vrijwilligers" in html and "Het andere gesprek" not in html
    # An online cohort (no subregion) matches every subregion.
    CohortFactory(course=course, subregion=None)
    html = client.get(reverse("learning:catalogue"), {"subregion": subregions[1].slug}).content.decode()
    assert "Het andere gesprek" in html


def test_a_bad_query_string_is_ignored_not_an_error(client, region):
    CourseFactory(title="Basis")
    response = client.get(
        reverse("learning:catalogue"), {"format": "nope", "subregion": "x" * 500, "page": "'"}
    )
    assert response.status_code == 200 and "Basis" in response.content.decode()


def test_the_catalogue_takes_the_same_number_of_queries_for_more_courses(client, region):
    for _ in range(2):
        EnrolmentFactory(cohort=CohortFactory())
    few = _queries(client, reverse("learning:catalogue"))
    for _ in range(6):
        cohort = CohortFactory()
        CohortFactory(course=cohort.course)
        EnrolmentFactory(cohort=cohort)
    assert _queries(client, reverse("learning:catalogue")) == few


def test_the_course_page_says_how_to_complete_lists_cohorts_and_paths(client, client_for, region, resident):
    course = CourseFactory(slug="gesprek", requires_elearning=True, min_meetings=3)
    cohort = CohortFactory(course=course, capacity=1)
    cohort.meetings.set([EventFactory(kind=EventKind.TRAINING) for _ in range(4)])
    EnrolmentFactory(cohort=cohort)
    EnrolmentFactory(cohort=cohort, status=EnrolmentStatus.WAITING)
    path = LearningPath.objects.create(
        region=region, slug="lijn", title="Van basis tot coach", summary="Samen"
    )
    PathStep.objects.create(path=path, course=course, order=1)
    html = client.get(reverse("learning:course", args=["gesprek"])).content.decode()
    assert (
        "Je rondt de cursus af als je de e-learning haalt en minstens 3 van de 4 bijeenkomsten bijwoont."
        in html
    )
    assert "Van basis tot coach" in html, html
    assert "1 persoon op de wachtlijst" in html, html
    assert "Log in om je aan te melden" in html
    assert (
        "Op de wachtlijst"
        in client_for(resident).get(reverse("learning:course", args=["gesprek"])).content.decode()
    )


def test_the_course_page_takes_the_same_number_of_queries_for_more_cohorts(client_for, region, resident):
    course = CourseFactory(slug="basis")
    CohortFactory(course=course)
    client = client_for(resident)
    few = _queries(client, reverse("learning:course", args=["basis"]))
    for _ in range(5):
        EnrolmentFactory(cohort=CohortFactory(course=course))
    EnrolmentFactory(cohort=CohortFactory(course=course), user=resident)
    assert _queries(client, reverse("learning:course", args=["basis"])) == few


def test_an_unknown_or_unpublished_course_and_an_unknown_path_are_404(client, region):
    CourseFactory(slug="verborgen", published_at=None)
    assert client.get(reverse("learning:course", args=["bestaat-niet"])).status_code == 404
    assert client.get(reverse("learning:course", args=["verborgen"])).status_code == 404
    assert client.get(reverse("learning:path", args=["bestaat-niet"])).status_code == 404


def test_a_learning_path_shows_its_chain_and_what_the_learner_completed(client_for, region, resident):
    basis, gesprek = CourseFactory(title="Basis"), CourseFactory(title="Gesprek")
    path = LearningPath.objects.create(region=region, slug="lijn", title="Leerlijn", summary="Na elkaar")
    PathStep.objects.create(path=path, course=basis, order=1)
    PathStep.objects.create(path=path, course=gesprek, order=2)
    EnrolmentFactory(cohort=CohortFactory(course=basis), user=resident, status=EnrolmentStatus.COMPLETED)
    html = client_for(resident).get(reverse("learning:path", args=["lijn"])).content.decode()
    assert html.index("Basis") < html.index("Gesprek") and html.count("(afgerond)") == 1
    assert "Basis → Gesprek" in client_for(resident).get(reverse("learning:paths")).content.decode()


MANAGE_PAGES = [
    ("learning:manage", []),
    ("learning:manage_courses", []),
    ("learning:manage_course_create", []),
    ("learning:manage_paths", []),
    ("learning:manage_path_create", []),
]


@pytest.mark.parametrize(("name", "args"), MANAGE_PAGES)
def test_the_coordinators_pages_are_404_for_everyone_else(
    client, client_for, region, resident, staff, name, args
):
    url = reverse(name, args=args)
    assert client.get(url).status_code == 302
    for user in (resident, staff):
        assert client_for(user).get(url).status_code == 404


def test_course_cohort_and_path_pages_of_the_coordinator_are_404_for_others(
    client_for, region, resident, staff
):
    cohort = CohortFactory()
    path = LearningPath.objects.create(region=region, slug="l", title="L", summary="S")
    urls = [
        reverse("learning:manage_course", args=[cohort.course_id]),
        reverse("learning:manage_cohort_create", args=[cohort.course_id]),
        reverse("learning:manage_cohort", args=[cohort.pk]),
        reverse("learning:manage_path", args=[path.pk]),
    ]
    for url in urls:
        for user in (resident, staff):
            assert client_for(user).get(url).status_code == 404
    assert (
        client_for(resident)
        .post(reverse("learning:manage_course_publish", args=[cohort.course_id]))
        .status_code
        == 404
    )


def test_the_index_lists_the_registered_management_pages(client_for, coordinator, region_admin):
    for user in (coordinator, region_admin):
        html = client_for(user).get(reverse("learning:manage")).content.decode()
        assert reverse("learning:manage_courses") in html and reverse("learning:manage_queue") in html


def _course_data(**changes) -> dict:
    data = {
        "title": "Basis Positieve Gezondheid",
        "slug": "basis",
        "summary": "Wat is Positieve Gezondheid?",
        "description": "Je leert het gesprek.",
        "target_group": "professional",
        "format": "elearning",
        "duration": "4 uur",
        "study_hours": "4",
        "cost_kind": "plan",
        "seat_cost": "125.50",
        "accreditation_register": "",
        "accreditation_points": "",
        "min_meetings": "0",
        "requires_elearning": "on",
        "publish": "on",
    }
    return data | changes


def test_a_coordinator_creates_publishes_and_edits_a_course(client_for, coordinator, region):
    client = client_for(coordinator)
    response = client.post(reverse("learning:manage_course_create"), _course_data())
    course = Course.objects.get(slug="basis")
    assert response.status_code == 302 and course.is_published and course.seat_cost_cents == 12550
    assert course.requires_elearning and course.created_by == coordinator
    assert AuditLogEntry.objects.filter(code="learning.course.created").exists()
    response = client.post(
        reverse("learning:manage_course", args=[course.pk]), _course_data(title="Basis PG", publish="")
    )
    course.refresh_from_db()
    assert course.title == "Basis PG" and course.published_at is None


def test_bad_course_input_comes_back_with_a_message_and_saves_nothing(client_for, coordinator, region):
    client = client_for(coordinator)
    CourseFactory(slug="basis")
    for data in (
        _course_data(title=""),
        _course_data(slug="basis"),
        _course_data(slug="mijn"),
        _course_data(accreditation_points="3"),
        _course_data(cost_kind="free"),
    ):
        response = client.post(reverse("learning:manage_course_create"), data)
        assert response.status_code == 400, data
        assert (
            "utrecht-form-field-error-message" in response.content.decode()
            or "vk-error" in response.content.decode()
        )
    assert Course.objects.count() == 1


def test_a_coordinator_makes_a_cohort_with_meetings_from_the_agenda(client_for, coordinator, region):
    course = CourseFactory()
    event = EventFactory(kind=EventKind.TRAINING)
    EventFactory(kind=EventKind.INSPIRATION, title="Geen training")
    client = client_for(coordinator)
    url = reverse("learning:manage_cohort_create", args=[course.pk])
    assert "Geen training" not in client.get(url).content.decode()
    start = (timezone.localdate() + timedelta(days=30)).isoformat()
    data = {"title": "Voorjaar", "starts_on": start, "capacity": "8", "meetings": [event.pk]}
    response = client.post(url, data)
    assert response.status_code == 302
    cohort = Cohort.objects.get(title="Voorjaar")
    assert list(cohort.meetings.all()) == [event] and cohort.capacity == 8
    late = (timezone.localdate() + timedelta(days=40)).isoformat()
    response = client.post(reverse("learning:manage_cohort", args=[cohort.pk]), data | {"enrol_until": late})
    assert response.status_code == 400 and "voor de groep begint" in response.content.decode()
    response = client.post(url, data | {"starts_on": "morgen"})
    assert response.status_code == 400


def test_a_coordinator_orders_a_learning_path(client_for, coordinator, region):
    basis, gesprek, coach = CourseFactory(), CourseFactory(), CourseFactory()
    client = client_for(coordinator)
    data = {"title": "Leerlijn", "slug": "leerlijn", "summary": "Na elkaar"}
    data |= {f"course_{basis.pk}": "1", f"course_{gesprek.pk}": "2", f"course_{coach.pk}": "3"}
    assert client.post(reverse("learning:manage_path_create"), data).status_code == 302
    path = LearningPath.objects.get(slug="leerlijn")
    assert [s.course_id for s in path.steps.order_by("order")] == [basis.pk, gesprek.pk, coach.pk]
    data |= {f"course_{basis.pk}": "3", f"course_{coach.pk}": ""}
    assert client.post(reverse("learning:manage_path", args=[path.pk]), data).status_code == 302
    assert [s.course_id for s in path.steps.order_by("order")] == [gesprek.pk, basis.pk]
    data |= {f"course_{basis.pk}": ""}
    response = client.post(reverse("learning:manage_path", args=[path.pk]), data)
    assert response.status_code == 400 and "minstens twee" in response.content.decode()


def test_the_course_list_of_the_coordinator_has_a_constant_number_of_queries(client_for, coordinator, region):
    client = client_for(coordinator)
    CohortFactory()
    few = _queries(client, reverse("learning:manage_courses"))
    for _ in range(5):
        CohortFactory()
    assert _queries(client, reverse("learning:manage_courses")) == few
    course = CourseFactory(published_at=timezone.now())
    client.post(reverse("learning:manage_course_publish", args=[course.pk]), {"publish": "0"})
    course.refresh_from_db()
    assert course.published_at is None


def test_a_card_shows_the_first_three_start_dates_and_how_many_more(client, region):
    course = CourseFactory(title="Veel groepen")
    for weeks in range(5):
        CohortFactory(course=course, starts_on=timezone.localdate() + timedelta(weeks=weeks + 1))
    CohortFactory(course=course, starts_on=timezone.localdate() - timedelta(days=3))  # already started
    html = client.get(reverse("learning:catalogue")).content.decode()
    assert "en nog 2 startdatums" in html


def test_no_course_can_take_the_address_of_another_page_under_scholing():
    from veerkracht.learning import urls
    from veerkracht.learning.services.catalogue import RESERVED_SLUGS

    firsts = {
        str(pattern.pattern).split("/")[0]
        for pattern in urls.urlpatterns
        if str(pattern.pattern) and not str(pattern.pattern).startswith("<")
    }
    assert firsts <= RESERVED_SLUGS, firsts - RESERVED_SLUGS
