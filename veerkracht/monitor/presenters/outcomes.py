"""The health pages: scores per dimension (with a split by age or education), their trend per year,
change for participants, and the health gap between education groups."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _

from veerkracht.core.indicators import get_indicator

from ..compute.periods import Span
from ..models import Figure, Period
from . import figures as p
from .overview import gap_rows, span

# The split on the health page, as it appears in the URL (?uitsplitsing=opleiding).
BREAKDOWN_PARAM = {"leeftijd": "age_band", "opleiding": "education"}


def from_first_data(spans: list[Span], found: dict[str, Figure]) -> list[Span]:
    """Leave out the periods before the first one with figures (a trend that starts empty says nothing)."""
    for index, item in enumerate(spans):
        figure = found.get(item.slug)
        if figure is not None and (figure.suppressed or figure.data or figure.n):
            return spans[index:]
    return []


def scores(rows: list[Figure]) -> dict:
    """The chosen period's total and, per category of the chosen split, a row of means."""
    total = next((r for r in rows if not r.breakdown), None)
    groups = [
        {
            "label": p.category_label(r.breakdown, r.category),
            "figure": r,
            "rows": p.score_rows(r),
            "n": p.HIDDEN if r.suppressed else p.number(r.n),
        }
        for r in rows
        if r.breakdown
    ]
    return {
        "total": total,
        "total_n": p.shown_n(total),
        "chart": p.dimension_bars(total, _("Gemiddeld cijfer per onderdeel")) if total else "",
        "rows": p.score_rows(total) if total else [],
        "groups": groups,
    }


def score_trend(years: Sequence[Period], trend_rows: list[Figure]) -> dict:
    """Mean per dimension per closed year, as a chart and a table."""
    by_year = {span(r.period).slug: r for r in trend_rows}
    spans = from_first_data([span(y) for y in years], by_year)
    series = [
        (name, {s: f.data[key]["mean"] for s, f in by_year.items() if not f.suppressed and f.data})
        for key, name in p.dimensions()
    ]
    table = [
        # (dimension, text): a phone shows each year as one block of "name value" pairs.
        {"label": s.label, "cells": [(n, _mean_cell(by_year.get(s.slug), k)) for k, n in p.dimensions()]}
        for s in spans
    ]
    chart = p.trend_chart(spans, series, _("Gemiddeld cijfer per jaar"), max_value=10) if spans else ""
    return {"trend_chart": chart, "trend_table": table}


def _mean_cell(figure: Figure | None, key: str) -> str:
    if figure is None:
        return "–"
    if figure.suppressed:
        return p.HIDDEN
    return p.number((figure.data or {}).get(key, {}).get("mean"), 1)


def change(row: Figure) -> dict:
    """Paired change of one group: per dimension the mean difference and its 95% interval."""
    rows = []
    for key, name in p.dimensions():
        entry = (row.data or {}).get(key) if not row.suppressed else None
        rows.append(
            {
                "name": name,
                "mean": p.HIDDEN if row.suppressed else p.signed(entry and entry["mean"]),
                "ci": ""
                if not entry
                else f"{p.signed(entry['ci'][0])} {_('tot')} {p.signed(entry['ci'][1])}",
            }
        )
    return {"label": p.category_label(row.breakdown, row.category), "n": p.shown_n(row), "rows": rows}


def notes() -> dict:
    return {"note": get_indicator("score").notes[0], "change_notes": get_indicator("change").notes}


def gap(
    periods: Sequence[Period], rows: list[Figure], subregions: list[tuple[str, str, Figure | None]]
) -> dict:
    """The gap per dimension over `periods` (chart and table), the latest period per area, per subregion."""
    by_span = {span(r.period).slug: r for r in rows}
    spans = from_first_data([span(o) for o in periods], by_span)
    series = [
        (name, {s: f.data[key]["gap"] for s, f in by_span.items() if not f.suppressed and f.data})
        for key, name in p.dimensions()
    ]
    latest = periods[-1] if periods else None
    return {
        "chart": p.trend_chart(spans, series, _("Kloof tussen hoog en laag opgeleid, per onderdeel"))
        if spans
        else "",
        "table": [
            {"label": s.label, "cells": [(n, _gap_cell(by_span.get(s.slug), k)) for k, n in p.dimensions()]}
            for s in spans
        ],
        "latest_span": span(latest) if latest else None,
        "latest_rows": gap_rows(by_span.get(span(latest).slug)) if latest else [],
        "subregions": [
            {"name": name, "slug": slug, "rows": gap_rows(figure)} for slug, name, figure in subregions
        ],
        "note": get_indicator("gap").notes[0],
        "definition": get_indicator("gap").definition,
    }


def _gap_cell(figure: Figure | None, key: str) -> str:
    if figure is None:
        return "–"
    if figure.suppressed:
        return p.HIDDEN
    if not figure.data:
        return "–"
    return p.number(figure.data[key]["gap"], 1)
