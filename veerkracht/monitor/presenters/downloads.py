"""CSV downloads of figures and the definitions page."""

from __future__ import annotations

import csv
from collections.abc import Iterable

from veerkracht.core.indicators import GROUPS, UNITS, Indicator, breakdowns, indicators

from ..compute.periods import Span
from ..models import Figure, PeriodKind
from . import figures as p

CSV_COLUMNS = ["periode", "indicator", "gebiedsniveau", "gebiedscode", "gebied", "uitsplitsing", "categorie"]
# Outcome indicators have one value per dimension: a row per dimension.
PER_DIMENSION = ("score", "gap", "change")


def write_csv(out, indicator: Indicator, span: Span, rows: Iterable[Figure], names: dict) -> None:
    """One row per figure (per figure and dimension for outcomes), hidden ones as "verborgen"."""
    out.write("\ufeff")  # so spreadsheet programs read the accents right
    writer = csv.writer(out, delimiter=";")
    dims = indicator.key in PER_DIMENSION
    writer.writerow(CSV_COLUMNS + (["onderdeel", "waarde", "n", "extra"] if dims else ["waarde", "n"]))
    for r in rows:
        area_name = names.get((r.area_level, r.area_code), r.area_code)
        base = [span.slug, indicator.key, r.area_level, r.area_code, area_name, r.breakdown, r.category]
        if not dims:
            writer.writerow([*base, p.shown(r), p.shown_n(r)])
            continue
        for key, name in p.dimensions():
            entry = (r.data or {}).get(key) if not r.suppressed else None
            value, extra = p.csv_values(indicator.key, entry)
            writer.writerow([*base, name, p.HIDDEN if r.suppressed else value, p.shown_n(r), extra])


def definition_groups() -> list[dict]:
    """Every registered indicator, by group, with its unit, breakdowns and periods in words."""
    found = breakdowns()
    groups = []
    for group, label in GROUPS.items():
        items = [
            {
                "indicator": i,
                "unit": UNITS[i.unit],
                "breakdowns": [found[b].label for b in i.breakdowns],
                "periods": [PeriodKind(k).label for k in i.periods],
            }
            for i in indicators()
            if i.group == group
        ]
        groups.append({"label": label, "items": items})
    return groups
