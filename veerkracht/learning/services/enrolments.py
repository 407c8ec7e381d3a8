"""Enrolments: every change of status goes through here, and sends the signals of signals.py inside the
same transaction (so what receivers write is saved together with the change, or not at all).

Places: a seat is held by an ENROLLED (or COMPLETED) enrolment; ``Cohort.capacity`` empty means no limit.
Every write that takes or frees a seat first locks the cohort's row (``select_for_update``), so two
requests for the last place are handled one after the other and only one wins. A freed seat goes at
once to the first person on the waiting list (oldest request first).
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from veerkracht.accounts.models import Membership, MembershipRole
from veerkracht.agenda.selectors.registrations import active_registrations_of
from veerkracht.agenda.services.registrations import Applicant, registration_cancel, registration_create
from veerkracht.core.audit import log_action
from veerkracht.core.mail import mail_enqueue

from ..completion import requirements_for
from ..models import Cohort, Enrolment, EnrolmentStatus
from ..models.enrolments import ACTIVE_STATUSES
from ..selectors.enrolments import has_enrolment_cache_key
from ..signals import enrolment_completed, enrolment_released, enrolment_seated

Status = EnrolmentStatus
SEATED = (Status.ENROLLED, Status.COMPLETED)


def _locked(enrolment: Enrolment) -> Enrolment:
    return (
        Enrolment.objects.select_for_update(of=("self",))
        .select_related("cohort__course")
        .get(pk=enrolment.pk)
    )


def _lock_cohort(cohort: Cohort) -> Cohort:
    return Cohort.objects.select_for_update(of=("self",)).select_related("course").get(pk=cohort.pk)


def seats_taken(cohort: Cohort) -> int:
    return Enrolment.objects.filter(cohort=cohort, status__in=SEATED).count()


def _has_seat(cohort: Cohort) -> bool:
    return cohort.capacity is None or seats_taken(cohort) < cohort.capacity


# --- Mail ----------------------------------------------------------------------------------------

SUBJECTS = {
    "requested": gettext_lazy("We hebben je aanmelding ontvangen"),
    "enrolled": gettext_lazy("Je bent ingeschreven"),
    "waiting": gettext_lazy("Je staat op de wachtlijst"),
    "approved": gettext_lazy("Je aanmelding is goedgekeurd"),
    "declined": gettext_lazy("Je aanmelding is niet goedgekeurd"),
    "seat": gettext_lazy("Er is een plaats voor je vrij"),
    "removed": gettext_lazy("Je staat niet meer ingeschreven"),
}


def _mail(enrolment: Enrolment, kind: str) -> None:
    """Queue one mail to the learner (sent after the commit). The key holds the moment of the change,
    so a later enrolment in the same cohort gets its own mail."""
    course = enrolment.cohort.course
    context = {
        "enrolment": enrolment,
        "course": course,
        "cohort": enrolment.cohort,
        "kind": kind,
        "url": settings.SITE_URL + reverse("learning:mine"),
    }
    mail_enqueue(
        subject=f"{SUBJECTS[kind]}: {course.title}",
        body=render_to_string("learning/enrolments/email/status.txt", context),
        to=[enrolment.user.email],
        key=f"learning.enrolment.{kind}:{enrolment.pk}:{enrolment.updated_at.timestamp():.0f}",
    )


# --- Meetings in the agenda ----------------------------------------------------------------------


def _register_meetings(enrolment: Enrolment) -> None:
    """Put the learner on the attendee list of the cohort's meetings still to come (so they can be
    checked in). A meeting that is full or closed keeps them off its list; the seat stays theirs."""
    user = enrolment.user
    applicant = Applicant(name=user.display_name, email=user.email, user=user)
    for event in enrolment.cohort.meetings.filter(starts_at__gt=timezone.now()):
        try:
            registration_create(event=event, applicant=applicant, consent=True)
        except ValidationError:
            continue


def _cancel_meetings(enrolment: Enrolment) -> None:
    now = timezone.now()
    event_ids = enrolment.cohort.meetings.filter(starts_at__gt=now).values_list("pk", flat=True)
    for registration in active_registrations_of(enrolment.user, event_ids):
        registration_cancel(registration=registration)


# --- Status changes ------------------------------------------------------------------------------


def _set(enrolment: Enrolment, status: str, **fields) -> Enrolment:
    enrolment.status = status
    for name, value in fields.items():
        setattr(enrolment, name, value)
    enrolment.full_clean()
    enrolment.save()
    return enrolment


def _seat(enrolment: Enrolment, *, mail: str) -> Enrolment:
    _set(enrolment, Status.ENROLLED)
    enrolment_seated.send(sender=Enrolment, enrolment=enrolment)
    _register_meetings(enrolment)
    _mail(enrolment, mail)
    return enrolment


def _promote(cohort: Cohort) -> list[Enrolment]:
    """Give freed seats to the waiting list, first come first served (the cohort is locked)."""
    promoted = []
    while _has_seat(cohort):
        first = (
            Enrolment.objects.select_for_update(of=("self",))
            .select_related("user", "cohort__course")
            .filter(cohort=cohort, status=Status.WAITING)
            .order_by("created_at", "pk")
            .first()
        )
        if first is None:
            break
        promoted.append(_seat(first, mail="seat"))
    return promoted


@transaction.atomic
def enrolment_fill_seats(*, cohort: Cohort) -> list[Enrolment]:
    """After more places were made (a coordinator raised the capacity): seat the waiting list."""
    return _promote(_lock_cohort(cohort))


def _release(enrolment: Enrolment) -> None:
    """The enrolment just gave up its seat: tell the other features, free the meetings, fill the seat."""
    enrolment_released.send(sender=Enrolment, enrolment=enrolment)
    _cancel_meetings(enrolment)
    _promote(enrolment.cohort)


def check_open(cohort: Cohort) -> None:
    """Raise a plain-Dutch error when nobody can enrol in this cohort (any more)."""
    today = timezone.localdate()
    if not cohort.course.is_published:
        raise ValidationError(_("Voor deze cursus kun je je (nog) niet aanmelden."))
    if cohort.starts_on < today:
        raise ValidationError(_("Deze groep is al begonnen. Kies een andere startdatum."))
    if cohort.enrol_until is not None and cohort.enrol_until < today:
        raise ValidationError(_("Aanmelden voor deze groep kan niet meer: de aanmeldtermijn is voorbij."))


def _check_organisation(user, organisation, by) -> None:
    if organisation is None:
        return
    if not Membership.objects.filter(user=user, organisation=organisation).exists():
        raise ValidationError(_("Je kunt alleen een organisatie kiezen waar je bij hoort."))
    if by is not None and by != user:
        is_admin = Membership.objects.filter(user=by, organisation=organisation, role=MembershipRole.ADMIN)
        if not is_admin.exists():
            raise ValidationError(_("Je kunt alleen medewerkers van je eigen organisatie aanmelden."))


@transaction.atomic
def enrolment_request(*, cohort: Cohort, user, organisation=None, by=None) -> Enrolment:
    """Enrol someone (by themselves, or `by` an admin of `organisation` for its staff).

    The result is REQUESTED when the course needs approval, ENROLLED when there is a seat, and WAITING
    when the cohort is full. Someone who cancelled before gets their old row back (one per cohort).
    """
    cohort = _lock_cohort(cohort)
    check_open(cohort)
    _check_organisation(user, organisation, by)
    enrolment = Enrolment.objects.select_for_update().filter(cohort=cohort, user=user).first()
    if enrolment is not None and enrolment.status not in (Status.CANCELLED, Status.DECLINED):
        raise ValidationError(
            _("%(name)s staat al bij deze groep: %(status)s.")
            % {"name": user.display_name, "status": enrolment.get_status_display()}
        )
    now = timezone.now()
    if enrolment is None:
        enrolment = Enrolment(cohort=cohort, user=user)
        key = has_enrolment_cache_key(user.pk)
        transaction.on_commit(lambda: cache.delete(key))
    enrolment.cohort = cohort
    enrolment.created_at = now  # a place in the queue counts from this request
    fields = {"organisation": organisation, "enrolled_by": by or user, "decided_by": None}
    fields |= {"decided_at": None, "decline_reason": "", "completed_at": None}
    if cohort.course.requires_approval:
        _set(enrolment, Status.REQUESTED, **fields)
        _mail(enrolment, "requested")
    elif _has_seat(cohort):
        _set(enrolment, Status.REQUESTED, **fields)
        _seat(enrolment, mail="enrolled")
    else:
        _set(enrolment, Status.WAITING, **fields)
        _mail(enrolment, "waiting")
    return enrolment


@transaction.atomic
def enrolment_approve(*, enrolment: Enrolment, by) -> Enrolment:
    """The training coordinator lets a request in: a seat if there is one, else the waiting list."""
    cohort = _lock_cohort(enrolment.cohort)
    enrolment = _locked(enrolment)
    if enrolment.status != Status.REQUESTED:
        raise ValidationError(_("Over deze aanmelding is al besloten."))
    decided = {"decided_by": by, "decided_at": timezone.now()}
    if _has_seat(cohort):
        _set(enrolment, Status.REQUESTED, **decided)
        _seat(enrolment, mail="approved")
    else:
        _set(enrolment, Status.WAITING, **decided)
        _mail(enrolment, "approved")
    log_action("learning.enrolment.approved", actor=by, subject=enrolment, person=enrolment.user)
    return enrolment


@transaction.atomic
def enrolment_decline(*, enrolment: Enrolment, by, reason: str) -> Enrolment:
    """Not admitted, with a reason the learner reads. A seat it held goes to the waiting list."""
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError({"reason": _("Schrijf kort op waarom. De deelnemer leest dit.")})
    cohort = _lock_cohort(enrolment.cohort)
    enrolment = _locked(enrolment)
    if enrolment.status not in ACTIVE_STATUSES:
        raise ValidationError(_("Deze aanmelding loopt niet meer."))
    held = enrolment.status == Status.ENROLLED
    _set(enrolment, Status.DECLINED, decided_by=by, decided_at=timezone.now(), decline_reason=reason[:300])
    enrolment.cohort = cohort
    log_action("learning.enrolment.declined", actor=by, subject=enrolment, person=enrolment.user)
    _mail(enrolment, "declined")
    if held:
        _release(enrolment)
    return enrolment


@transaction.atomic
def enrolment_cancel(*, enrolment: Enrolment, by=None) -> Enrolment:
    """The learner cancels (or a coordinator removes them: `by`); a freed seat goes to the waiting list."""
    cohort = _lock_cohort(enrolment.cohort)
    enrolment = _locked(enrolment)
    if enrolment.status not in ACTIVE_STATUSES:
        raise ValidationError(_("Deze aanmelding was al afgemeld of is afgerond."))
    held = enrolment.status == Status.ENROLLED
    _set(enrolment, Status.CANCELLED, **({"decided_by": by, "decided_at": timezone.now()} if by else {}))
    enrolment.cohort = cohort
    if by is not None:
        log_action("learning.enrolment.removed", actor=by, subject=enrolment, person=enrolment.user)
        _mail(enrolment, "removed")
    if held:
        _release(enrolment)
    return enrolment


def enrolment_remove(*, enrolment: Enrolment, by) -> Enrolment:
    """A coordinator takes someone out of a cohort (audit-logged; the learner gets a mail)."""
    return enrolment_cancel(enrolment=enrolment, by=by)


# --- Completion ----------------------------------------------------------------------------------


@transaction.atomic
def enrolment_complete(*, enrolment: Enrolment, by=None) -> Enrolment:
    """Mark an enrolment completed (idempotent): by the completion check, or by a training coordinator
    for a course whose parts are checked outside the platform (a classroom training without check-in)."""
    enrolment = _locked(enrolment)
    if enrolment.status == EnrolmentStatus.COMPLETED:
        return enrolment
    if enrolment.status != EnrolmentStatus.ENROLLED:
        raise ValueError(f"enrolment {enrolment.pk} is {enrolment.status}, not enrolled")
    enrolment.status = EnrolmentStatus.COMPLETED
    enrolment.completed_at = timezone.now()
    enrolment.full_clean()
    enrolment.save(update_fields=["status", "completed_at", "updated_at"])
    log_action("learning.enrolment.completed", actor=by, subject=enrolment, person=enrolment.user)
    enrolment_completed.send(sender=Enrolment, enrolment=enrolment)
    return enrolment


@transaction.atomic
def enrolment_check_completion(*, enrolment: Enrolment) -> Enrolment:
    """Complete the enrolment when every requirement of its course is done (completion.py). A course
    without any requirement is completed by a coordinator, never automatically."""
    enrolment = _locked(enrolment)
    if enrolment.status != EnrolmentStatus.ENROLLED:
        return enrolment
    requirements = requirements_for(enrolment)
    if requirements and all(requirement.done for requirement in requirements):
        return enrolment_complete(enrolment=enrolment)
    return enrolment


def on_attendee_checked_in(sender, registration, **kwargs) -> None:
    """Receiver of agenda's ``attendee_checked_in``: a meeting attended may finish a course."""
    if registration.user_id is None:
        return
    enrolments = Enrolment.objects.filter(
        user_id=registration.user_id, status=Status.ENROLLED, cohort__meetings=registration.event_id
    )
    for enrolment in enrolments:
        enrolment_check_completion(enrolment=enrolment)
