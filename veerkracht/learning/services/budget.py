"""The training-plan budget: the ledger written by the enrolment signals, and the coordinator's funding
sources, budget lines and targets.

Receivers run inside the enrolment service's transaction (signals.py), so an entry is saved together
with the change of status, or not at all. Each is idempotent: what an enrolment already committed or
spent is read from its own entries first, so a signal sent twice books once.

Over-commitment: a seat is never refused for lack of budget. Whether someone may follow a course is
the coordinator's decision when they enrol or approve; the ledger records what happened. An entry that
takes a line below zero is flagged (``over_budget``) and the report shows the line in red, so the
coordinator can add money or move it. A seat no line matches is booked without a line ("niet gedekt").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Count, F, Q, Sum
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext as _

from veerkracht.core.audit import log_action

from ..models import (
    BudgetEntry,
    BudgetLine,
    BudgetTotal,
    CostKind,
    Enrolment,
    EnrolmentStatus,
    EntryKind,
    FundingSource,
    Target,
)
from ..selectors.budget import people_reached
from ..signals import enrolment_completed, enrolment_released, enrolment_seated


@dataclass(frozen=True)
class _State:
    open_cents: int
    spent_cents: int
    line_id: int | None


def _state(enrolment: Enrolment) -> _State:
    totals = dict(
        BudgetEntry.objects.filter(enrolment=enrolment)
        .values_list("kind")
        .annotate(total=Sum("amount_cents"))
        .values_list("kind", "total")
    )
    committed = totals.get(EntryKind.COMMITTED, 0)
    released = totals.get(EntryKind.RELEASED, 0)
    spent = totals.get(EntryKind.SPENT, 0)
    last = (
        BudgetEntry.objects.filter(enrolment=enrolment, kind=EntryKind.COMMITTED)
        .order_by("-pk")
        .values_list("line_id", flat=True)
        .first()
    )
    return _State(committed - released - spent, spent, last)


def _paid_by_plan(enrolment: Enrolment) -> bool:
    course = enrolment.cohort.course
    return course.cost_kind == CostKind.PLAN and course.seat_cost_cents > 0


def matching_line(enrolment: Enrolment) -> BudgetLine | None:
    """The course's own line first, else its target group's, of a source whose period holds the
    cohort's start (locked: its balance is read next)."""
    course = enrolment.cohort.course
    day = enrolment.cohort.starts_on
    lines = BudgetLine.objects.filter(
        Q(course=course) | Q(course__isnull=True, target_group=course.target_group),
        source__region_id=course.region_id,
        source__starts_on__lte=day,
        source__ends_on__gte=day,
    ).order_by("course_id", "source__starts_on", "pk")
    # NULLs sort first on SQLite and last on PostgreSQL: pick the course line explicitly.
    found = list(lines.select_for_update().values_list("pk", "course_id"))
    ordered = [pk for pk, course_id in found if course_id] + [pk for pk, course_id in found if not course_id]
    return BudgetLine.objects.get(pk=ordered[0]) if ordered else None


def line_left_cents(line: BudgetLine) -> int:
    totals = BudgetTotal.objects.filter(line=line).aggregate(
        committed=Sum("committed_cents", default=0), released=Sum("released_cents", default=0)
    )
    return line.amount_cents - totals["committed"] + totals["released"]


TOTAL_COLUMN = {
    EntryKind.COMMITTED: "committed_cents",
    EntryKind.RELEASED: "released_cents",
    EntryKind.SPENT: "spent_cents",
}


def _add_to_total(entry: BudgetEntry) -> None:
    """Keep the report's rollup up to date (inside the booking's transaction)."""
    key = {
        "region_id": entry.region_id,
        "line_id": entry.line_id,
        "target_group": entry.target_group,
        "organisation_id": entry.organisation_id,
        "subregion_id": entry.subregion_id,
    }
    total = BudgetTotal.objects.select_for_update().filter(**key).first() or BudgetTotal.objects.create(**key)
    changes = {TOTAL_COLUMN[entry.kind]: F(TOTAL_COLUMN[entry.kind]) + entry.amount_cents}
    if entry.over_budget:
        changes["over_budget"] = F("over_budget") + 1
    BudgetTotal.objects.filter(pk=total.pk).update(**changes)


