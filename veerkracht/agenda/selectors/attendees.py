"""Reads of an event's attendees, for its organisers only (permissions/events.get_event_for_organiser):
the list with search and status filter, the counts, and the rows of the CSV for the door."""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import Count, Q, QuerySet, Sum
from django.utils.translation import gettext as _

from ..models import Event, Question, Registration, RegistrationStatus

Status = RegistrationStatus
# The status filter of the list: "cancelled" also shows offers that ran out.
STATUS_FILTERS = {
    "confirmed": (Status.CONFIRMED,),
    "waiting": (Status.WAITING,),
    "offered": (Status.OFFERED,),
    "cancelled": (Status.CANCELLED, Status.EXPIRED),
}
# Formula injection: a spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def attendees(event: Event, *, q: str = "", status: str = "") -> QuerySet[Registration]:
    rows = Registration.objects.filter(event=event)
    if status in STATUS_FILTERS:
        rows = rows.filter(status__in=STATUS_FILTERS[status])
    q = " ".join(q.split())
    if q:
        rows = rows.filter(Q(name__icontains=q) | Q(email__icontains=q))
    return rows.order_by("name", "id")


def with_answers(rows: list[Registration], questions: list[Question]) -> list[Registration]:
    """Each row gets `answer_list`: [(question, answer)] for the questions it answered."""
    for row in rows:
        answers = row.answers or {}
        row.answer_list = [(q.text, answers[str(q.pk)]) for q in questions if answers.get(str(q.pk))]
    return rows


def attendee_counts(event: Event) -> dict[str, int]:
    """Places registered (before the event), people waiting, places inside, walk-ins, no-shows."""
    confirmed = Q(status=Status.CONFIRMED)
    counts = Registration.objects.filter(event=event).aggregate(
        registered=Sum("places", filter=confirmed & Q(walk_in=False)),
        offered=Sum("places", filter=Q(status=Status.OFFERED)),
        waiting=Count("pk", filter=Q(status=Status.WAITING)),
        checked_in=Sum("checked_in_places", filter=confirmed & Q(checked_in_at__isnull=False)),
        walk_ins=Sum("places", filter=confirmed & Q(walk_in=True)),
        # Only meaningful once the event has ended; the page shows it then.
        no_shows=Count("pk", filter=confirmed & Q(walk_in=False, checked_in_at__isnull=True)),
    )
    return {key: value or 0 for key, value in counts.items()}


def safe_cell(value: object) -> str:
    """A CSV cell a spreadsheet shows as text, never runs as a formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_START) else text


def csv_rows(event: Event, questions: list[Question], header: list[str]) -> Iterator[list[str]]:
    """The header, then one row per registration that is or was coming (not cancelled or expired)."""
    yield [safe_cell(h) for h in [*header, *(q.text for q in questions)]]
    rows = Registration.objects.filter(
        event=event, status__in=(Status.CONFIRMED, Status.OFFERED, Status.WAITING)
    ).order_by("name", "id")
    for row in rows.iterator():
        answers = row.answers or {}
        yield [
            safe_cell(v)
            for v in (
                row.name,
                row.email,
                row.places,
                row.get_status_display(),
                _("ja") if row.walk_in else "",
                row.checked_in_places if row.checked_in else "",
                *(answers.get(str(q.pk), "") for q in questions),
            )
        ]


def checked_in_pairs(event_ids, user_ids) -> set[tuple[int, int]]:
    """(event id, user id) of the people among `user_ids` who were checked in at the events among
    `event_ids` (for other apps: the learning app counts attended meetings)."""
    event_ids, user_ids = [i for i in event_ids if i], [i for i in user_ids if i]
    if not event_ids or not user_ids:
        return set()
    rows = Registration.objects.filter(
        event_id__in=event_ids, user_id__in=user_ids, checked_in_at__isnull=False
    ).values_list("event_id", "user_id")
    return set(rows)
