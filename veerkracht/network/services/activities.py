"""Writes of what ambassadors do: logging, changing and deleting their own activities, the automatic
rows (sessions organised in the agenda, introductions made in the action centre), and erasing."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from veerkracht.regions.models import Municipality, Region

from ..models import Activity, ActivityKind, ActivitySource, Ambassador
from ..selectors.activities import all_regions, ambassador_user_ids, ambassadors_by_user, existing_source_keys

MAX_PEOPLE = 2000
# How far back an activity may be logged: a year and a few days (the last week of December in January).
MAX_DAYS_BACK = 366


@dataclass(frozen=True)
class ActivityData:
    on: date
    kind: str
    people: int
    municipality: Municipality | None
    note: str = ""


def activity_date_error(on: date, *, today: date | None = None) -> str:
    """The Dutch message for a date that cannot be logged, or ""."""
    today = today or timezone.localdate()
    if on > today:
        return _("Deze datum ligt in de toekomst. Vul in wanneer het gebeurd is.")
    if on < today - timedelta(days=MAX_DAYS_BACK):
        return _("Deze datum is meer dan een jaar geleden. Je kunt alleen het afgelopen jaar invullen.")
    return ""


def people_error(people: int) -> str:
    if people < 1:
        return _("Vul in met hoeveel mensen, minstens 1.")
    if people > MAX_PEOPLE:
        return _("Dat zijn wel heel veel mensen. Vul een aantal in van hoogstens %(max)d.") % {
            "max": MAX_PEOPLE
        }
    return ""


def _check(ambassador: Ambassador, data: ActivityData) -> None:
    errors = {}
    if message := activity_date_error(data.on):
        errors["on"] = message
    if message := people_error(data.people):
        errors["people"] = message
    if data.municipality is not None and data.municipality.region_id != ambassador.region_id:
        errors["municipality"] = _("Kies een gemeente uit de lijst.")
    if errors:
        raise ValidationError(errors)


def _fill(activity: Activity, data: ActivityData) -> None:
    activity.on = data.on
    activity.kind = data.kind
    activity.people = data.people
    activity.municipality = data.municipality
    activity.note = data.note.strip()


@transaction.atomic
def activity_log(*, ambassador: Ambassador, data: ActivityData) -> Activity:
    """The ambassador logs something they did."""
    _check(ambassador, data)
    activity = Activity(ambassador=ambassador, region_id=ambassador.region_id, source=ActivitySource.LOGGED)
    _fill(activity, data)
    # No municipality (online, outside the region) is allowed: the model field has no blank=True.
    activity.full_clean(exclude=["municipality"])
    activity.save()
    return activity


@transaction.atomic
def activity_update(*, activity: Activity, data: ActivityData) -> Activity:
    """Only logged activities change; automatic ones follow their source."""
    if activity.source != ActivitySource.LOGGED:
        raise ValidationError(_("Deze activiteit is vanzelf toegevoegd. Je kunt hem niet veranderen."))
    _check(activity.ambassador, data)
    _fill(activity, data)
    # No municipality (online, outside the region) is allowed: the model field has no blank=True.
    activity.full_clean(exclude=["municipality"])
    activity.save()
    return activity


@transaction.atomic
def activity_delete(*, activity: Activity) -> None:
    if activity.source != ActivitySource.LOGGED:
        raise ValidationError(_("Deze activiteit is vanzelf toegevoegd. Je kunt hem niet weghalen."))
    activity.delete()


@dataclass(frozen=True)
class AutomaticRow:
    """Something an ambassador did that another app knows of: a session held, an introduction made."""

    user_id: int
    source: str  # ActivitySource.AGENDA or ActivitySource.CONNECT
    source_key: str  # "agenda.event:12", "actioncentre.connection:7"
    on: date
    kind: str
    people: int
    municipality_id: int | None
    note: str = ""


@transaction.atomic
def activities_add_automatic(*, rows: Iterable[AutomaticRow]) -> int:
    """Add the rows that are not there yet (per ambassador and source key): safe to run again, late or
    at the same time. A row already there only takes the new number of people (a session's check-ins).
    Rows of users who are no ambassador are left out. Returns how many were added."""
    rows = list(rows)
    ambassadors = ambassadors_by_user({row.user_id for row in rows})
    done = existing_source_keys({row.source_key for row in rows})
    new, changed = [], []
    for row in rows:
        ambassador = ambassadors.get(row.user_id)
        if ambassador is None:
            continue
        people = max(1, min(row.people, MAX_PEOPLE))
        key = (ambassador.pk, row.source_key)
        if key in done:
            pk, before = done[key]
            if before != people:
                changed.append(Activity(pk=pk, people=people))
            continue
        done[key] = (0, people)
        new.append(
            Activity(
                ambassador=ambassador,
                region_id=ambassador.region_id,
                on=row.on,
                municipality_id=row.municipality_id,
                kind=row.kind,
                people=people,
                note=row.note[:200],
                source=row.source,
                source_key=row.source_key,
            )
        )
    # ignore_conflicts: a run at the same moment may have added one in between (unique per source).
    Activity.objects.bulk_create(new, ignore_conflicts=True, batch_size=500)
    Activity.objects.bulk_update(changed, ["people"], batch_size=500)
    return len(new)


def _window(days: int) -> tuple[datetime, datetime]:
    now = timezone.now()
    return now - timedelta(days=days), now


def activities_from_agenda(*, region: Region, days: int = 400, event_ids=None) -> int:
    """Sessions the region's ambassadors organised in the agenda (published, started): one row each."""
    from veerkracht.agenda.selectors.organise import sessions_given_by

    since, until = _window(days)
    sessions = sessions_given_by(ambassador_user_ids(region), since=since, until=until, event_ids=event_ids)
    return activities_add_automatic(
        rows=(
            AutomaticRow(
                user_id=s["user"],
                source=ActivitySource.AGENDA,
                source_key=f"agenda.event:{s['event']}",
                on=s["day"],
                kind=ActivityKind.SESSION,
                people=s["people"],
                municipality_id=s["municipality"],
                note=s["title"],
            )
            for s in sessions
        )
    )


def activities_from_introductions(*, region: Region, days: int = 400) -> int:
    """Introductions the region's ambassadors proposed in the action centre: two people each."""
    from veerkracht.actioncentre.selectors.connect import introductions_proposed_by

    since, until = _window(days)
    made = introductions_proposed_by(ambassador_user_ids(region), since=since, until=until)
    return activities_add_automatic(
        rows=(
            AutomaticRow(
                user_id=m["user"],
                source=ActivitySource.CONNECT,
                source_key=f"actioncentre.connection:{m['connection']}",
                on=timezone.localdate(m["at"]),
                kind=ActivityKind.INTRODUCTION,
                people=2,
                municipality_id=m["municipality"],
            )
            for m in made
        )
    )


def activities_sync_all() -> int:
    """The scheduled job: every region's sessions and introductions of the last year and a bit."""
    return sum(
        activities_from_agenda(region=region) + activities_from_introductions(region=region)
        for region in all_regions()
    )


@transaction.atomic
def activities_erase(*, user) -> int:
    return Activity.objects.filter(ambassador__user=user).delete()[0]
