"""Reads for requests: the triage board, counts for the monitor, and the sender's public timeline."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Count, F, Min, Q, QuerySet
from django.utils import timezone

from veerkracht.accounts.models import Role, User
from veerkracht.core.vocabulary import DIMENSIONS, THEMES
from veerkracht.regions.models import Region

from ..models import CloseReason, EventKind, Request, RequestEvent, RequestStatus

# A NEW request that waits longer than this many working days (Mon–Fri) is flagged on the board.
# The action centre promises an answer within five working days (see the contact page).
STALE_AFTER_WORKING_DAYS = 5

# The board's status filter: besides the real statuses, "all open" (the default) and "everything".
STATUS_OPEN = ""
STATUS_ALL = "alle"
ASSIGNEE_NOBODY = "niemand"
ASSIGNEE_ME = "ik"


def working_days_between(start: date, end: date) -> int:
    """Weekdays d with start < d <= end: the working days that passed since `start` (0 when end <= start)."""
    if end <= start:
        return 0
    days = (end - start).days
    full_weeks, rest = divmod(days, 7)
    count = full_weeks * 5
    for offset in range(1, rest + 1):
        if (start + timedelta(days=full_weeks * 7 + offset)).weekday() < 5:
            count += 1
    return count


def stale_before(today: date | None = None) -> date:
    """The latest arrival date that counts as waiting too long today (more than the threshold)."""
    today = today or timezone.localdate()
    day = today
    while working_days_between(day, today) <= STALE_AFTER_WORKING_DAYS:
        day -= timedelta(days=1)
    return day


def is_stale(request: Request, today: date | None = None) -> bool:
    if request.status != RequestStatus.NEW:
        return False
    today = today or timezone.localdate()
    arrived = timezone.localtime(request.created_at).date()
    return working_days_between(arrived, today) > STALE_AFTER_WORKING_DAYS


def staff_members() -> QuerySet[User]:
    """People with the action-centre staff role: they can be assigned a request."""
    return (
        User.objects.filter(is_active=True, role_assignments__role=Role.STAFF)
        .select_related("profile")
        .order_by("profile__display_name", "email")
    )


# Board filters that are one plain condition each: filter key -> the condition for a value.
_SIMPLE_FILTERS = {
    "subregion": lambda value: Q(municipality__subregion=value),
    "municipality": lambda value: Q(municipality=value),
    "theme": lambda value: THEMES.any_of("themes", [value]),
    "dimension": lambda value: DIMENSIONS.any_of("dimensions", [value]),
    "kind": lambda value: Q(kind=value),
}


def requests_for_board(region, filters: Mapping[str, Any], *, user=None) -> QuerySet[Request]:
    """The region's requests, filtered by the board's (already validated) filter values.

    `filters` may hold: q, subregion, municipality, theme, dimension, kind, status, assignee, stale.
    Missing or empty values do not filter. `user` is needed for assignee "ik".
    """
    qs = Request.objects.filter(region=region).select_related("municipality", "assignee__profile")
    qs = _by_status(qs, filters.get("status") or STATUS_OPEN)
    for key, condition in _SIMPLE_FILTERS.items():
        if filters.get(key):
            qs = qs.filter(condition(filters[key]))
    qs = _by_assignee(qs, filters.get("assignee"), user)
    if filters.get("stale"):
        qs = qs.filter(status=RequestStatus.NEW, created_at__lt=_start_of_day_after(stale_before()))
    q = (filters.get("q") or "").strip()
    if q:
        qs = qs.filter(
            Q(title__icontains=q) | Q(description__icontains=q) | Q(name__icontains=q) | Q(email__icontains=q)
        )
    return qs.order_by("-created_at", "-pk")


def _by_status(qs: QuerySet[Request], status: str) -> QuerySet[Request]:
    if status == STATUS_OPEN:
        return qs.exclude(status=RequestStatus.CLOSED)
    return qs if status == STATUS_ALL else qs.filter(status=status)


def _by_assignee(qs: QuerySet[Request], assignee, user) -> QuerySet[Request]:
    if assignee == ASSIGNEE_NOBODY:
        return qs.filter(assignee__isnull=True)
    if assignee == ASSIGNEE_ME:
        return qs.filter(assignee=user) if user is not None else qs.none()
    return qs.filter(assignee_id=assignee) if assignee else qs


def _start_of_day_after(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


def stale_count(region) -> int:
    """How many NEW requests wait too long (one query)."""
    cutoff = _start_of_day_after(stale_before())
    return Request.objects.filter(region=region, status=RequestStatus.NEW, created_at__lt=cutoff).count()


def request_counts_by_status(region) -> dict[str, int]:
    """Number of requests per status in the region, every status present (0 when none). One query."""
    rows = Request.objects.filter(region=region).values("status").annotate(n=Count("pk")).order_by()
    counts = {status.value: 0 for status in RequestStatus}
    for row in rows:
        counts[row["status"]] = row["n"]
    return counts


def staff_timeline(request: Request) -> list[RequestEvent]:
    """Every event, internal notes included, for the board's detail page."""
    events = list(request.events.select_related("actor__profile"))
    for event in events:
        event.reason_label = _reason_label(event)
    return events


def public_timeline(request: Request) -> list[RequestEvent]:
    """What the sender may see: everything except internal notes, and no staff names."""
    events = []
    for event in request.events.exclude(kind=EventKind.NOTE):
        # An ASSIGNED event without a name is "nobody assigned any more": not news for the sender.
        if event.kind == EventKind.ASSIGNED and not event.text:
            continue
        event.reason_label = _reason_label(event)
        events.append(event)
    return events


def _reason_label(event: RequestEvent) -> str:
    if event.kind == EventKind.STATUS and event.to_status == RequestStatus.CLOSED and event.text:
        return str(dict(CloseReason.choices).get(event.text, ""))
    return ""


# --- For the monitor (indicators.py): plain values per item, region-scoped ------------------------

# What counts as a first response: a message to the sender, a status change or someone picking it up.
RESPONSE_KINDS = (EventKind.STAFF_MESSAGE, EventKind.STATUS, EventKind.ASSIGNED)


def requests_received_between(
    region: Region, start: datetime, end: datetime
) -> list[tuple[str | None, str, float | None]]:
    """(municipality, kind, days to first response or None) of every request received in [start, end)."""
    rows = (
        Request.objects.filter(region=region, created_at__gte=start, created_at__lt=end)
        .annotate(
            first_response=Min(
                "events__created_at",
                filter=Q(events__kind__in=RESPONSE_KINDS) & Q(events__created_at__gte=F("created_at")),
            )
        )
        .values_list("municipality__code", "kind", "created_at", "first_response")
    )
    return [
        (code, kind, None if first is None else (first - created).total_seconds() / 86400)
        for code, kind, created, first in rows
    ]


def first_request_at(region) -> datetime | None:
    """When the region's first request came in (None without any)."""
    return Request.objects.filter(region=region).aggregate(first=Min("created_at"))["first"]
