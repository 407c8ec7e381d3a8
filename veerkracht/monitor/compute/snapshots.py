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
    get_indicator,
    indicators,
)
from veerkracht.core.vocabulary import DIMENSION_KEYS

from ..models import AreaLevel, Figure, Period, PeriodKind
from . import outcomes
from .areas import AreaTree, median_by_area, tally
from .linking import Table, settle
from .outcomes import Published
from .periods import Span, add_months, spans_between

logger = logging.getLogger(__name__)


@dataclass
class RunResult:
    computed: list[str] = field(default_factory=list)
    skipped: int = 0
    figures: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        """One line for a log or a terminal."""
        return (
            f"{len(self.computed)} periods computed, {self.skipped} published periods kept, "
            f"{self.figures} figures, {self.seconds:.1f}s"
        )


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


def _movement_figures(indicator: Indicator, window: Window, tree: AreaTree) -> dict[tuple, Published]:
    """Figures not about residents: no small-number protection."""
    values = _count(indicator, window, tree)
    return {key: Published(value, None, False, None) for key, (value, _n) in values.items()}


def applicable(kind: str, *, closed: bool) -> list[str]:
    """The indicators a period of this kind gets (about residents: only once it has ended)."""
    return [i.key for i in indicators() if kind in i.periods and (closed or not i.about_residents)]


@dataclass(frozen=True)
class _Todo:
    span: Span
    closed: bool
    only: frozenset[str] | None = None  # a published period: add only these (never published) indicators


def _plan(region, today: date, result: RunResult, since: date | None) -> list[_Todo]:
    stored = {(p.kind, p.start): p for p in Period.objects.filter(region=region)}
    todo: list[_Todo] = []
    first = max(first_day(region), since) if since else first_day(region)
    for kind in (PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.YEAR):
        for span in spans_between(kind, first, today):
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


def snapshot_run(*, region, now: datetime | None = None, since: date | None = None) -> RunResult:
    """Compute what is missing; ``since`` leaves out the periods that end before that day (a quick
    demo)."""
    started = time.monotonic()
    now = now or timezone.now()
    tree = AreaTree.of(region)
    result = RunResult()
    todo = _plan(region, to_date(now), result, since)

    def needs(span: Span, key: str) -> bool:
        return any(t.span == span and (t.only is None or key in t.only) for t in todo if t.closed)

    closed_spans = [t.span for t in todo if t.closed]
    outcome_sums = outcomes.compute(
        region,
        tree,
        score_spans=[s for s in closed_spans if needs(s, "score") or needs(s, "gap")],
        change_spans=[s for s in closed_spans if needs(s, "change")],
        categories=_all_categories(),
        to_datetime=to_datetime,
        to_date=to_date,
    )
    run = _Run(region, outcome_sums)
    for number, item in enumerate(todo, start=1):
        step = time.monotonic()
        if item.only is None:
            result.figures += _store(region, tree, item.span, item.closed, now, run)
        else:
            result.figures += _add(region, tree, item.span, item.only, now, run)
        result.computed.append(item.span.slug)
        # Progress for whoever watches the worker's log: a closed year can take a minute. Periods
        # done within a second (most months) are only logged when debugging.
        seconds = time.monotonic() - step
        logger.log(
            logging.INFO if seconds >= 1 else logging.DEBUG,
            "monitor: %s %s done (%d of %d) in %.1f s",
            region.slug,
            item.span.slug,
            number,
            len(todo),
            seconds,
        )
    result.seconds = time.monotonic() - started
    log_action(
        "monitor.snapshot.run",
        actor=None,
        data={"region": region.slug, "periods": len(result.computed), "skipped": result.skipped},
    )
    return result


