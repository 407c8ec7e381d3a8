"""The overview pages (region, subregion, municipality) and the municipality report: key figures,
scores, the reach map, the subregion/municipality table and trends per quarter."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from veerkracht.core.indicators import get_indicator
from veerkracht.lib import geo

from ..compute.areas import AreaTree
from ..compute.periods import Span
from ..models import AreaLevel, Figure, Period
from . import figures as p
from .areas import Area, area_names

MOVEMENT = [
    "ambassadors",
    "partners",
    "initiatives",
    "phase_transitions",
    "connections",
    "requests",
    "response_days",
]
RESIDENTS = ["reach", "sharers"]
FIRST_BREAKDOWNS = ["", "phase", "partner_kind", "request_kind"]
CHILD_COLUMNS = ("initiatives", "connections", "requests", "reach")
TREND = ("connections", "requests", "reach")
REPORT_DEFINITIONS = [*MOVEMENT, *RESIDENTS, "score", "gap"]
# Short column names, so a table fits a phone (the charts and the definitions page use the full names).
SHORT_NAMES = {
    "initiatives": gettext_lazy("Initiatieven"),
    "connections": gettext_lazy("Verbindingen"),
    "requests": gettext_lazy("Vragen"),
    "reach": gettext_lazy("Inwoners bereikt"),
}


def span(period: Period) -> Span:
    return Span(period.kind, period.start)


def resident_period(period: Period | None, options: Sequence[Period]) -> Period | None:
    """Figures about residents exist only for closed periods: the chosen one, or the last closed one."""
    if period is None or period.is_closed:
        return period
    return next((o for o in options if o.kind == period.kind and o.is_closed), None)


@dataclass
class Overview:
    """What an overview page reads, in one place: the periods and the figures of the area and its parts."""

    area: Area
    child_level: str | None
    child_codes: list[str]
    options: list[Period]
    period: Period | None
    resident_period: Period | None
    rows: list[Figure]
    quarters: list[Period]
    trend_rows: list[Figure]
    reach: dict[str, Figure] | None

    @property
    def areas(self) -> list[tuple[str, str]]:
        return [self.area.key] + [(self.child_level, code) for code in self.child_codes]


def context(tree: AreaTree, data: Overview) -> dict:
    period, resident = data.period, data.resident_period
    movement_rows = [
        r for r in data.rows if r.period_id == getattr(period, "pk", None) and r.indicator in MOVEMENT
    ]
    resident_rows = [
        r for r in data.rows if r.period_id == getattr(resident, "pk", None) and r.indicator not in MOVEMENT
    ]
    score = next(
        (
            r
            for r in resident_rows
            if r.indicator == "score" and (r.area_level, r.area_code) == data.area.key and not r.breakdown
        ),
        None,
    )
    return {
        "reach_map": reach_map(tree, data.area, resident, data.reach),
        "area": data.area,
        "period": period,
        "period_span": span(period) if period else None,
        "resident_period": resident,
        "resident_span": span(resident) if resident else None,
        "options": [(span(o).slug, span(o).label, o.is_closed) for o in data.options],
        "movement": p.tiles(movement_rows, MOVEMENT, data.area.key),
        "residents": p.tiles(resident_rows, RESIDENTS, data.area.key),
        "score": score,
        "score_n": p.shown_n(score),  # "1.797" in Dutch, "1,797" in English
        "score_chart": p.dimension_bars(score, _("Gemiddeld cijfer per onderdeel")) if score else "",
        "score_rows": p.score_rows(score) if score else [],
        "children": _children(tree, data, movement_rows + resident_rows),
        # The picker at the top: every municipality, so a policy maker gets to theirs in one step.
        "municipality_choices": sorted(
            ((code, name) for code, name, _sub in tree.municipalities), key=lambda c: c[1]
        ),
        "child_level": data.child_level,
        "child_columns": [str(get_indicator(k).name) for k in CHILD_COLUMNS],
        **_trends(data),
    }


def _children(tree: AreaTree, data: Overview, rows: list[Figure]) -> list[dict]:
    names = area_names(tree)
    children = []
    for level, code in data.areas[1:]:
        cells = {
            r.indicator: p.shown(r)
            for r in rows
            if (r.area_level, r.area_code) == (level, code) and not r.breakdown
        }
        children.append(
            {
                "level": level,
                "code": code,
                "name": names.get((level, code), code),
                # (column name, text): a phone shows each row as one block of "name value" pairs.
                "cells": [(str(SHORT_NAMES[k]), cells.get(k, "–")) for k in CHILD_COLUMNS],
            }
        )
    return children


def _trends(data: Overview) -> dict:
    trend: dict[str, dict[str, Figure]] = {key: {} for key in TREND}
    for row in data.trend_rows:
        trend[row.indicator][span(row.period).slug] = row
    spans = [span(q) for q in data.quarters]
    series = [
        (
            str(get_indicator(key).name),
            {s: (None if f.suppressed else f.value) for s, f in trend[key].items()},
        )
        for key in TREND
    ]
    return {
        # Two charts: people reached are counted in hundreds, connections and requests in tens.
        "trend_chart": p.trend_chart(spans, series[:2], _("Per kwartaal: verbindingen en vragen"), whole=True)
        if spans
        else "",
        "reach_chart": p.trend_chart(
            spans, series[2:], _("Per kwartaal: inwoners die een spinnenweb invulden"), whole=True
        )
        if spans
        else "",
        "trend_table": [
            # The short label ("K1 2025", as on the chart) keeps a row on one line on a phone.
            {"label": s.short_label, "cells": [p.shown(trend[k].get(s.slug)) for k in TREND]}
            for s in spans
        ],
        "trend_columns": [str(SHORT_NAMES[k]) for k in TREND],
    }


def reach_codes(tree: AreaTree, area: Area) -> list[tuple[str, str]]:
    """(code, name) of the municipalities a region or subregion page maps (none for a municipality)."""
    if area.level == AreaLevel.MUNICIPALITY:
        return []
    return [
        (code, name)
        for code, name, sub in tree.municipalities
        if area.level == AreaLevel.REGION or sub == area.code
    ]


def reach_map(
    tree: AreaTree, area: Area, period: Period | None, found: dict[str, Figure] | None
) -> dict | None:
    """A map of residents reached per municipality (region and subregion pages), with its table."""
    municipalities = reach_codes(tree, area)
    if period is None or not municipalities or found is None:
        return None
    maximum = max((f.value or 0 for f in found.values() if not f.suppressed), default=0)
    areas, rows = [], []
    for code, name in municipalities:
        figure = found.get(code)
        text = p.shown(figure)
        value = None if figure is None or figure.suppressed else figure.value
        level = geo.nice_class(value, maximum)
        fill = geo.SEQUENTIAL_COLOURS[level - 1] if level else geo.NO_DATA_COLOUR
        url = reverse("monitor:municipality", args=[code]) + f"?periode={span(period).slug}"
        areas.append(geo.Area(code, name, fill, f"{name}: {text}", url))
        rows.append({"name": name, "text": text, "url": url})
    svg = geo.choropleth_svg(
        shapes=geo.region_shapes(tuple(sorted(c for c, _n in municipalities))),
        areas=areas,
        title=_("Kaart: inwoners die een spinnenweb invulden, per gemeente, %(period)s")
        % {"period": span(period).label},
        title_id="kaart-bereik",
    )
    return {"svg": svg, "rows": rows, "legend": _reach_legend(maximum), "attribution": geo.ATTRIBUTION}


def _reach_legend(maximum: float) -> list[dict]:
    """The colours in words: "geen, of verborgen" and a class per round range ("201 tot en met 400")."""
    legend = [{"colour": geo.NO_DATA_COLOUR, "label": _("geen, of verborgen")}]
    for (low, high), colour in zip(geo.nice_classes(maximum), geo.SEQUENTIAL_COLOURS, strict=False):
        # Shown values are never below 10 (smaller ones are hidden), so the first class starts there.
        low = max(low, 10)
        if low < high:
            label = _("%(low)s tot en met %(high)s inwoners") % {"low": p.number(low), "high": p.number(high)}
        elif low == high:
            label = ngettext("%(n)s inwoner", "%(n)s inwoners", low) % {"n": p.number(low)}
        else:
            continue
        legend.append({"colour": colour, "label": label})
    return legend


def gap_rows(gap: Figure | None) -> list[dict]:
    """Per dimension: the low and high education group's mean and the gap between them."""
    rows = []
    for key, name in p.dimensions():
        entry = (gap.data or {}).get(key) if gap is not None and not gap.suppressed else None
        rows.append(
            {
                "name": name,
                "low": p.number(entry and entry["low"], 1),
                "high": p.number(entry and entry["high"], 1),
                "gap": p.HIDDEN
                if gap is not None and gap.suppressed
                else p.number(entry and entry["gap"], 1),
            }
        )
    return rows
