"""Intervision groups: made by the training coordinator from a cohort's learners, with the cohort's
facilitator; a closed group in the community app (through its services) and a series of closed training
meetings in the agenda (through its services), which are also the cohort's meetings so check-ins count
for completion. Members follow the enrolments (receivers below). Reflections are written by members
after a meeting and belong to them."""

from __future__ import annotations

import contextlib
from datetime import date, time, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext as _

from veerkracht.accounts.models import User
from veerkracht.agenda.selectors.events import events_by_ids
from veerkracht.agenda.selectors.organise import series_events
from veerkracht.agenda.services.organise import series_create
from veerkracht.agenda.services.registrations import Applicant, registration_create
from veerkracht.community.services.groups import (
    group_add_member,
    group_create,
    group_meeting_add,
    group_remove_member,
)
from veerkracht.core.audit import log_action

from ..models import (
    CourseFormat,
    Enrolment,
    EnrolmentStatus,
    IntervisionGroup,
    IntervisionMeeting,
    IntervisionMember,
    Reflection,
)
from ..models.intervision import MAX_MEMBERS, MIN_MEMBERS, REFLECTION_MAX
from ..signals import enrolment_released, enrolment_seated

INTERVISION_FORMATS = (CourseFormat.INTERVISION, CourseFormat.BLENDED)
SEATED = (EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED)
MAX_MEETINGS = 12


def _check_members(cohort, members: list) -> None:
    if not MIN_MEMBERS <= len(members) <= MAX_MEMBERS:
        raise ValidationError(
            {
                "members": _(
                    "Een intervisiegroep heeft %(min)s tot en met %(max)s deelnemers. Je koos er %(n)s."
                )
                % {"min": MIN_MEMBERS, "max": MAX_MEMBERS, "n": len(members)}
            }
        )
    ids = {member.pk for member in members}
    seated = set(
        Enrolment.objects.filter(cohort=cohort, user_id__in=ids, status__in=SEATED).values_list(
            "user_id", flat=True
        )
    )
    taken = set(
        IntervisionMember.objects.filter(group__cohort=cohort, user_id__in=ids).values_list(
            "user_id", flat=True
        )
    )
    if seated != ids or taken:
        raise ValidationError(
            {
                "members": _(
                    "Kies alleen deelnemers van deze groep die nog niet in een intervisiegroep zitten."
                )
            }
        )


@transaction.atomic
def intervision_group_create(*, cohort, name: str, members: list, actor) -> IntervisionGroup:
    """A group of 4 to 8 of the cohort's learners, with its closed group in the community app."""
    course = cohort.course
    if course.format not in INTERVISION_FORMATS:
        raise ValidationError(_("Deze cursus heeft geen intervisie. Kies een groep van een andere cursus."))
    if cohort.facilitator_id is None:
        raise ValidationError(_("Deze groep heeft nog geen begeleider. Kies eerst een begeleider."))
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError({"name": _("Geef de intervisiegroep een naam.")})
    _check_members(cohort, members)
    community = group_create(
        region=course.region,
        name=name,
        kind="intervision",
        admins=[cohort.facilitator],
        description=_("Intervisiegroep van de cursus %(course)s.") % {"course": course.title},
    )
    group = IntervisionGroup(cohort=cohort, name=name, community_group_id=community.pk, created_by=actor)
    group.full_clean()
    group.save()
    for member in members:
        IntervisionMember.objects.create(group=group, user=member)
        group_add_member(group=community, user=member)
    log_action("learning.intervision.created", actor=actor, subject=group, data={"members": len(members)})
    return group


def intervision_facilitator_changed(*, cohort, before_id: int | None) -> None:
    """A cohort got another facilitator: the new one becomes admin of its groups' spaces; the one before
    leaves them (unless also a member)."""
    for group in IntervisionGroup.objects.filter(cohort=cohort):
        community = _community_group(group)
        if community is None:
            continue
        if cohort.facilitator_id:
            group_add_member(group=community, user=cohort.facilitator, is_admin=True)
        stays = IntervisionMember.objects.filter(group=group, user_id=before_id).exists()
        if before_id and before_id != cohort.facilitator_id and not stays:
            with contextlib.suppress(ValidationError):  # the last admin of a group stays
                group_remove_member(group=community, user=User.objects.get(pk=before_id))


