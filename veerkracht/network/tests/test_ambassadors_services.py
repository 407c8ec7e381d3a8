"""Ambassadors' services: applying (once at a time), the staff's decisions, the role, the checklist
(with the training app ticking the workshop), pause, resume and stop, and the role given elsewhere."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from veerkracht.accounts.models import Role
from veerkracht.accounts.services import role_grant, role_revoke
from veerkracht.accounts.tests.factories import UserFactory
from veerkracht.core.models import OutgoingMail
from veerkracht.learning.models import EnrolmentStatus, TargetGroup
from veerkracht.learning.services.enrolments import enrolment_complete
from veerkracht.learning.tests.factories.catalogue import CohortFactory, CourseFactory, EnrolmentFactory
from veerkracht.network.models import (
    Ambassador,
    AmbassadorApplication,
    AmbassadorEvent,
    AmbassadorStatus,
    ApplicationStatus,
    EventKind,
)
from veerkracht.network.services import ambassadors as services
from veerkracht.network.tests.factories.ambassadors import application_data, make_ambassador, make_application

pytestmark = pytest.mark.django_db
Status = AmbassadorStatus


def _complete_workshop(user, staff) -> None:
    cohort = CohortFactory(course=CourseFactory(target_group=TargetGroup.AMBASSADOR))
    enrolment = EnrolmentFactory(user=user, cohort=cohort, status=EnrolmentStatus.ENROLLED)
    enrolment_complete(enrolment=enrolment, by=staff)


def _mails_to(user) -> list[str]:
    return list(OutgoingMail.objects.filter(to=user.email).order_by("pk").values_list("subject", flat=True))


def test_an_application_stores_the_answers_as_bit_sets(region, resident):
    application = make_application(region, resident)
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.theme_labels == ["Eenzaamheid en meedoen", "Bewegen en sport"]
    assert application.dimension_labels == ["Meedoen"]


def test_a_second_open_application_is_refused_but_after_a_decision_one_may_apply_again(
    region, resident, staff
):
    first = make_application(region, resident)
    with pytest.raises(ValidationError) as error:
        make_application(region, resident)
    assert error.value.code == "open"
    services.application_decline(application=first, actor=staff, reason="Nu niet, we zoeken iemand in Venlo.")
    make_application(region, resident)
    assert AmbassadorApplication.objects.filter(user=resident).count() == 2


def test_an_ambassador_cannot_apply(region, ambassador):
    with pytest.raises(ValidationError) as error:
        make_application(region, ambassador)
    assert error.value.code == "ambassador"


def test_bad_answers_are_refused(region, resident):
    with pytest.raises(ValidationError):
        make_application(region, resident, motivation="   ")
    with pytest.raises(ValidationError):
        make_application(region, resident, themes=["nonsense"])
    assert not AmbassadorApplication.objects.exists()


def test_invite_then_accept_makes_an_onboarding_ambassador_with_the_role_a_start_and_mail(
    region, resident, staff
):
    application = make_application(region, resident)
    services.application_invite(application=application, actor=staff, message="Dinsdag 10 uur, Stadhuis.")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.INVITED and "Dinsdag" in application.message
    start = timezone.localdate() + timedelta(days=3)
    ambassador = services.application_accept(application=application, actor=staff, start_on=start)
    resident.refresh_from_db()
    assert resident.has_role(Role.AMBASSADOR)
    assert ambassador.status == Status.ONBOARDING and ambassador.started_on == start
    assert ambassador.municipality.code == "GM0935" and ambassador.neighbourhood == "Wyck"
    assert ambassador.themes == application.themes and ambassador.background == "resident"
    assert [(e.kind, e.on) for e in ambassador.events.all()] == [(EventKind.STARTED, start)]
    assert _mails_to(resident) == ["Uitnodiging voor een kennismaking", "Welkom als ambassadeur"]
    assert mail.outbox == []  # queued, sent by the worker after the commit


def test_a_decision_needs_an_open_application_and_a_decline_a_reason(region, resident, staff):
    application = make_application(region, resident)
    with pytest.raises(ValidationError):
        services.application_decline(application=application, actor=staff, reason=" ")
    services.application_decline(application=application, actor=staff, reason="Te weinig tijd nu.")
    with pytest.raises(ValidationError):
        services.application_accept(application=application, actor=staff)
    assert not Ambassador.objects.filter(user=resident).exists()
    assert _mails_to(resident) == ["Over je aanmelding als ambassadeur"]


def test_a_start_before_the_application_is_refused(region, resident, staff):
    application = make_application(region, resident)
    with pytest.raises(ValidationError):
        services.application_accept(
            application=application, actor=staff, start_on=timezone.localdate() - timedelta(days=30)
        )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED


def test_withdrawing(region, resident):
    application = services.application_withdraw(application=make_application(region, resident), user=resident)
    assert application.status == ApplicationStatus.WITHDRAWN and application.decided_at is not None


def test_the_checklist_finishes_the_onboarding_when_complete_otherwise_staff_do(region, resident, staff):
    from veerkracht.actioncentre.services.connect import ambassador_profile_save
    from veerkracht.community.services.groups import group_create

    ambassador = make_ambassador(region, staff, resident)
    today = timezone.localdate()
    services.ambassador_tick(ambassador=ambassador, item="intro", on=today, actor=staff)
    services.ambassador_tick(ambassador=ambassador, item="workshop", on=today, actor=staff)
    ambassador.refresh_from_db()
    assert ambassador.status == Status.ONBOARDING  # no profile, no group yet
    resident.refresh_from_db()  # forget the roles read before acceptance
    ambassador_profile_save(user=resident, region=region, expertise="Bewegen in de wijk")
    group_create(region=region, name="Ambassadeurs", kind="ambassadors", admins=[staff])
    services.ambassador_add_to_group(ambassador=ambassador, actor=staff)
    ambassador.refresh_from_db()
    assert ambassador.status == Status.ACTIVE and ambassador.onboarded_on == today

    other = make_ambassador(region, staff)
    services.ambassador_onboarding_done(ambassador=other, actor=staff)
    other.refresh_from_db()
    assert other.status == Status.ACTIVE


def test_a_tick_in_the_future_is_refused(region, resident, staff):
    ambassador = make_ambassador(region, staff, resident)
    with pytest.raises(ValidationError):
        services.ambassador_tick(
            ambassador=ambassador, item="intro", on=timezone.localdate() + timedelta(days=1), actor=staff
        )


def test_completing_a_course_for_ambassadors_ticks_the_workshop(region, resident, staff):
    ambassador = make_ambassador(region, staff, resident)
    other_course = EnrolmentFactory(user=resident, status=EnrolmentStatus.ENROLLED)
    enrolment_complete(enrolment=other_course, by=staff)
    ambassador.refresh_from_db()
    assert ambassador.workshop_on is None
    course = CourseFactory(target_group=TargetGroup.AMBASSADOR)
    enrolment = EnrolmentFactory(
        user=resident, cohort=CohortFactory(course=course), status=EnrolmentStatus.ENROLLED
    )
    enrolment_complete(enrolment=enrolment, by=staff)
    ambassador.refresh_from_db()
    assert ambassador.workshop_on == timezone.localdate() and ambassador.workshop_from_training


def test_a_workshop_completed_before_acceptance_is_ticked_on_acceptance(region, resident, staff):
    course = CourseFactory(target_group=TargetGroup.AMBASSADOR)
    enrolment = EnrolmentFactory(
        user=resident, cohort=CohortFactory(course=course), status=EnrolmentStatus.ENROLLED
    )
    enrolment_complete(enrolment=enrolment, by=staff)
    ambassador = make_ambassador(region, staff, resident)
    assert ambassador.workshop_on == timezone.localdate() and ambassador.workshop_from_training


def test_pause_resume_and_stop(region, resident, staff):
    ambassador = make_ambassador(region, staff, resident)
    services.ambassador_onboarding_done(ambassador=ambassador, actor=staff)
    services.ambassador_pause(ambassador=ambassador, actor=resident, reason="Verhuizing")
    resident.refresh_from_db()
    assert resident.has_role(Role.AMBASSADOR)  # a pause keeps the role
    with pytest.raises(ValidationError):
        services.ambassador_pause(ambassador=ambassador, actor=resident)
    services.ambassador_resume(ambassador=ambassador, actor=resident)
    ambassador.refresh_from_db()
    assert ambassador.status == Status.ACTIVE
    with pytest.raises(ValidationError):
        services.ambassador_stop(ambassador=ambassador, actor=resident, reason="")
    services.ambassador_stop(ambassador=ambassador, actor=staff, reason="Te druk met mijn werk.")
    ambassador.refresh_from_db()
    resident.refresh_from_db()
    assert ambassador.status == Status.STOPPED and not resident.has_role(Role.AMBASSADOR)
    kinds = list(ambassador.events.values_list("kind", "reason"))
    assert kinds == [
        ("started", ""),
        ("paused", "Verhuizing"),
        ("resumed", ""),
        ("stopped", "Te druk met mijn werk."),
    ]
    # Staff stopped them: they get a mail; their own pause sent none.
    assert _mails_to(resident) == ["Welkom als ambassadeur", "Je bent gestopt als ambassadeur"]


def test_resuming_an_onboarding_ambassador_returns_to_onboarding(region, resident, staff):
    ambassador = make_ambassador(region, staff, resident)
    services.ambassador_pause(ambassador=ambassador, actor=resident)
    services.ambassador_resume(ambassador=ambassador, actor=resident)
    ambassador.refresh_from_db()
    assert ambassador.status == Status.ONBOARDING


def test_a_stopped_ambassador_may_apply_again_and_restarts(region, resident, staff):
    ambassador = make_ambassador(region, staff, resident)
    services.ambassador_stop(ambassador=ambassador, actor=resident, reason="Even geen tijd.")
    again = make_ambassador(region, staff, resident)
    assert again.pk == ambassador.pk and again.status == Status.ONBOARDING
    assert list(again.events.values_list("kind", flat=True)) == ["started", "stopped", "started"]


def test_a_role_given_in_the_back_office_makes_an_active_ambassador_and_a_revoke_stops_them(region, staff):
    user = UserFactory(municipality=region.municipalities.get(code="GM0983"))
    role_grant(user=user, role=Role.AMBASSADOR, actor=staff)
    ambassador = Ambassador.objects.get(user=user)
    assert ambassador.status == Status.ACTIVE and ambassador.municipality.code == "GM0983"
    assert ambassador.started_on == timezone.localdate()
    role_grant(user=user, role=Role.AMBASSADOR, actor=staff)  # again: nothing new
    assert AmbassadorEvent.objects.filter(ambassador=ambassador).count() == 1
    role_revoke(user=user, role=Role.AMBASSADOR, actor=staff)
    ambassador.refresh_from_db()
    assert ambassador.status == Status.STOPPED
    assert ambassador.events.last().kind == EventKind.STOPPED


def test_deleting_an_account_keeps_only_the_lesson_of_a_stop(region, ambassador, resident, staff):
    assert Ambassador.objects.filter(user=ambassador).exists()
    ambassador.delete()  # no STOPPED step is added for the role that goes with the account
    assert not Ambassador.objects.exists() and not AmbassadorEvent.objects.exists()
    stopped = make_ambassador(region, staff, resident)
    services.ambassador_pause(ambassador=stopped, actor=resident)
    services.ambassador_stop(ambassador=stopped, actor=resident, reason="Geen tijd meer.")
    resident.delete()
    lesson = AmbassadorEvent.objects.get()
    assert (lesson.kind, lesson.reason, lesson.ambassador_id, lesson.region_id) == (
        "stopped",
        "Geen tijd meer.",
        None,
        region.pk,
    )


def test_application_data_helper_is_complete(region):
    assert set(application_data(region)) >= {"motivation", "background", "time_available"}
