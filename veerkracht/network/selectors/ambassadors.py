"""Reads about ambassadors: a person's own application and ambassadorship with its onboarding checklist,
the staff's lists (open and decided applications, ambassadors, lessons of stops), and the rows the
monitor counts (who was active on a date, who started or stopped in a period)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from veerkracht.actioncentre.selectors.connect import ambassador_profile_of
from veerkracht.community.selectors.groups import ambassadors_group, joined_on

from ..models import (
    Ambassador,
    AmbassadorApplication,
    AmbassadorEvent,
    AmbassadorStatus,
    ApplicationStatus,
    EventKind,
)
from ..models.ambassadors import OPEN_APPLICATION

RECENT = timedelta(days=60)
ACTIVE_KINDS = (EventKind.STARTED, EventKind.RESUMED)


# --- The person's own -----------------------------------------------------------------------------


def open_application_of(user) -> AmbassadorApplication | None:
    return AmbassadorApplication.objects.filter(user=user, status__in=OPEN_APPLICATION).first()


def applications_of(user) -> list[AmbassadorApplication]:
    return list(AmbassadorApplication.objects.filter(user=user).select_related("municipality"))


def ambassador_of(user) -> Ambassador | None:
    """The person's Ambassador row (also when stopped), or None."""
    if user is None or not user.is_authenticated:
        return None
    return Ambassador.objects.filter(user=user).select_related("municipality").first()


def current_ambassador_of(user) -> Ambassador | None:
    found = ambassador_of(user)
    return found if found is not None and found.is_current else None


# --- The onboarding checklist ---------------------------------------------------------------------


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    label: str
    done_on: date | None
    done: bool
    # Who ticks it: "staff", or "derived" (read from the action centre or the community).
    by: str
    note: str = ""
    group_id: int | None = None


def checklist(ambassador: Ambassador) -> list[ChecklistItem]:
    """The four steps of starting as an ambassador. Two are ticked by staff (the workshop also by the
    learning app); two are read from elsewhere: a public profile in the action centre, and membership of
    the region's ambassadors' group in the community."""
    profile = ambassador_profile_of(ambassador.user)
    group = ambassadors_group(ambassador.region)
    joined = joined_on(group, [ambassador.user_id]).get(ambassador.user_id)
    workshop_note = _("vanzelf ingevuld uit de scholing") if ambassador.workshop_from_training else ""
    return [
        ChecklistItem(
            "intro",
            str(_("Kennismakingsgesprek gehouden")),
            ambassador.intro_held_on,
            ambassador.intro_held_on is not None,
            "staff",
        ),
        ChecklistItem(
            "workshop",
            str(_("Workshop voor ambassadeurs gevolgd")),
            ambassador.workshop_on,
            ambassador.workshop_on is not None,
            "staff",
            note=str(workshop_note),
        ),
        ChecklistItem(
            "profile",
            str(_("Profiel gepubliceerd")),
            None,
            bool(profile is not None and profile.is_public),
            "derived",
        ),
        ChecklistItem(
            "group",
            str(_("Lid van de ambassadeursgroep")),
            joined,
            joined is not None,
            "derived",
            group_id=group.pk if group else None,
        ),
    ]


def checklist_complete(ambassador: Ambassador) -> bool:
    return all(item.done for item in checklist(ambassador))


def events_of(ambassador: Ambassador) -> list[AmbassadorEvent]:
    return list(ambassador.events.select_related("created_by__profile").order_by("-on", "-pk"))


# --- For staff ------------------------------------------------------------------------------------


def _applications(region) -> QuerySet[AmbassadorApplication]:
    return AmbassadorApplication.objects.filter(region=region).select_related("user__profile", "municipality")


def open_applications(region) -> list[AmbassadorApplication]:
    """Open applications, oldest first (the one waiting longest on top)."""
    return list(_applications(region).filter(status__in=OPEN_APPLICATION).order_by("created_at", "pk"))


def recently_decided(region, *, now: datetime | None = None) -> list[AmbassadorApplication]:
    since = (now or timezone.now()) - RECENT
    decided = _applications(region).exclude(status__in=OPEN_APPLICATION).filter(decided_at__gte=since)
    return list(decided.order_by("-decided_at", "-pk"))


def application_for_staff(region, pk: int) -> AmbassadorApplication | None:
    return _applications(region).filter(pk=pk).first()


def ambassadors_for_staff(region, *, status: str = "") -> list[Ambassador]:
    rows = Ambassador.objects.filter(region=region).select_related("user__profile", "municipality")
    if status in AmbassadorStatus.values:
        rows = rows.filter(status=status)
    return list(rows.order_by("status", "user__profile__display_name", "pk"))


def ambassador_for_staff(region, pk: int) -> Ambassador | None:
    return (
        Ambassador.objects.filter(region=region, pk=pk)
        .select_related("user__profile", "municipality", "application")
        .first()
    )


def status_counts(region) -> dict[str, int]:
    counts = dict.fromkeys(AmbassadorStatus.values, 0)
    for status in Ambassador.objects.filter(region=region).values_list("status", flat=True):
        counts[status] += 1
    return counts


def lessons(region) -> list[AmbassadorEvent]:
    """Why ambassadors stopped, newest first, without names: lessons for the movement."""
    stops = AmbassadorEvent.objects.filter(region=region, kind=EventKind.STOPPED).exclude(reason="")
    return list(stops.order_by("-on", "-pk"))


# --- For the monitor ------------------------------------------------------------------------------


def _history(region, until: date):
    return (
        AmbassadorEvent.objects.filter(region=region, ambassador__isnull=False, on__lte=until)
        .order_by("ambassador_id", "on", "pk")
        .values_list("ambassador_id", "kind", "ambassador__municipality__code", "ambassador__background")
    )


def active_on(region, day: date) -> list[tuple[str | None, str]]:
    """(municipality code, background) of every ambassador whose last step on or before `day` was a
    start or a resume: active on that day (onboarding ones count: they hold the role)."""
    last: dict[int, tuple[str, str | None, str]] = {}
    for ambassador_id, kind, code, background in _history(region, day):
        last[ambassador_id] = (kind, code, background)
    return [(code, background) for kind, code, background in last.values() if kind in ACTIVE_KINDS]


def steps_between(region, kind: str, start: date, end: date) -> list[tuple[str | None, str]]:
    """(municipality code, background) per step of `kind` on a day in [start, end)."""
    return list(
        AmbassadorEvent.objects.filter(
            region=region, ambassador__isnull=False, kind=kind, on__gte=start, on__lt=end
        ).values_list("ambassador__municipality__code", "ambassador__background")
    )


def first_start_at(region) -> datetime | None:
    day = (
        AmbassadorEvent.objects.filter(region=region, kind=EventKind.STARTED)
        .order_by("on")
        .values_list("on", flat=True)
        .first()
    )
    return timezone.make_aware(datetime.combine(day, datetime.min.time())) if day else None


def declined_application_ids(before: datetime) -> list[int]:
    """Declined and withdrawn applications decided before `before` (for the retention rule)."""
    ended = (ApplicationStatus.DECLINED, ApplicationStatus.WITHDRAWN)
    return list(
        AmbassadorApplication.objects.filter(status__in=ended, decided_at__lt=before).values_list(
            "pk", flat=True
        )
    )
