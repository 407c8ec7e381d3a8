"""Ambassadors: applying, the staff's review (invite, accept, decline), the onboarding checklist, and
pausing, resuming and stopping. Every step of an ambassador is an AmbassadorEvent; the role
``ambassador`` follows: granted on acceptance, revoked on a stop.

Status: accepting makes an ambassador ONBOARDING (and records STARTED on the start date: from then on
they hold the role and the monitor counts them). ONBOARDING becomes ACTIVE when staff mark the start
as done (the checklist guides, it does not block), or by itself when the last item of the checklist is
ticked by staff or by the training app. Mail goes to the applicant on commit, never in the request.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from veerkracht.accounts.models import Role
from veerkracht.accounts.services import role_grant, role_revoke
from veerkracht.community.selectors.groups import ambassadors_group
from veerkracht.community.services.groups import group_add_member
from veerkracht.core.audit import log_action
from veerkracht.core.mail import mail_enqueue
from veerkracht.core.vocabulary import DIMENSIONS, THEMES
from veerkracht.learning.selectors.enrolments import ambassador_course_completed_on
from veerkracht.regions.models import Municipality, Region

from ..models import (
    Ambassador,
    AmbassadorApplication,
    AmbassadorEvent,
    AmbassadorStatus,
    ApplicationStatus,
    EventKind,
)
from ..models.ambassadors import OPEN_APPLICATION
from ..selectors.ambassadors import checklist_complete

Status = AmbassadorStatus
CAN_PAUSE = (Status.ONBOARDING, Status.ACTIVE)
# How far ahead staff may set a start date (e.g. after the summer), and when a start may not lie before.
START_AHEAD = timedelta(days=366)

SUBJECTS = {
    "invited": gettext_lazy("Uitnodiging voor een kennismaking"),
    "accepted": gettext_lazy("Welkom als ambassadeur"),
    "declined": gettext_lazy("Over je aanmelding als ambassadeur"),
    "paused": gettext_lazy("Je ambassadeurschap staat op pauze"),
    "resumed": gettext_lazy("Je bent weer actief als ambassadeur"),
    "stopped": gettext_lazy("Je bent gestopt als ambassadeur"),
}


def _mail(user, kind: str, *, message: str = "", key: str) -> None:
    context = {
        "name": user.display_name,
        "kind": kind,
        "message": message,
        "url": settings.SITE_URL + reverse("network:ambassador_mine"),
    }
    mail_enqueue(
        subject=str(SUBJECTS[kind]),
        body=render_to_string("network/ambassadors/email/status.txt", context),
        to=[user.email],
        key=f"network.ambassador.{kind}:{key}",
    )


def _today() -> date:
    return timezone.localdate()


def _text(value: str, message: str, *, required: bool = True) -> str:
    value = (value or "").strip()
    if required and not value:
        raise ValidationError(message)
    return value


def _check_municipality(municipality: Municipality | None, region: Region) -> None:
    if municipality is not None and municipality.region_id != region.pk:
        raise ValidationError(_("Kies een gemeente in deze regio."))


# --- Applying ------------------------------------------------------------------------------------


def _check_may_apply(user) -> None:
    if AmbassadorApplication.objects.filter(user=user, status__in=OPEN_APPLICATION).exists():
        raise ValidationError(_("Je hebt al een aanmelding die nog loopt."), code="open")
    if Ambassador.objects.filter(user=user).exclude(status=Status.STOPPED).exists():
        raise ValidationError(_("Je bent al ambassadeur."), code="ambassador")


@transaction.atomic
def application_submit(
    *,
    user,
    region: Region,
    motivation: str,
    background: str,
    time_available: str,
    municipality: Municipality | None = None,
    neighbourhood: str = "",
    themes: Iterable[str] = (),
    dimensions: Iterable[str] = (),
) -> AmbassadorApplication:
    _check_may_apply(user)
    _check_municipality(municipality, region)
    application = AmbassadorApplication(
        user=user,
        region=region,
        motivation=_text(motivation, _("Schrijf kort waarom je ambassadeur wilt worden.")),
        municipality=municipality,
        neighbourhood=(neighbourhood or "").strip(),
        background=background,
        time_available=time_available,
        themes=THEMES.checked_mask(themes, _("Kies thema's uit de lijst.")),
        dimensions=DIMENSIONS.checked_mask(dimensions, _("Kies kanten van gezondheid uit de lijst.")),
    )
    application.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError as exc:  # a second open application sent at the same moment
        raise ValidationError(_("Je hebt al een aanmelding die nog loopt."), code="open") from exc
    log_action("network.application.submitted", actor=user, subject=application, person=user)
    return application


def _locked(application: AmbassadorApplication) -> AmbassadorApplication:
    locked = AmbassadorApplication.objects.select_for_update().get(pk=application.pk)
    if locked.status not in OPEN_APPLICATION:
        raise ValidationError(_("Over deze aanmelding is al besloten."))
    return locked


def _decide(application: AmbassadorApplication, status: str, actor, message: str) -> AmbassadorApplication:
    application.status = status
    application.message = message
    application.decided_by = actor
    application.decided_at = timezone.now()
    application.full_clean(validate_constraints=False)
    application.save()
    return application


@transaction.atomic
def application_withdraw(*, application: AmbassadorApplication, user) -> AmbassadorApplication:
    application = _locked(application)
    _decide(application, ApplicationStatus.WITHDRAWN, user, application.message)
    log_action("network.application.withdrawn", actor=user, subject=application, person=application.user)
    return application


@transaction.atomic
def application_invite(*, application: AmbassadorApplication, actor, message: str) -> AmbassadorApplication:
    """Invite for an introduction: the message says when and where (the applicant reads it)."""
    application = _locked(application)
    application.status = ApplicationStatus.INVITED
    application.message = _text(message, _("Schrijf wanneer en waar jullie kennismaken."))
    application.full_clean(validate_constraints=False)
    application.save()
    log_action("network.application.invited", actor=actor, subject=application, person=application.user)
    _mail(application.user, "invited", message=application.message, key=f"{application.pk}:{_stamp()}")
    return application


def _stamp() -> str:
    return f"{timezone.now().timestamp():.0f}"


@transaction.atomic
def application_decline(*, application: AmbassadorApplication, actor, reason: str) -> AmbassadorApplication:
    reason = _text(reason, _("Schrijf kort waarom niet. De aanvrager leest dit."))
    application = _decide(_locked(application), ApplicationStatus.DECLINED, actor, reason)
    log_action("network.application.declined", actor=actor, subject=application, person=application.user)
    _mail(application.user, "declined", message=reason, key=str(application.pk))
    return application


@transaction.atomic
def application_accept(
    *, application: AmbassadorApplication, actor, start_on: date | None = None, message: str = ""
) -> Ambassador:
    """Accept: the Ambassador (from the application's answers), the STARTED step on `start_on`, the
    role, and a welcome mail."""
    application = _locked(application)
    start_on = start_on or _today()
    if start_on < timezone.localdate(application.created_at) or start_on > _today() + START_AHEAD:
        raise ValidationError(_("Kies een startdatum na de aanmelding en binnen een jaar."))
    _decide(application, ApplicationStatus.ACCEPTED, actor, (message or "").strip())
    ambassador = _start(application, start_on, actor)
    role_grant(user=application.user, role=Role.AMBASSADOR, actor=actor)
    log_action("network.application.accepted", actor=actor, subject=application, person=application.user)
    _mail(application.user, "accepted", message=application.message, key=str(application.pk))
    return ambassador


def _start(application: AmbassadorApplication, start_on: date, actor) -> Ambassador:
    ambassador = Ambassador.objects.select_for_update().filter(user=application.user).first()
    if ambassador is not None and ambassador.is_current:
        raise ValidationError(_("Deze persoon is al ambassadeur."))
    ambassador = ambassador or Ambassador(user=application.user)
    for name in ("region", "municipality", "neighbourhood", "background", "themes", "dimensions"):
        setattr(ambassador, name, getattr(application, name))
    ambassador.application = application
    ambassador.status = Status.ONBOARDING
    ambassador.started_on, ambassador.onboarded_on = start_on, None
    if ambassador.workshop_on is None:
        ambassador.workshop_on = ambassador_course_completed_on(application.user)
        ambassador.workshop_from_training = ambassador.workshop_on is not None
    ambassador.full_clean(exclude=["municipality"])  # may be unknown
    ambassador.save()
    _event(ambassador, EventKind.STARTED, actor, on=start_on)
    return ambassador


def _event(ambassador: Ambassador, kind: str, actor, *, on: date | None = None, reason: str = ""):
    event = AmbassadorEvent(
        ambassador=ambassador, region=ambassador.region, kind=kind, on=on or _today(), reason=reason
    )
    event.created_by = actor if actor is not None and actor.is_authenticated else None
    event.full_clean()
    event.save()
    return event


# --- The onboarding checklist --------------------------------------------------------------------


def _lock(ambassador: Ambassador) -> Ambassador:
    return Ambassador.objects.select_for_update().select_related("user", "region").get(pk=ambassador.pk)


def _finish_onboarding_if_complete(ambassador: Ambassador) -> None:
    if ambassador.status == Status.ONBOARDING and checklist_complete(ambassador):
        ambassador.status, ambassador.onboarded_on = Status.ACTIVE, _today()
        ambassador.save(update_fields=["status", "onboarded_on", "updated_at"])


CHECKLIST_FIELDS = {"intro": "intro_held_on", "workshop": "workshop_on"}


@transaction.atomic
def ambassador_tick(*, ambassador: Ambassador, item: str, on: date | None, actor) -> Ambassador:
    """Staff tick (a date) or untick (None) the introduction or the workshop."""
    if item not in CHECKLIST_FIELDS:
        raise ValidationError(_("Dit kun je niet afvinken."))
    if on is not None and on > _today():
        raise ValidationError(_("Kies een datum die al geweest is."))
    ambassador = _lock(ambassador)
    setattr(ambassador, CHECKLIST_FIELDS[item], on)
    if item == "workshop":
        ambassador.workshop_from_training = False
    ambassador.full_clean()
    ambassador.save()
    _finish_onboarding_if_complete(ambassador)
    log_action(
        "network.ambassador.checklist",
        actor=actor,
        subject=ambassador,
        person=ambassador.user,
        data={"item": item, "on": on.isoformat() if on else None},
    )
    return ambassador


def ambassador_workshop_from_training(*, user, on: date) -> Ambassador | None:
    """The learning app reports a completed course for ambassadors: tick the workshop (once)."""
    ambassador = (
        Ambassador.objects.select_for_update().select_related("user", "region").filter(user=user).first()
    )
    if ambassador is None or not ambassador.is_current or ambassador.workshop_on is not None:
        return None
    ambassador.workshop_on, ambassador.workshop_from_training = on, True
    ambassador.save(update_fields=["workshop_on", "workshop_from_training", "updated_at"])
    _finish_onboarding_if_complete(ambassador)
    return ambassador


@transaction.atomic
def ambassador_onboarding_done(*, ambassador: Ambassador, actor) -> Ambassador:
    """Staff mark the start as done: ONBOARDING becomes ACTIVE, whatever the checklist says."""
    ambassador = _lock(ambassador)
    if ambassador.status != Status.ONBOARDING:
        raise ValidationError(_("Deze ambassadeur is niet meer aan het starten."))
    ambassador.status, ambassador.onboarded_on = Status.ACTIVE, _today()
    ambassador.save(update_fields=["status", "onboarded_on", "updated_at"])
    log_action("network.ambassador.onboarded", actor=actor, subject=ambassador, person=ambassador.user)
    return ambassador


# --- Pause, resume, stop -------------------------------------------------------------------------


def _by_staff(ambassador: Ambassador, actor) -> bool:
    return actor is not None and actor.pk != ambassador.user_id


def _change(ambassador: Ambassador, status: str, kind: str, actor, reason: str = "") -> Ambassador:
    ambassador.status = status
    ambassador.save(update_fields=["status", "updated_at"])
    _event(ambassador, kind, actor, reason=reason)
    log_action(f"network.ambassador.{kind}", actor=actor, subject=ambassador, person=ambassador.user, data={})
    if _by_staff(ambassador, actor):
        _mail(ambassador.user, kind, message=reason, key=f"{ambassador.pk}:{_stamp()}")
    return ambassador


@transaction.atomic
def ambassador_pause(*, ambassador: Ambassador, actor, reason: str = "") -> Ambassador:
    """A pause keeps the role. (The action centre's profile keeps its availability: there is no
    service there to change only that; the ambassador sets it on their profile.)"""
    ambassador = _lock(ambassador)
    if ambassador.status not in CAN_PAUSE:
        raise ValidationError(_("Alleen een actieve ambassadeur kan pauzeren."))
    return _change(ambassador, Status.PAUSED, EventKind.PAUSED, actor, (reason or "").strip())


@transaction.atomic
def ambassador_resume(*, ambassador: Ambassador, actor) -> Ambassador:
    ambassador = _lock(ambassador)
    if ambassador.status != Status.PAUSED:
        raise ValidationError(_("Deze ambassadeur heeft geen pauze."))
    status = Status.ACTIVE if ambassador.onboarded_on else Status.ONBOARDING
    return _change(ambassador, status, EventKind.RESUMED, actor)


@transaction.atomic
def ambassador_stop(*, ambassador: Ambassador, actor, reason: str) -> Ambassador:
    """Stop, with a short "why" that is kept as a lesson; the role goes."""
    reason = _text(reason, _("Schrijf kort waarom. Zo leren we ervan."))
    ambassador = _lock(ambassador)
    if ambassador.status == Status.STOPPED:
        raise ValidationError(_("Deze ambassadeur is al gestopt."))
    _change(ambassador, Status.STOPPED, EventKind.STOPPED, actor, reason)
    role_revoke(user=ambassador.user, role=Role.AMBASSADOR, actor=actor)
    return ambassador


# --- The role given or taken in the back office --------------------------------------------------


@transaction.atomic
def ambassador_for_role(*, user, region: Region, since: date, background: str) -> Ambassador | None:
    """Someone got the ambassador role outside an application (the back office, demo, older data):
    they become an ACTIVE ambassador from `since`. Nothing happens when they already are one."""
    ambassador = Ambassador.objects.select_for_update().filter(user=user).first()
    if ambassador is not None and ambassador.is_current:
        return None
    ambassador = ambassador or Ambassador(user=user, region=region, background=background)
    ambassador.status, ambassador.started_on, ambassador.onboarded_on = Status.ACTIVE, since, since
    if ambassador.municipality_id is None:
        ambassador.municipality = getattr(getattr(user, "profile", None), "municipality", None)
    ambassador.full_clean(exclude=["municipality"])  # may be unknown
    ambassador.save()
    _event(ambassador, EventKind.STARTED, None, on=since)
    return ambassador


@transaction.atomic
def ambassador_role_taken(*, user) -> Ambassador | None:
    """The role was revoked in the back office: the ambassador stops (without a lesson)."""
    ambassador = Ambassador.objects.select_for_update().filter(user=user).first()
    if ambassador is None or not ambassador.is_current:
        return None
    ambassador.status = Status.STOPPED
    ambassador.save(update_fields=["status", "updated_at"])
    _event(ambassador, EventKind.STOPPED, None)
    return ambassador


def ambassador_history_forget(*, ambassador: Ambassador) -> None:
    """Before an Ambassador row goes: its steps go too, except the lessons (a stop with a "why"), which
    stay without the ambassador."""
    events = AmbassadorEvent.objects.filter(ambassador=ambassador)
    events.exclude(kind=EventKind.STOPPED, reason__gt="").delete()


# --- Retention -----------------------------------------------------------------------------------


@transaction.atomic
def applications_erase(*, ids: Iterable[int]) -> int:
    """Erase applications (declined or withdrawn ones past their retention period)."""
    return AmbassadorApplication.objects.filter(pk__in=list(ids)).delete()[0]


# --- The ambassadors' group ----------------------------------------------------------------------


@transaction.atomic
def ambassador_add_to_group(*, ambassador: Ambassador, actor) -> None:
    """Staff put the ambassador in the region's ambassadors' group (the community's closed group)."""
    group = ambassadors_group(ambassador.region)
    if group is None:
        raise ValidationError(_("Er is nog geen ambassadeursgroep. Maak die eerst bij Groepen."))
    # The network app checked that `actor` is network staff.
    group_add_member(group=group, user=ambassador.user)
    ambassador = _lock(ambassador)
    if ambassador.group_joined_on is None:
        ambassador.group_joined_on = _today()
        ambassador.save(update_fields=["group_joined_on", "updated_at"])
    _finish_onboarding_if_complete(ambassador)
    log_action("network.ambassador.group_added", actor=actor, subject=ambassador, person=ambassador.user)
