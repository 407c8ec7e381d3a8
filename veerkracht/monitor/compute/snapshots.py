"""The snapshot run: compute and freeze the figures of every period (``manage.py monitor_snapshot``).

Idempotent and safe after a gap: a closed period that is already stored is never computed again (so
trends keep their history), every missing period is computed from the timestamps in the data, and the
open periods (this month, quarter and year) are replaced. Every period is written in its own
transaction: a failed run leaves whole periods, never half of one.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, field
from datetime import date, datetime
from datetime import time as dtime

from django.db import connection, transaction
from django.utils import timezone

from veerkracht.core.audit import log_action
from veerkracht.core.indicators import (
    MEDIAN,
    Indicator,
    Window,
    breakdowns,
    categories,
    first_activity,
    indicators,
)

from ..models import AreaLevel, Figure, Period, PeriodKind
from . import outcomes
from .areas import AreaTree, median_by_area, tally
from .outcomes import Published
from .periods import Span, spans_between
from .privacy import hierarchy_equations, suppress

logger = logging.getLogger(__name__)


@dataclass
class RunResult:
    computed: list[str] = field(default_factory=list)
    skipped: int = 0
    figures: int = 0
    seconds: float = 0.0


def to_datetime(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, dtime.min))


def to_date(moment: datetime) -> date:
    return timezone.localtime(moment).date()


def first_day(region) -> date:
    """1 January of the year the region's first activity happened (this year without any)."""
    first = first_activity(region)
    day = to_date(first) if first is not None else timezone.localdate()
    return date(day.year, 1, 1)


def _all_categories() -> dict[str, list[str]]:
    return categories(*breakdowns())


def _count(
    indicator: Indicator, window: Window, tree: AreaTree
) -> dict[tuple, tuple[float | None, int | None]]:
    """The indicator's rows for this period, counted (or their median taken) per area and category."""
    rows = indicator.rows(window)
    if indicator.aggregate == MEDIAN:
        return median_by_area(tree, rows)
    return tally(tree, rows, categories(*indicator.breakdowns), people=indicator.about_residents)


def _movement_figures(
    indicator: Indicator, window: Window, tree: AreaTree
) -> dict[tuple, outcomes.Published]:
    values = _count(indicator, window, tree)
    if not indicator.about_residents:
        return {key: Published(value, None, False, None) for key, (value, _n) in values.items()}
    counts = {key: n or 0 for key, (_value, n) in values.items()}
    cats = categories(*indicator.breakdowns)
    hidden = suppress(counts, hierarchy_equations(counts, area_children=tree.children, breakdowns=cats))
    return {
        key: Published(None, None, True, None) if key in hidden else Published(value, n, False, None)
        for key, (value, n) in values.items()
    }


def snapshot_run(*, region, now: datetime | None = None, rebuild: bool = False) -> RunResult:
    started = time.monotonic()
    now = now or timezone.now()
    today = to_date(now)
    tree = AreaTree.of(region)
    result = RunResult()
    if rebuild:
        Period.objects.filter(region=region).delete()
    stored = {(p.kind, p.start): p.is_closed for p in Period.objects.filter(region=region)}
    first = first_day(region)
    todo: list[tuple[Span, bool]] = []
    for kind in (PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.YEAR):
        for span in spans_between(kind, first, today):
            closed = span.end <= today
            if closed and stored.get((span.kind, span.start)):
                result.skipped += 1
                continue
            todo.append((span, closed))
    closed_spans = [span for span, closed in todo if closed]
    outcome_figures = outcomes.compute(
        region,
        tree,
        score_spans=[s for s in closed_spans if s.kind in (PeriodKind.QUARTER, PeriodKind.YEAR)],
        change_spans=[s for s in closed_spans if s.kind == PeriodKind.YEAR],
        categories=_all_categories(),
        to_datetime=to_datetime,
        to_date=to_date,
    )
    for span, closed in todo:
        result.figures += _store(region, tree, span, closed, now, outcome_figures)
        result.computed.append(span.slug)
    result.seconds = time.monotonic() - started
    log_action(
        "monitor.snapshot.run",
        actor=None,
        data={"region": region.slug, "periods": len(result.computed), "skipped": result.skipped},
    )
    return result


@transaction.atomic
def _store(region, tree: AreaTree, span: Span, closed: bool, now: datetime, outcome_figures) -> int:
    start, end = to_datetime(span.start), to_datetime(span.end)
    window = Window(region=region, start=start, end=end, as_of=min(end, now))
    published: dict[str, dict[tuple, Published]] = {}
    for indicator in indicators():
        if span.kind not in indicator.periods:
            continue
        if indicator.about_residents and not closed:
            continue  # figures about residents only for closed periods
        if indicator.rows is not None:
            published[indicator.key] = _movement_figures(indicator, window, tree)
        elif (indicator.key, span.slug) in outcome_figures:
            published[indicator.key] = outcome_figures[(indicator.key, span.slug)]
    period, _created = Period.objects.update_or_create(
        region=region,
        kind=span.kind,
        start=span.start,
        defaults={"end": span.end, "is_closed": closed, "taken_at": now},
    )
    period.figures.all().delete()
    # Months are for trends of the region and its subregions; a municipality gets its monthly totals
    # only (its splits per month would be mostly zeros and cost most of the rows).
    monthly = span.kind == PeriodKind.MONTH
    rows = [
        (
            period.pk,
            key,
            area_level,
            area_code,
            breakdown,
            category,
            figure.value,
            figure.n,
            figure.suppressed,
            None if figure.data is None else json.dumps(figure.data, separators=(",", ":")),
        )
        for key, figures in published.items()
        for (area_level, area_code, breakdown, category), figure in figures.items()
        if not (monthly and breakdown and area_level == AreaLevel.MUNICIPALITY)
    ]
    # Plain executemany: the ORM's bulk_create spends most of a run building 100,000 model objects.
    table = Figure._meta.db_table
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} (period_id, indicator, area_level, area_code, breakdown, category, "  # noqa: S608 - table name from the model
            "value, n, suppressed, data) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
            rows,
        )
    return len(rows)
