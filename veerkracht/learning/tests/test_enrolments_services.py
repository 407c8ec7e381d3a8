"""Enrolling: every status path, the waiting list in order, approval, cancelling that frees a seat for
the next person, meetings in the agenda, completion by meetings attended, and the race for the last place."""

from __future__ import annotations

import sqlite3
import threading
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.utils import timezone

from veerkracht.accounts.models import MembershipRole
from veerkracht.accounts.services import membership_set
from veerkracht.accounts.tests.factories import OrganisationFactory, UserFactory
from veerkracht.agenda.models import EventKind, Registration, RegistrationStatus
from veerkracht.agenda.services.attendees import registration_check_in, walk_in_add
from veerkracht.agenda.tests.factories import EventFactory
from veerkracht.core.models import AuditLogEntry, OutgoingMail
from veerkracht.learning.completion import requirements_for
from veerkracht.learning.models import Enrolment, EnrolmentStatus
from veerkracht.learning.services import enrolments as services
from veerkracht.learning.signals import enrolment_completed, enrolment_released, enrolment_seated
from veerkracht.learning.tests.factories.catalogue import CohortFactory, CourseFactory, EnrolmentFactory

pytestmark = pytest.mark.django_db
Status = EnrolmentStatus


@pytest.fixture
def received():
    got: list[tuple[str, int]] = []

    def make(name):
        def receiver(sender, enrolment, **kwargs):
            got.append((name, enrolment.pk))

        return receiver

    receivers = {"seated": make("seated"), "released": make("released"), "completed": make("completed")}
    enrolment_seated.connect(receivers["seated"])
    enrolment_released.connect(receivers["released"])
    enrolment_completed.connect(receivers["completed"])
    yield got
    enrolment_seated.disconnect(receivers["seated"])
    enrolment_released.disconnect(receivers["released"])
    enrolment_completed.disconnect(receivers["completed"])


def _mails_to(user) -> list[str]:
    return list(OutgoingMail.objects.filter(to=user.email).values_list("subject", flat=True))


def test_a_free_seat_enrols_at_once_sends_seated_and_a_confirmation(region, received):
    cohort = CohortFactory(capacity=2)
    user = UserFactory()
    enrolment = services.enrolment_request(cohort=cohort, user=user)
    assert enrolment.status == Status.ENROLLED
    assert received == [("seated", enrolment.pk)]
    assert any("Je bent ingeschreven" in subject for subject in _mails_to(user))


def test_a_full_cohort_puts_people_on_the_waiting_list_in_order_and_a_cancel_promotes_the_first(
    region, received
):
    cohort = CohortFactory(capacity=1)
    first, second, third = UserFactory(), UserFactory(), UserFactory()
    seated = services.enrolment_request(cohort=cohort, user=first)
    waiting_1 = services.enrolment_request(cohort=cohort, user=second)
    waiting_2 = services.enrolment_request(cohort=cohort, user=third)
    assert (waiting_1.status, waiting_2.status) == (Status.WAITING, Status.WAITING)
    assert any("wachtlijst" in subject for subject in _mails_to(second))
    services.enrolment_cancel(enrolment=seated)
    waiting_1.refresh_from_db()
    waiting_2.refresh_from_db()
    assert (waiting_1.status, waiting_2.status) == (Status.ENROLLED, Status.WAITING)
    assert ("released", seated.pk) in received and ("seated", waiting_1.pk) in received
    assert any("plaats voor je vrij" in subject for subject in _mails_to(second))


def test_cancelling_a_waiting_place_frees_no_seat_and_sends_no_release(region, received):
    cohort = CohortFactory(capacity=1)
    services.enrolment_request(cohort=cohort, user=UserFactory())
    waiting = services.enrolment_request(cohort=cohort, user=UserFactory())
    services.enrolment_cancel(enrolment=waiting)
    assert [name for name, _pk in received] == ["seated"]
    with pytest.raises(ValidationError):
        services.enrolment_cancel(enrolment=waiting)