@transaction.atomic
def budget_totals_rebuild(*, region) -> int:
    """Make the rollup again from the ledger (after a bulk import, or to repair it); returns its rows."""
    BudgetTotal.objects.filter(region=region).delete()
    sums = {kind: Sum("amount_cents", filter=Q(kind=kind), default=0) for kind in EntryKind.values}
    rows = (
        BudgetEntry.objects.filter(region=region)
        .values_list("line_id", "target_group", "organisation_id", "subregion_id")
        .annotate(**sums, over=Count("pk", filter=Q(over_budget=True, kind=EntryKind.COMMITTED)))
        .order_by()
    )
    totals = [
        BudgetTotal(
            region=region,
            line_id=line_id,
            target_group=group,
            organisation_id=organisation_id,
            subregion_id=subregion_id,
            committed_cents=committed,
            released_cents=released,
            spent_cents=spent,
            over_budget=over,
        )
        for line_id, group, organisation_id, subregion_id, committed, released, spent, over in rows
    ]
    BudgetTotal.objects.bulk_create(totals, batch_size=1000)
    return len(totals)


def _subregion_id(enrolment: Enrolment) -> int | None:
    if enrolment.cohort.subregion_id:
        return enrolment.cohort.subregion_id
    organisation = enrolment.organisation
    if organisation is not None and organisation.municipality_id:
        return organisation.municipality.subregion_id
    return None


def _book(enrolment: Enrolment, *, kind: str, cents: int, line_id: int | None, on: date, over: bool = False):
    course = enrolment.cohort.course
    entry = BudgetEntry(
        region_id=course.region_id,
        line_id=line_id,
        kind=kind,
        amount_cents=cents,
        booked_on=on,
        target_group=course.target_group,
        course=course,
        organisation_id=enrolment.organisation_id,
        subregion_id=_subregion_id(enrolment),
        enrolment=enrolment,
        over_budget=over,
    )
    entry.full_clean()
    entry.save()
    _add_to_total(entry)
    return entry


def _lock(enrolment: Enrolment) -> Enrolment:
    return (
        Enrolment.objects.select_for_update(of=("self",))
        .select_related("cohort__course", "organisation__municipality")
        .get(pk=enrolment.pk)
    )


@transaction.atomic
def budget_commit_seat(*, enrolment: Enrolment, on: date | None = None) -> BudgetEntry | None:
    """Commit the seat's cost against the matching line (once; nothing for a course the plan does not pay)."""
    enrolment = _lock(enrolment)
    if not _paid_by_plan(enrolment):
        return None
    state = _state(enrolment)
    if state.open_cents > 0 or state.spent_cents > 0:
        return None
    cost = enrolment.cohort.course.seat_cost_cents
    line = matching_line(enrolment)
    over = line is None or line_left_cents(line) < cost
    return _book(
        enrolment,
        kind=EntryKind.COMMITTED,
        cents=cost,
        line_id=line.pk if line else None,
        on=on or timezone.localdate(),
        over=over and line is not None,
    )


@transaction.atomic
def budget_release_seat(*, enrolment: Enrolment, on: date | None = None) -> BudgetEntry | None:
    """Give back what the seat still holds (nothing when it holds nothing)."""
    enrolment = _lock(enrolment)
    state = _state(enrolment)
    if state.open_cents <= 0:
        return None
    return _book(
        enrolment,
        kind=EntryKind.RELEASED,
        cents=state.open_cents,
        line_id=state.line_id,
        on=on or timezone.localdate(),
    )


@transaction.atomic
def budget_spend_seat(*, enrolment: Enrolment, on: date | None = None) -> BudgetEntry | None:
    """Turn the seat's commitment into spending (committing first when the seat was never committed,
    e.g. seated before the budget was set up). Once per enrolment."""
    enrolment = _lock(enrolment)
    if not _paid_by_plan(enrolment):
        return None
    day = on or timezone.localdate()
    state = _state(enrolment)
    if state.spent_cents > 0:
        return None
    if state.open_cents <= 0:
        budget_commit_seat(enrolment=enrolment, on=day)
        state = _state(enrolment)
    return _book(enrolment, kind=EntryKind.SPENT, cents=state.open_cents, line_id=state.line_id, on=day)


@receiver(enrolment_seated, dispatch_uid="learning.budget.seated")
def _on_seated(sender, enrolment: Enrolment, **kwargs) -> None:
    budget_commit_seat(enrolment=enrolment)


@receiver(enrolment_released, dispatch_uid="learning.budget.released")
def _on_released(sender, enrolment: Enrolment, **kwargs) -> None:
    budget_release_seat(enrolment=enrolment)


@receiver(enrolment_completed, dispatch_uid="learning.budget.completed")
def _on_completed(sender, enrolment: Enrolment, **kwargs) -> None:
    day = timezone.localdate(enrolment.completed_at) if enrolment.completed_at else None
    budget_spend_seat(enrolment=enrolment, on=day)
    targets_count_completion(enrolment=enrolment)


