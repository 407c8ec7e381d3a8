"""The snapshot run: compute and freeze the figures of every period (``manage.py monitor_snapshot``).

Idempotent and safe after a gap. A closed period that is stored has been published, and what was
published never changes: not on a later run, and not when someone withdraws their
research consent or deletes their account afterwards (else the old and the new figures of one period
could be subtracted to find that person's scores; a withdrawal counts from the next period that is
computed). Only an indicator the period does not hold yet (one registered later) is added to it. Every
missing period is computed from the timestamps in the data, and the open periods (this month, quarter
and year) are replaced. Every period is written in its own transaction: a failed run leaves whole
periods, never half of one.
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


def applicable(kind: str, *, closed: bool) -> list[str]:
    """The indicators a period of this kind gets (about residents: only once it has ended)."""
    return [i.key for i in indicators() if kind in i.periods and (closed or not i.about_residents)]


@dataclass(frozen=True)
class _Todo:
    span: Span
    closed: bool
    only: frozenset[str] | None = None  # a published period: add only these (never published) indicators


def _plan(region, today: date, result: RunResult) -> list[_Todo]:
    stored = {(p.kind, p.start): p for p in Period.objects.filter(region=region)}
    todo: list[_Todo] = []
    for kind in (PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.YEAR):
        for span in spans_between(kind, first_day(region), today):
            closed = span.end <= today
            period = stored.get((span.kind, span.start))
            if not (closed and period is not None and period.is_closed):
                todo.append(_Todo(span, closed))
                continue
            missing = frozenset(applicable(span.kind, closed=True)) - set(period.indicators)
            if missing:
                todo.append(_Todo(span, closed, missing))
            else:
                result.skipped += 1
    return todo


def snapshot_run(*, region, now: datetime | None = None) -> RunResult:
    started = time.monotonic()
    now = now or timezone.now()
    tree = AreaTree.of(region)
    result = RunResult()
    todo = _plan(region, to_date(now), result)

    def needs(span: Span, key: str) -> bool:
        return any(t.span == span and (t.only is None or key in t.only) for t in todo if t.closed)

    closed_spans = [t.span for t in todo if t.closed]
    outcome_figures = outcomes.compute(
        region,
        tree,
        score_spans=[s for s in closed_spans if needs(s, "score") or needs(s, "gap")],
        change_spans=[s for s in closed_spans if needs(s, "change")],
        categories=_all_categories(),
        to_datetime=to_datetime,
        to_date=to_date,
    )
    for item in todo:
        if item.only is None:
            result.figures += _store(region, tree, item.span, item.closed, now, outcome_figures)
        else:
            result.figures += _add(region, tree, item.span, item.only, now, outcome_figures)
        result.computed.append(item.span.slug)
    result.seconds = time.monotonic() - started
    log_action(
        "monitor.snapshot.run",
        actor=None,
        data={"region": region.slug, "periods": len(result.computed), "skipped": result.skipped},
    )
    return result


def _figures(
    region, tree: AreaTree, span: Span, keys: list[str], now: datetime, outcome_figures
) -> dict[str, dict[tuple, Published]]:
    start, end = to_datetime(span.start), to_datetime(span.end)
    window = Window(region=region, start=start, end=end, as_of=min(end, now))
    published: dict[str, dict[tuple, Published]] = {}
    for indicator in indicators():
        if indicator.key not in keys:
            continue
        if indicator.rows is not None:
            published[indicator.key] = _movement_figures(indicator, window, tree)
        elif (indicator.key, span.slug) in outcome_figures:
            published[indicator.key] = outcome_figures[(indicator.key, span.slug)]
    return published


@transaction.atomic
def _store(region, tree: AreaTree, span: Span, closed: bool, now: datetime, outcome_figures) -> int:
    """A new period, or an open one again: all its figures."""
    keys = applicable(span.kind, closed=closed)
    published = _figures(region, tree, span, keys, now, outcome_figures)
    period, _created = Period.objects.update_or_create(
        region=region,
        kind=span.kind,
        start=span.start,
        defaults={"end": span.end, "is_closed": closed, "taken_at": now, "indicators": keys},
    )
    period.figures.all().delete()
    return _insert(period, published)


@transaction.atomic
def _add(region, tree: AreaTree, span: Span, only: frozenset[str], now: datetime, outcome_figures) -> int:
    """A published period: add the indicators it never had, leave every published figure alone."""
    period = Period.objects.select_for_update().get(region=region, kind=span.kind, start=span.start)
    held = set(period.indicators)
    missing = [key for key in applicable(span.kind, closed=True) if key in only and key not in held]
    published = _figures(region, tree, span, missing, now, outcome_figures)
    period.indicators = [*period.indicators, *missing]
    period.save(update_fields=["indicators"])
    return _insert(period, published)


def _insert(period: Period, published: dict[str, dict[tuple, Published]]) -> int:
    # Months are for trends of the region and its subregions; a municipality gets its monthly totals
    # only (its splits per month would be mostly zeros and cost most of the rows).
    monthly = period.kind == PeriodKind.MONTH
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
