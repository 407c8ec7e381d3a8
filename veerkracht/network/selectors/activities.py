"""Reads of what ambassadors do: their own year (the person's own page and PDF), and the plain rows the
monitor counts. The log itself is for the ambassador and action-centre staff only."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import QuerySet

from veerkracht.regions.models import Municipality, Region

from ..models import Activity, ActivityKind, Ambassador, AmbassadorStatus

# Who has an activity page: everyone who is or was on their way (a stopped ambassador has none).
WITH_ACTIVITIES = (AmbassadorStatus.ONBOARDING, AmbassadorStatus.ACTIVE, AmbassadorStatus.PAUSED)


def ambassador_of(user) -> Ambassador | None:
    """The user's ambassador row, if it may log activities; None for everyone else."""
    if user is None or not user.is_authenticated:
        return None
    return (
        Ambassador.objects.select_related("user__profile", "municipality", "region")
        .filter(user=user, status__in=WITH_ACTIVITIES)
        .first()
    )


def activity_of(ambassador: Ambassador, pk) -> Activity | None:
    """One of the ambassador's own activities (logged or automatic), or None."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    return Activity.objects.select_related("municipality").filter(ambassador=ambassador, pk=pk).first()


@dataclass
class Year:
    """One ambassador's year: what the page and the thank-you letter show."""

    year: int
    activities: list[Activity]
    per_kind: list[tuple[str, str, int]] = field(default_factory=list)  # (kind, label, count)
    per_month: list[int] = field(default_factory=list)  # 12 counts, January first
    people: int = 0
    municipalities: int = 0

    @property
    def total(self) -> int:
        return len(self.activities)


def year_of(ambassador: Ambassador, year: int) -> Year:
    """All of one year in one query; the counts are made from the rows (a year holds at most a few
    hundred of them)."""
    rows = list(
        Activity.objects.select_related("municipality")
        .filter(ambassador=ambassador, on__gte=date(year, 1, 1), on__lte=date(year, 12, 31))
        .order_by("-on", "-pk")
    )
    kinds = Counter(row.kind for row in rows)
    months = Counter(row.on.month for row in rows)
    return Year(
        year=year,
        activities=rows,
        per_kind=[(kind.value, kind.label, kinds.get(kind.value, 0)) for kind in ActivityKind],
        per_month=[months.get(month, 0) for month in range(1, 13)],
        people=sum(row.people for row in rows),
        municipalities=len({row.municipality_id for row in rows if row.municipality_id}),
    )


def years_of(ambassador: Ambassador, *, current: int) -> list[int]:
    """The years with activities, and the current year, newest first."""
    years = {d.year for d in Activity.objects.filter(ambassador=ambassador).dates("on", "year")}
    return sorted(years | {current}, reverse=True)


def municipalities_of(region: Region) -> list[Municipality]:
    return list(Municipality.objects.filter(region=region).order_by("name"))


def existing_source_keys(keys: set[str]) -> dict[tuple[int, str], tuple[int, int]]:
    """{(ambassador id, source key): (activity id, people)} of the automatic rows already there."""
    if not keys:
        return {}
    rows = Activity.objects.filter(source_key__in=keys).values_list(
        "ambassador_id", "source_key", "pk", "people"
    )
    return {(ambassador, key): (pk, people) for ambassador, key, pk, people in rows}


def ambassadors_by_user(user_ids) -> dict[int, Ambassador]:
    """{user id: ambassador} of these users (every status but stopped: it happened while they were one)."""
    return {
        a.user_id: a
        for a in Ambassador.objects.filter(user_id__in=list(user_ids)).exclude(
            status=AmbassadorStatus.STOPPED
        )
    }


def all_regions() -> list[Region]:
    return list(Region.objects.all())


def ambassador_user_ids(region: Region) -> list[int]:
    return list(
        Ambassador.objects.filter(region=region)
        .exclude(status=AmbassadorStatus.STOPPED)
        .values_list("user_id", flat=True)
    )


def activities_of_user(user) -> QuerySet[Activity]:
    return Activity.objects.filter(ambassador__user=user).select_related("municipality").order_by("on", "pk")


# --- For the monitor ------------------------------------------------------------------------------


def activity_rows_between(region: Region, start: datetime, end: datetime) -> list[tuple[str | None, str]]:
    """(municipality code or None, kind) of every activity on a day in [start, end)."""
    return list(
        Activity.objects.filter(region=region, on__gte=start.date(), on__lt=end.date()).values_list(
            "municipality__code", "kind"
        )
    )


def first_activity_on(region: Region) -> date | None:
    return Activity.objects.filter(region=region).order_by("on").values_list("on", flat=True).first()


def municipalities_with_active_ambassador(region: Region, as_of: datetime) -> list[str]:
    """The code of every municipality with at least one active ambassador on the day of ``as_of``.

    Active on a day: their latest step (AmbassadorEvent) up to that day is a start or a resume; an
    ambassador without any steps yet counts by the current status and the start date.
    """
    from ..models import AmbassadorEvent, EventKind

    day = as_of.date() if isinstance(as_of, datetime) else as_of
    ambassadors = Ambassador.objects.filter(region=region, municipality__isnull=False).values_list(
        "pk", "municipality__code", "status", "started_on"
    )
    latest: dict[int, str] = {}
    steps = AmbassadorEvent.objects.filter(ambassador__region=region, on__lte=day).order_by("on", "pk")
    for ambassador_id, kind in steps.values_list("ambassador_id", "kind"):
        latest[ambassador_id] = kind
    with_steps = set(
        AmbassadorEvent.objects.filter(ambassador__region=region).values_list("ambassador_id", flat=True)
    )
    codes = set()
    for pk, code, status, started_on in ambassadors:
        if pk in with_steps:
            active = latest.get(pk) in (EventKind.STARTED, EventKind.RESUMED)
        else:
            active = status == AmbassadorStatus.ACTIVE and (started_on is None or started_on <= day)
        if active:
            codes.add(code)
    return sorted(codes)


def demo_ambassadors_without_activities(region: Region, statuses) -> list[Ambassador]:
    return list(
        Ambassador.objects.filter(region=region, status__in=statuses, activities__isnull=True)
        .distinct()
        .order_by("pk")
    )


def region_municipality_ids(region: Region) -> list[int]:
    return list(Municipality.objects.filter(region=region).order_by("pk").values_list("pk", flat=True))
