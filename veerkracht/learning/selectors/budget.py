"""The budget report: budget, open commitments and spending per source, line, target group,
organisation and subregion, and the targets with their progress.

Everything is summed by the database: one grouped query over the ledger (covered by the index
``learning_entry_report``), whose few hundred group rows are folded here into each view. The page,
the CSV and the PDF all read this one ``BudgetReport``, so they show the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Q, QuerySet, Sum
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from veerkracht.accounts.models import Organisation
from veerkracht.regions.models import Region, Subregion

from ..models import (
    BudgetEntry,
    BudgetLine,
    BudgetTotal,
    CostKind,
    Course,
    Enrolment,
    EnrolmentStatus,
    EntryKind,
    FundingSource,
    Target,
    TargetGroup,
)


@dataclass
class Row:
    """One line of a table of the report, in cents."""

    key: object
    label: str
    budget: int | None = 0  # None: this view has no budget of its own (organisations, subregions)
    committed: int = 0  # open commitments
    spent: int = 0
    over_budget: int = 0  # entries booked while their line had not enough left

    @property
    def left(self) -> int | None:
        return None if self.budget is None else self.budget - self.committed - self.spent

    @property
    def is_over(self) -> bool:
        return self.left is not None and self.left < 0


@dataclass
class TargetProgress:
    target: Target
    reached: int

    @property
    def percent(self) -> int:
        return min(100, round(100 * self.reached / self.target.people)) if self.target.people else 100


@dataclass
class BudgetReport:
    sources: list[Row] = field(default_factory=list)
    lines: list[Row] = field(default_factory=list)
    target_groups: list[Row] = field(default_factory=list)
    organisations: list[Row] = field(default_factory=list)
    subregions: list[Row] = field(default_factory=list)
    uncovered: Row | None = None
    total: Row | None = None
    targets: list[TargetProgress] = field(default_factory=list)


def _totals(region: Region, key: str) -> dict[object, Row]:
    """{value of `key`: Row}, summed by the database from the rollup of the ledger (BudgetTotal, which
    services/budget.py keeps up to date): never a scan of the ledger itself."""
    found = (
        BudgetTotal.objects.filter(region=region)
        .values_list(key)
        .annotate(
            committed=Sum("committed_cents"),
            released=Sum("released_cents"),
            spent=Sum("spent_cents"),
            over=Sum("over_budget"),
        )
        .order_by()
    )
    return {
        value: Row(value, "", None, committed - released - spent, spent, over)
        for value, committed, released, spent, over in found
    }


def _fold_row(into: Row, row: Row) -> None:
    into.committed += row.committed
    into.spent += row.spent
    into.over_budget += row.over_budget


def _line_label(line: BudgetLine) -> str:
    return str(line.course) if line.course_id else str(TargetGroup(line.target_group).label)


def _sources_and_lines(region: Region, report: BudgetReport) -> dict[int, tuple[Row, Row, str]]:
    """Rows per source and per line; {line id: (line row, source row, target group)}."""
    by_line = {}
    sources = {s.pk: Row(s.pk, s.name, s.amount_cents) for s in FundingSource.objects.filter(region=region)}
    report.sources = list(sources.values())
    for line in BudgetLine.objects.filter(source__region=region).select_related("source", "course"):
        row = Row(line.pk, f"{line.source.name}: {_line_label(line)}", line.amount_cents)
        report.lines.append(row)
        group = line.course.target_group if line.course_id else line.target_group
        by_line[line.pk] = (row, sources[line.source_id], group)
    return by_line


def budget_report(region: Region) -> BudgetReport:
    """The whole report in a fixed number of queries, whatever the size of the ledger."""
    report = BudgetReport()
    by_line = _sources_and_lines(region, report)
    groups = {value: Row(value, str(label)) for value, label in TargetGroup.choices}
    for row, _source, group in by_line.values():
        groups[group].budget += row.budget
    report.uncovered = Row(None, "", None)
    for line_id, row in _totals(region, "line_id").items():
        for into in (by_line[line_id][0], by_line[line_id][1]) if line_id in by_line else (report.uncovered,):
            _fold_row(into, row)
    for value, row in _totals(region, "target_group").items():
        _fold_row(groups[value], row)
    report.target_groups = [row for row in groups.values() if row.budget or row.committed or row.spent]
    organisations = _totals(region, "organisation_id")
    report.organisations = _named(organisations, _organisation_names(organisations))
    subregions = _totals(region, "subregion_id")
    report.subregions = _named(
        subregions, dict(Subregion.objects.filter(region=region).values_list("pk", "name"))
    )
    report.total = Row("total", "", sum(row.budget for row in report.sources))
    for row in [*report.sources, report.uncovered]:
        _fold_row(report.total, row)
    report.targets = [
        TargetProgress(target, target.reached) for target in Target.objects.filter(region=region)
    ]
    return report


def _organisation_names(rows: dict) -> dict[int, str]:
    ids = [pk for pk in rows if pk is not None]
    return dict(Organisation.objects.filter(pk__in=ids).values_list("pk", "name")) if ids else {}


def _named(rows: dict[int | None, Row], names: dict[int, str]) -> list[Row]:
    for key, row in rows.items():
        row.label = names.get(key, "") if key is not None else ""
    # Named rows by name, the row without one ("onbekend") last.
    return sorted(rows.values(), key=lambda row: (row.key is None, row.label.lower()))


def _start_of(day: date) -> datetime:
    # A range of moments, not ``__date``: the database compares the indexed column as it is.
    return timezone.make_aware(datetime.combine(day, time.min))


def people_reached(target: Target, *, until: date | None = None) -> int:
    """People who completed a course for the target's group within its period (until `until`)."""
    last = min(target.ends_on, until) if until else target.ends_on
    return (
        Enrolment.objects.filter(
            status=EnrolmentStatus.COMPLETED,
            cohort__course__region_id=target.region_id,
            cohort__course__target_group=target.target_group,
            completed_at__gte=_start_of(target.starts_on),
            completed_at__lt=_start_of(last + timedelta(days=1)),
        )
        .values("user_id")
        .distinct()
        .count()
    )