def test_approval_requested_then_approved_or_declined_with_a_reason(region, received, django_user_model):
    coordinator = UserFactory(roles=("training_coordinator",))
    cohort = CohortFactory(capacity=1, course=CourseFactory(requires_approval=True))
    one, two, three = UserFactory(), UserFactory(), UserFactory()
    first = services.enrolment_request(cohort=cohort, user=one)
    second = services.enrolment_request(cohort=cohort, user=two)
    third = services.enrolment_request(cohort=cohort, user=three)
    assert {first.status, second.status, third.status} == {Status.REQUESTED}
    assert received == []
    assert services.enrolment_approve(enrolment=first, by=coordinator).status == Status.ENROLLED
    assert services.enrolment_approve(enrolment=second, by=coordinator).status == Status.WAITING
    with pytest.raises(ValidationError):
        services.enrolment_decline(enrolment=third, by=coordinator, reason="  ")
    declined = services.enrolment_decline(enrolment=third, by=coordinator, reason="Alleen voor coaches.")
    assert declined.status == Status.DECLINED and declined.decline_reason == "Alleen voor coaches."
    assert any("niet goedgekeurd" in subject for subject in _mails_to(three))
    assert AuditLogEntry.objects.filter(code="learning.enrolment.approved").count() == 2
    assert AuditLogEntry.objects.filter(code="learning.enrolment.declined").count() == 1
    with pytest.raises(ValidationError):
        services.enrolment_approve(enrolment=first, by=coordinator)
    # Declining someone with a seat gives it to the waiting list.
    services.enrolment_decline(enrolment=first, by=coordinator, reason="Verkeerde groep.")
    second.refresh_from_db()
    assert second.status == Status.ENROLLED
    assert ("released", first.pk) in received


def test_closed_past_and_unpublished_cohorts_refuse_enrolment(region):
    user = UserFactory()
    for cohort in (
        CohortFactory(enrol_until=timezone.localdate() - timedelta(days=1)),
        CohortFactory(starts_on=timezone.localdate() - timedelta(days=1)),
        CohortFactory(course=CourseFactory(published_at=None)),
    ):
        with pytest.raises(ValidationError):
            services.enrolment_request(cohort=cohort, user=user)
    assert not Enrolment.objects.exists()


def test_a_second_request_is_refused_and_re_enrolling_after_cancelling_reuses_the_row(region):
    cohort = CohortFactory()
    user = UserFactory()
    enrolment = services.enrolment_request(cohort=cohort, user=user)
    with pytest.raises(ValidationError, match="staat al"):
        services.enrolment_request(cohort=cohort, user=user)
    services.enrolment_cancel(enrolment=enrolment)
    again = services.enrolment_request(cohort=cohort, user=user)
    assert again.pk == enrolment.pk and again.status == Status.ENROLLED
    assert Enrolment.objects.count() == 1


def test_an_organisation_admin_enrols_staff_of_their_own_organisation_only(region):
    organisation, other = OrganisationFactory(), OrganisationFactory()
    admin, member, stranger = UserFactory(), UserFactory(), UserFactory()
    membership_set(organisation=organisation, user=admin, role=MembershipRole.ADMIN)
    membership_set(organisation=organisation, user=member, role=MembershipRole.MEMBER)
    membership_set(organisation=other, user=stranger, role=MembershipRole.MEMBER)
    cohort = CohortFactory()
    enrolment = services.enrolment_request(cohort=cohort, user=member, organisation=organisation, by=admin)
    assert enrolment.enrolled_by == admin and enrolment.organisation == organisation
    with pytest.raises(ValidationError):
        services.enrolment_request(cohort=cohort, user=stranger, organisation=organisation, by=admin)
    with pytest.raises(ValidationError):
        services.enrolment_request(cohort=cohort, user=stranger, organisation=other, by=admin)


def _meetings(cohort, count: int, *, days: int = 3) -> list:
    events = [
        EventFactory(kind=EventKind.TRAINING, starts_at=timezone.now() + timedelta(days=days + i))
        for i in range(count)
    ]
    cohort.meetings.set(events)
    return events


def test_a_seat_registers_for_the_meetings_and_releasing_it_cancels_them(region):
    cohort = CohortFactory(capacity=5)
    events = _meetings(cohort, 2)
    user = UserFactory()
    enrolment = services.enrolment_request(cohort=cohort, user=user)
    registrations = Registration.objects.filter(user=user, event__in=events)
    assert sorted(registrations.values_list("status", flat=True)) == [RegistrationStatus.CONFIRMED] * 2
    services.enrolment_cancel(enrolment=enrolment)
    assert sorted(registrations.values_list("status", flat=True)) == [RegistrationStatus.CANCELLED] * 2