def _community_group(group: IntervisionGroup):
    from veerkracht.community.selectors.groups import group_for_invitation

    return group_for_invitation(group.community_group_id) if group.community_group_id else None


def _register(event, user) -> None:
    """Register a member for a meeting (their enrolment in the course is their consent to take part);
    someone already registered stays as they are."""
    with contextlib.suppress(ValidationError):
        registration_create(
            event=event,
            applicant=Applicant(name=user.display_name, email=user.email, user=user),
            consent=True,
        )


def meeting_dates(*, first: date, count: int, weeks_between: int) -> list[date]:
    return [first + timedelta(weeks=weeks_between * i) for i in range(count)]


@transaction.atomic
def intervision_meetings_plan(
    *,
    group: IntervisionGroup,
    actor,
    first: date,
    starts: time,
    ends: time,
    count: int,
    weeks_between: int,
    place: str = "",
    online: bool = False,
) -> list:
    """A series of closed training meetings in the agenda for the group: the facilitator organises them
    (and checks members in), every member is registered, and each is a meeting of the cohort."""
    if not 1 <= count <= MAX_MEETINGS or not 1 <= weeks_between <= 8:
        raise ValidationError(_("Kies 1 tot en met 12 bijeenkomsten, met 1 tot en met 8 weken ertussen."))
    if ends <= starts:
        raise ValidationError({"ends": _("De eindtijd moet na de begintijd liggen.")})
    dates = meeting_dates(first=first, count=count, weeks_between=weeks_between)
    _check_free(group, dates)
    cohort = group.cohort
    course = cohort.course
    fields = {
        "kind": "training",  # agenda EventKind.TRAINING
        "visibility": "closed",  # agenda Visibility.CLOSED: not in the public agenda
        "title": _("Intervisie: %(name)s") % {"name": group.name},
        "description": _("Bijeenkomst van de intervisiegroep %(name)s (%(course)s).")
        % {"name": group.name, "course": course.title},
        "capacity": MAX_MEMBERS + 1,
        "max_places": 1,
        "organiser_name": course.region.name,
        "online": online,
        "venue": (place or "")[:120],
    }
    series = series_create(
        region=course.region,
        organiser=actor,
        co_organisers=[cohort.facilitator] if cohort.facilitator_id else [],
        title=fields["title"][:120],
        rule=_("%(count)s keer, om de %(weeks)s weken") % {"count": count, "weeks": weeks_between},
        dates=dates,
        starts=starts,
        ends=ends,
        fields=fields,
    )
    events = series_events(series)
    _link_meetings(group, events)
    members = [member.user for member in group.members.select_related("user__profile")]
    for event in events:
        for user in members:
            _register(event, user)
    log_action("learning.intervision.planned", actor=actor, subject=group, data={"meetings": len(events)})
    return events


def _check_free(group: IntervisionGroup, dates: list[date]) -> None:
    """One meeting a day: a second submit of the same plan (or a slip) makes no second series."""
    IntervisionGroup.objects.select_for_update().filter(pk=group.pk).first()
    planned = {
        timezone.localdate(event.starts_at)
        for event in events_by_ids(group.meetings.values_list("event_id", flat=True))
    }
    taken = sorted(planned & set(dates))
    if taken:
        raise ValidationError(
            {
                "first": _("Op %(day)s heeft de groep al een bijeenkomst. Kies andere datums.")
                % {"day": f"{taken[0]:%d-%m-%Y}"}
            }
        )


def _link_meetings(group: IntervisionGroup, events: list) -> None:
    community = _community_group(group)
    for event in events:
        IntervisionMeeting.objects.get_or_create(group=group, event_id=event.pk)
        group.cohort.meetings.add(event.pk)
        if community is not None:
            group_meeting_add(group=community, event_id=event.pk, actor=None)