def _figures(
    region, tree: AreaTree, span: Span, keys: list[str], now: datetime, run: _Run
) -> dict[str, dict[tuple, Published]]:
    """The figures of these indicators for one period, those about residents protected together with
    what the period (and the periods inside it) already published."""
    start, end = to_datetime(span.start), to_datetime(span.end)
    window = Window(region=region, start=start, end=end, as_of=min(end, now))
    published: dict[str, dict[tuple, Published]] = {}
    tables: list[Table] = []
    made: dict[str, object] = {}
    for indicator in indicators():
        if indicator.key not in keys:
            continue
        if indicator.rows is not None and not indicator.about_residents:
            published[indicator.key] = _movement_figures(indicator, window, tree)
        elif indicator.rows is not None:
            values = made[indicator.key] = _count(indicator, window, tree)
            tables.append(Table(indicator.key, span, {key: n or 0 for key, (_v, n) in values.items()}))
        elif (indicator.key, span.slug) in run.outcomes:
            cells = made[indicator.key] = run.outcomes[(indicator.key, span.slug)]
            tables.append(_outcome_table(indicator.key, span, cells))
    for table in tables if span.kind == PeriodKind.MONTH else ():
        # Not stored (see _insert), so not published either.
        table.counts = {k: n for k, n in table.counts.items() if not (k[2] and k[0] == MUNICIPALITY)}
    held = [key for key in run.held.get(span, ()) if key not in keys]
    settle(
        tree,
        tables,
        [t for key in held if (t := run.table(key, span)) is not None],
        {(t.indicator, span.slug): run.parts(t.indicator, span) for t in tables},
    )
    for table in tables:
        run.settled[(table.indicator, span.slug)] = table
        published[table.indicator] = _protected(table, made[table.indicator])
    if "gap" in keys:
        scores = published.get("score") or run.stored_figures("score", span)
        if scores is not None:
            published["gap"] = outcomes.gap_figures(tree, scores)
    return published


def _outcome_table(key: str, span: Span, cells: dict) -> Table:
    """People per cell; for scores also the score bands and the sums of scores behind the means."""
    table = Table(key, span, {cell: acc.n for cell, acc in cells.items()})
    if key == "score":
        table.bands = outcomes.score_bands(cells)
        table.sums = outcomes.score_sums(cells)
    return table


def _protected(table: Table, found) -> dict[tuple, Published]:
    """The published figures of a settled table, from its sums (outcomes) or counts."""
    if table.indicator == "score":
        return outcomes.score_figures(found, table.hidden)
    if table.indicator == "change":
        return outcomes.change_figures(found, table.hidden)
    return {
        key: Published(None, None, True, None) if key in table.hidden else Published(value, n, False, None)
        for key, (value, n) in found.items()
        if key in table.counts
    }


MUNICIPALITY = AreaLevel.MUNICIPALITY.value
FINER = {PeriodKind.YEAR: (PeriodKind.QUARTER, PeriodKind.MONTH), PeriodKind.QUARTER: (PeriodKind.MONTH,)}


@dataclass
class _Run:
    """What one snapshot run knows: the outcome sums, the tables it settled, and the stored periods."""

    region: object
    outcomes: dict
    held: dict[Span, list[str]] = field(default_factory=dict)  # published indicators of stored periods
    settled: dict[tuple[str, str], Table] = field(default_factory=dict)

    def parts(self, indicator: str, span: Span) -> list[Table]:
        """The tables of the periods inside `span` (a year's quarters), oldest first; [] when one is
        missing (then there is no link to protect)."""
        found = get_indicator(indicator)
        finer = [kind for kind in FINER.get(span.kind, ()) if found and kind in found.periods]
        if not finer:
            return []
        inside = spans_between(finer[0], span.start, add_months(span.end, -1))
        tables = [self.table(indicator, part) for part in inside]
        return tables if all(t is not None for t in tables) else []

    def table(self, indicator: str, span: Span) -> Table | None:
        """A published table: settled in this run, or read back from the stored figures."""
        if (indicator, span.slug) in self.settled:
            return self.settled[(indicator, span.slug)]
        rows = self._rows(indicator, span)
        if rows is None:
            return None
        table = Table(indicator, span, {}, hidden=set())
        for level, code, breakdown, category, n, suppressed, data in rows:
            cell = (level, code, breakdown, category)
            table.counts[cell] = None if suppressed else (n or 0)
            if suppressed:
                table.hidden.add(cell)
            if indicator == "score" and outcomes.has_bands(cell):
                _stored_sums(table, cell, None if suppressed else (n or 0), data)
                _stored_bands(table, cell, None if suppressed else (n or 0), data)
        self.settled[(indicator, span.slug)] = table
        return table

    def _rows(self, indicator: str, span: Span) -> list | None:
        period = Period.objects.filter(region=self.region, kind=span.kind, start=span.start).first()
        if period is None or not period.is_closed or indicator not in period.indicators:
            return None
        return list(
            period.figures.filter(indicator=indicator).values_list(
                "area_level", "area_code", "breakdown", "category", "n", "suppressed", "data"
            )
        )

    def stored_figures(self, indicator: str, span: Span) -> dict[tuple, Published] | None:
        rows = self._rows(indicator, span)
        if rows is None:
            return None
        return {
            (level, code, breakdown, category): Published(None, n, suppressed, data)
            for level, code, breakdown, category, n, suppressed, data in rows
        }