def targets_progress(region: Region, *, until: date | None = None) -> list[TargetProgress]:
    """Each target with the people who completed a course for its group within its period (one query)."""
    targets = list(Target.objects.filter(region=region))
    if not targets:
        return []
    counts = {}
    for target in targets:
        last = min(target.ends_on, until) if until else target.ends_on
        counts[f"t{target.pk}"] = Count(
            "user",
            distinct=True,
            filter=Q(
                cohort__course__target_group=target.target_group,
                completed_at__gte=_start_of(target.starts_on),
                completed_at__lt=_start_of(last + timedelta(days=1)),
            ),
        )
    found = Enrolment.objects.filter(
        status=EnrolmentStatus.COMPLETED, cohort__course__region=region
    ).aggregate(**counts)
    return [TargetProgress(target, found[f"t{target.pk}"]) for target in targets]


def funding_sources(region: Region) -> QuerySet[FundingSource]:
    return FundingSource.objects.filter(region=region)


MAX_ID = 2**63  # a larger id in a URL cannot exist (and the database would not take it)


def _check_id(pk: int) -> None:
    if not 0 < pk < MAX_ID:
        raise Http404


def get_funding_source(region: Region, pk: int) -> FundingSource:
    _check_id(pk)
    return get_object_or_404(FundingSource.objects.filter(region=region), pk=pk)


def get_budget_line(region: Region, pk: int) -> BudgetLine:
    _check_id(pk)
    return get_object_or_404(BudgetLine.objects.filter(source__region=region), pk=pk)


def get_target(region: Region, pk: int) -> Target:
    _check_id(pk)
    return get_object_or_404(Target.objects.filter(region=region), pk=pk)


def plan_courses(region: Region) -> QuerySet[Course]:
    """Courses the training plan pays for: the ones a budget line may be for."""
    return Course.objects.filter(region=region, cost_kind=CostKind.PLAN).order_by("title")


def budget_totals(region: Region, *, until: date | None = None) -> tuple[int, int]:
    """(budget of the sources running on `until` or at all, spent until then) in cents, for the monitor."""
    sources = FundingSource.objects.filter(region=region)
    spent = BudgetEntry.objects.filter(region=region, kind=EntryKind.SPENT)
    if until is not None:
        sources = sources.filter(starts_on__lte=until)
        spent = spent.filter(booked_on__lte=until)
    budget = sources.aggregate(total=Sum("amount_cents", default=0))["total"]
    return budget, spent.aggregate(total=Sum("amount_cents", default=0))["total"]


def spent_between(region: Region, start: date, end: date) -> int:
    found = BudgetEntry.objects.filter(
        region=region, kind=EntryKind.SPENT, booked_on__gte=start, booked_on__lt=end
    ).aggregate(total=Sum("amount_cents", default=0))
    return found["total"]


def budget_lines(region: Region) -> list[BudgetLine]:
    """The lines with their source and course, for the links to change them."""
    return list(BudgetLine.objects.filter(source__region=region).select_related("source", "course"))