@transaction.atomic
def targets_count_completion(*, enrolment: Enrolment) -> int:
    """A completion counts for each target of its group whose period holds it, unless this person
    already completed another course of that group in the period (a person counts once).
    Returns the number of targets that went up."""
    if enrolment.status != EnrolmentStatus.COMPLETED or enrolment.completed_at is None:
        return 0
    course = enrolment.cohort.course
    day = timezone.localdate(enrolment.completed_at)
    counted = 0
    targets = Target.objects.select_for_update().filter(
        region_id=course.region_id, target_group=course.target_group, starts_on__lte=day, ends_on__gte=day
    )
    for target in targets:
        earlier = Enrolment.objects.filter(
            user_id=enrolment.user_id,
            status=EnrolmentStatus.COMPLETED,
            cohort__course__target_group=target.target_group,
            cohort__course__region_id=target.region_id,
            completed_at__date__gte=target.starts_on,
            completed_at__date__lte=target.ends_on,
        ).exclude(pk=enrolment.pk)
        if not earlier.exists():
            Target.objects.filter(pk=target.pk).update(reached=F("reached") + 1)
            counted += 1
    return counted


@transaction.atomic
def target_recount(*, target: Target) -> Target:
    """Count the target's people again from the enrolments (after it changed, or a bulk import)."""
    target.reached = people_reached(target)
    Target.objects.filter(pk=target.pk).update(reached=target.reached)
    return target


# --- The coordinator's forms --------------------------------------------------------------------


class BudgetError(ValueError):
    """Bad input a form could not see on its own (the money of the lines, raced by another coordinator)."""

    def __init__(self, field: str | None, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def _lines_total(source: FundingSource, *, without: int | None = None) -> int:
    lines = source.lines.exclude(pk=without) if without else source.lines.all()
    return lines.aggregate(total=Sum("amount_cents"))["total"] or 0


@transaction.atomic
def funding_source_save(*, source: FundingSource, by) -> FundingSource:
    """Add or change a funding source; its amount may not drop below what its lines already hold."""
    if source.pk:
        FundingSource.objects.select_for_update().get(pk=source.pk)
        held = _lines_total(source)
        if source.amount_cents < held:
            raise BudgetError(
                "amount",
                _("De budgetregels van deze bron zijn samen al € %(euros)s. Verlaag eerst die regels.")
                % {"euros": euros_text(held)},
            )
    else:
        same = FundingSource.objects.filter(
            region=source.region,
            name=source.name,
            amount_cents=source.amount_cents,
            starts_on=source.starts_on,
        ).first()
        if same is not None:  # a double submit
            return same
        source.created_by = by
    source.full_clean()
    source.save()
    log_action("learning.budget.source_saved", actor=by, subject=source, data={"cents": source.amount_cents})
    return source


@transaction.atomic
def budget_line_save(*, line: BudgetLine, by) -> BudgetLine:
    """Add or change a line. The lines of a source together may not be more than the source: a plan
    that hands out more than it has is a mistake, not a decision (over-commitment shows on the report)."""
    source = FundingSource.objects.select_for_update().get(pk=line.source_id)
    room = source.amount_cents - _lines_total(source, without=line.pk)
    if line.amount_cents > room:
        raise BudgetError(
            "amount",
            _("Zoveel is er niet meer in deze bron: er is nog € %(euros)s over om te verdelen.")
            % {"euros": euros_text(max(room, 0))},
        )
    line.full_clean()
    line.save()
    log_action("learning.budget.line_saved", actor=by, subject=line, data={"cents": line.amount_cents})
    return line


@transaction.atomic
def target_save(*, target: Target, by) -> Target:
    if target.pk is None:
        same = Target.objects.filter(
            region=target.region,
            target_group=target.target_group,
            people=target.people,
            starts_on=target.starts_on,
            ends_on=target.ends_on,
        ).first()
        if same is not None:  # a double submit
            return same
    target.full_clean()
    target.save()
    target_recount(target=target)
    log_action("learning.budget.target_saved", actor=by, subject=target, data={"people": target.people})
    return target


def euros_text(cents: int) -> str:
    """1234567 → "12.345,67" (Dutch thousands and decimals)."""
    sign = "-" if cents < 0 else ""
    whole, rest = divmod(abs(int(cents)), 100)
    return f"{sign}{whole:,}".replace(",", ".") + f",{rest:02d}"