def _stored_sums(table: Table, cell: tuple, n: int | None, data: dict | None) -> None:
    """Sums of scores of a stored cell, as an attacker reads them: the range a rounded mean allows."""
    for i, dim in enumerate(DIMENSION_KEYS):
        mean = ((data or {}).get(dim) or {}).get("mean")
        known = None if not n or mean is None else (max(0.0, (mean - 0.005) * n), (mean + 0.005) * n)
        table.sums[(cell, i)] = (None, known)


def _stored_bands(table: Table, cell: tuple, n: int | None, data: dict | None) -> None:
    """Score bands of a stored total, as an attacker reads them: a count, or the range a rounded
    percentage allows."""
    for i, dim in enumerate(DIMENSION_KEYS):
        percents = ((data or {}).get(dim) or {}).get("bands") or [0.0, 0.0, 0.0]
        for b in range(3):
            band = (cell, i, b)
            if n is None or percents[b] is None:
                table.bands[band] = None
                table.hidden.add(band)
                continue
            low = max(0.0, (percents[b] - 0.05) * n / 100)
            high = min(float(n), (percents[b] + 0.05) * n / 100)
            whole = [k for k in range(int(low), int(high) + 2) if low - 1e-9 <= k <= high + 1e-9]
            table.bands[band] = whole[0] if whole else round(percents[b] * n / 100)
            if len(whole) > 1:
                table.known[band] = (low, high)


@transaction.atomic
def _store(region, tree: AreaTree, span: Span, closed: bool, now: datetime, run: _Run) -> int:
    """A new period, or an open one again: all its figures."""
    keys = applicable(span.kind, closed=closed)
    published = _figures(region, tree, span, keys, now, run)
    period, _created = Period.objects.update_or_create(
        region=region,
        kind=span.kind,
        start=span.start,
        defaults={"end": span.end, "is_closed": closed, "taken_at": now, "indicators": keys},
    )
    period.figures.all().delete()
    return _insert(period, published)


@transaction.atomic
def _add(region, tree: AreaTree, span: Span, only: frozenset[str], now: datetime, run: _Run) -> int:
    """A published period: add the indicators it never had, leave every published figure alone. The
    new figures about residents are protected with every published figure of the period fixed."""
    period = Period.objects.select_for_update().get(region=region, kind=span.kind, start=span.start)
    held = set(period.indicators)
    missing = [key for key in applicable(span.kind, closed=True) if key in only and key not in held]
    run.held[span] = [key for key in period.indicators if _about_residents(key)]
    published = _figures(region, tree, span, missing, now, run)
    period.indicators = [*period.indicators, *missing]
    period.save(update_fields=["indicators"])
    return _insert(period, published)


def _about_residents(key: str) -> bool:
    found = get_indicator(key)
    return bool(found and found.about_residents and found.key != "gap")


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