def test_checking_in_at_enough_meetings_completes_a_blended_course(region, received):
    course = CourseFactory(min_meetings=2)
    cohort = CohortFactory(course=course)
    events = _meetings(cohort, 3, days=0)
    for event in events:  # the door opens on the day itself: the meetings are today, a bit later
        event.starts_at = timezone.now() + timedelta(minutes=30)
        event.ends_at = event.starts_at + timedelta(hours=2)
        event.save()
    user = UserFactory()
    organiser = UserFactory(roles=("staff",))
    enrolment = services.enrolment_request(cohort=cohort, user=user)
    [meetings] = [r for r in requirements_for(enrolment) if r.key == "meetings"] or [None]
    assert meetings is not None and not meetings.done and "0 van de 2" in meetings.progress
    regs = list(Registration.objects.filter(user=user).order_by("event__pk"))
    registration_check_in(registration=regs[0], actor=organiser)
    enrolment.refresh_from_db()
    assert enrolment.status == Status.ENROLLED
    registration_check_in(registration=regs[1], actor=organiser)
    enrolment.refresh_from_db()
    assert enrolment.status == Status.COMPLETED and enrolment.completed_at is not None
    assert ("completed", enrolment.pk) in received
    # A walk-in without an account changes nothing and does not fail.
    walk_in_add(event=events[2], actor=organiser, name="Iemand")


def test_a_coordinator_completes_by_hand_and_it_is_logged(region, received):
    coordinator = UserFactory(roles=("training_coordinator",))
    enrolment = EnrolmentFactory()
    services.enrolment_complete(enrolment=enrolment, by=coordinator)
    entry = AuditLogEntry.objects.get(code="learning.enrolment.completed")
    assert entry.actor == coordinator
    assert ("completed", enrolment.pk) in received


def test_removing_someone_from_a_cohort_is_logged_and_promotes_the_waiting_list(region):
    coordinator = UserFactory(roles=("training_coordinator",))
    cohort = CohortFactory(capacity=1)
    seated = services.enrolment_request(cohort=cohort, user=UserFactory())
    waiting = services.enrolment_request(cohort=cohort, user=UserFactory())
    services.enrolment_remove(enrolment=seated, by=coordinator)
    waiting.refresh_from_db()
    assert waiting.status == Status.ENROLLED
    assert AuditLogEntry.objects.filter(code="learning.enrolment.removed", actor=coordinator).exists()


# --- The race for the last place -----------------------------------------------------------------

RACERS = 8


@pytest.fixture
def database_file(transactional_db, monkeypatch, tmp_path):
    """Threads need their own connections to one database: on SQLite a file copy (the in-memory
    test database cannot be shared), on PostgreSQL the test database itself."""
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        yield None
        return
    path = str(tmp_path / "race.sqlite3")
    yield path, monkeypatch


def test_many_requests_for_the_last_place_give_one_seat_and_the_rest_a_waiting_place(region, database_file):
    cohort = CohortFactory(capacity=3)
    for _ in range(2):
        services.enrolment_request(cohort=cohort, user=UserFactory())
    users = [UserFactory() for _ in range(RACERS)]
    if database_file is not None:
        path, monkeypatch = database_file
        connection.ensure_connection()
        copy = sqlite3.connect(path)
        connection.connection.backup(copy)
        copy.close()
        monkeypatch.setitem(connections.settings["default"], "NAME", path)
    barrier = threading.Barrier(RACERS)
    errors: list[Exception] = []

    def request(user) -> None:
        try:
            barrier.wait(timeout=30)
            services.enrolment_request(cohort=cohort, user=user)
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=request, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    query = "SELECT status, COUNT(*) FROM learning_enrolment WHERE cohort_id = ? GROUP BY status"
    if database_file is not None:
        with sqlite3.connect(database_file[0]) as db:
            counts = dict(db.execute(query, [cohort.pk]).fetchall())
    else:
        with connection.cursor() as cursor:
            cursor.execute(query.replace("?", "%s"), [cohort.pk])
            counts = dict(cursor.fetchall())
    assert counts == {Status.ENROLLED: 3, Status.WAITING: RACERS - 1}


def test_raising_the_capacity_seats_the_waiting_list_in_order(region):
    from veerkracht.learning.services.catalogue import cohort_save

    coordinator = UserFactory(roles=("training_coordinator",))
    cohort = CohortFactory(capacity=1)
    services.enrolment_request(cohort=cohort, user=UserFactory())
    first = services.enrolment_request(cohort=cohort, user=UserFactory())
    second = services.enrolment_request(cohort=cohort, user=UserFactory())
    cohort.capacity = 2
    cohort_save(cohort=cohort, meetings=[], by=coordinator)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (Status.ENROLLED, Status.WAITING)