def intervision_meetings_link(*, group: IntervisionGroup, events: list) -> None:
    """Link agenda events that already exist (the demo's past meetings) to the group and its cohort."""
    _link_meetings(group, events)


@transaction.atomic
def reflection_save(*, group: IntervisionGroup, event_id: int, author, text: str) -> Reflection:
    """A member's reflection on a meeting that has ended: one per member per meeting, which they can
    change later."""
    if not IntervisionMember.objects.filter(group=group, user=author).exists():
        raise ValidationError(_("Alleen leden van de groep schrijven een reflectie."))
    if not IntervisionMeeting.objects.filter(group=group, event_id=event_id).exists():
        raise ValidationError(_("Deze bijeenkomst hoort niet bij deze groep."))
    events = events_by_ids([event_id])
    if not events or events[0].ends_at > timezone.now():
        raise ValidationError(_("Een reflectie schrijf je na de bijeenkomst."))
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Schrijf je reflectie.")})
    if len(text) > REFLECTION_MAX:
        raise ValidationError({"text": _("Schrijf hoogstens %(max)s tekens.") % {"max": REFLECTION_MAX}})
    reflection = (
        Reflection.objects.select_for_update().filter(group=group, event_id=event_id, author=author).first()
    )
    if reflection is not None:
        reflection.text = text
        reflection.full_clean()
        reflection.save(update_fields=["text", "updated_at"])
        return reflection
    reflection = Reflection(group=group, event_id=event_id, author=author, text=text)
    reflection.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            reflection.save()
    except IntegrityError:
        # The same member saved twice at the same moment (a double submit): the last text counts.
        Reflection.objects.filter(group=group, event_id=event_id, author=author).update(text=text)
        reflection = Reflection.objects.get(group=group, event_id=event_id, author=author)
    return reflection


# --- members follow the enrolments ------------------------------------------------------------------


@transaction.atomic
def intervision_enrolment_seated(*, enrolment: Enrolment) -> IntervisionMember | None:
    """A learner who gets a seat joins the cohort's intervision group when there is exactly one with
    room (with more groups, the coordinator chooses), and is registered for its coming meetings."""
    groups = list(IntervisionGroup.objects.filter(cohort_id=enrolment.cohort_id))
    if len(groups) != 1:
        return None
    group = groups[0]
    if IntervisionMember.objects.filter(group=group, user_id=enrolment.user_id).exists():
        return None
    if group.members.count() >= MAX_MEMBERS:
        return None
    member = IntervisionMember.objects.create(group=group, user=enrolment.user)
    community = _community_group(group)
    if community is not None:
        group_add_member(group=community, user=enrolment.user)
    ids = group.meetings.values_list("event_id", flat=True)
    for event in events_by_ids(list(ids)):
        if event.starts_at > timezone.now():
            _register(event, enrolment.user)
    return member


@transaction.atomic
def intervision_enrolment_released(*, enrolment: Enrolment) -> int:
    """A learner who gives up their seat leaves the cohort's intervision groups (and their closed
    groups); what they wrote stays theirs until they delete their account."""
    memberships = list(
        IntervisionMember.objects.filter(group__cohort_id=enrolment.cohort_id, user_id=enrolment.user_id)
    )
    for membership in memberships:
        community = _community_group(membership.group)
        if community is not None:
            group_remove_member(group=community, user=enrolment.user)
        membership.delete()
    return len(memberships)


@receiver(enrolment_seated, dispatch_uid="learning.intervision.seated")
def _on_seated(sender, enrolment, **kwargs) -> None:
    intervision_enrolment_seated(enrolment=enrolment)


@receiver(enrolment_released, dispatch_uid="learning.intervision.released")
def _on_released(sender, enrolment, **kwargs) -> None:
    intervision_enrolment_released(enrolment=enrolment)


@transaction.atomic
def intervision_erase(*, user) -> None:
    Reflection.objects.filter(author=user).delete()
    IntervisionMember.objects.filter(user=user).delete()
