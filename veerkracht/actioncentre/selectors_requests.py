"""Reads for requests: the triage board, counts for the monitor, and the sender's public timeline."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from veerkracht.accounts.models import Role, User

from .models import CloseReason, EventKind, Request, RequestEvent, RequestStatus
from .vocab import DIMENSIONS, THEMES

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


def requests_for_board(region, filters: Mapping[str, Any], *, user=None) -> QuerySet[Request]:
    """The region's requests, filtered by the board's (already validated) filter values.

    `filters` may hold: q, subregion, municipality, theme, dimension, kind, status, assignee, stale.
    Missing or empty values do not filter. `user` is needed for assignee "ik".
    """
    qs = Request.objects.filter(region=region).select_related("municipality", "assignee__profile")
    status = filters.get("status") or STATUS_OPEN
    if status == STATUS_OPEN:
        qs = qs.exclude(status=RequestStatus.CLOSED)
    elif status != STATUS_ALL:
        qs = qs.filter(status=status)
    if filters.get("subregion"):
        qs = qs.filter(municipality__subregion=filters["subregion"])
    if filters.get("municipality"):
        qs = qs.filter(municipality=filters["municipality"])
    if filters.get("theme"):
        qs = qs.filter(THEMES.any_of("themes", [filters["theme"]]))
    if filters.get("dimension"):
        qs = qs.filter(DIMENSIONS.any_of("dimensions", [filters["dimension"]]))
    if filters.get("kind"):
        qs = qs.filter(kind=filters["kind"])
    assignee = filters.get("assignee")
    if assignee == ASSIGNEE_NOBODY:
        qs = qs.filter(assignee__isnull=True)
    elif assignee == ASSIGNEE_ME:
        qs = qs.filter(assignee=user) if user is not None else qs.none()
    elif assignee:
        qs = qs.filter(assignee_id=assignee)
    if filters.get("stale"):
        qs = qs.filter(status=RequestStatus.NEW, created_at__lt=_start_of_day_after(stale_before()))
    q = (filters.get("q") or "").strip()
    if q:
        qs = qs.filter(
            Q(title__icontains=q) | Q(description__icontains=q) | Q(name__icontains=q) | Q(email__icontains=q)
        )
    return qs.order_by("-created_at", "-pk")


def _start_of_day_after(day: date):
    from datetime import datetime, time

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
