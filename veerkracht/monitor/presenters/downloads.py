"""CSV downloads of figures (one indicator, or all figures of an area) and the definitions page."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import timedelta

from veerkracht.core.indicators import GROUPS, QUARTER, UNITS, YEAR, breakdowns, get_indicator, indicators

from ..compute.periods import Span
from ..models import Figure, PeriodKind
from . import figures as p

# One layout for every CSV (one indicator, or all figures of an area): one value per column, so a
# spreadsheet or script reads numbers as numbers. Semicolons between columns and a decimal comma, no
# thousands separator (what Dutch Excel expects); UTF-8 with a BOM. Column names, "ja"/"nee" and the
# indicator and area codes are the same in every language; the definitions page explains them.
CSV_COLUMNS = [
    "periode",
    "periode_begin",
    "periode_eind",
    "indicator",
    "indicatornaam",
    "gebiedsniveau",
    "gebiedscode",
    "gebied",
    "uitsplitsing",
    "categorie",
    "onderdeel",
    "waarde",
    "n",
    "verborgen",
    "sd",
    "laag_pct",
    "midden_pct",
    "hoog_pct",
    "deel_verborgen",
    "ci_laag",
    "ci_hoog",
    "gemiddelde_laag_opgeleid",
    "gemiddelde_hoog_opgeleid",
]
# Outcome indicators have one value per dimension: a row per dimension.
PER_DIMENSION = ("score", "gap", "change")
YES, NO = "ja", "nee"
KIND_ORDER = {YEAR: 0, QUARTER: 1}


def csv_number(value: float | int | None, decimals: int = 2) -> str:
    """A number as a CSV cell: decimal comma, no grouping; empty when there is none."""
    if value is None:
        return ""
    if decimals == 0:
        return str(round(value))
    return f"{round(value, decimals):.{decimals}f}".replace(".", ",")


def _dimension_cells(indicator: str, entry: dict | None) -> dict[str, str]:
    """The typed cells of one dimension of an outcome figure; a hidden score band is empty, with
    deel_verborgen "ja" (the same neutral mark for every hidden band: it does not tell which are small)."""
    if not entry:
        return {}
    if indicator == "score":
        bands = entry.get("bands")
        cells = {"waarde": csv_number(entry.get("mean")), "sd": csv_number(entry.get("sd"))}
        if bands:
            cells.update(
                {
                    f"{name}_pct": csv_number(b, 0)
                    for name, b in zip(("laag", "midden", "hoog"), bands, strict=True)
                }
            )
            cells["deel_verborgen"] = YES if any(b is None for b in bands) else NO
        return cells
    if indicator == "gap":
        return {
            "waarde": csv_number(entry.get("gap")),
            "gemiddelde_laag_opgeleid": csv_number(entry.get("low")),
            "gemiddelde_hoog_opgeleid": csv_number(entry.get("high")),
        }
    ci = entry.get("ci") or [None, None]
    return {
        "waarde": csv_number(entry.get("mean")),
        "ci_laag": csv_number(ci[0]),
        "ci_hoog": csv_number(ci[1]),
    }


def csv_rows(figure: Figure, names: dict) -> list[list[str]]:
    """The rows of one figure: one, or one per dimension for outcomes. Hidden: empty values, verborgen ja."""
    period = figure.period
    indicator = get_indicator(figure.indicator)
    base = {
        "periode": Span(period.kind, period.start).slug,
        "periode_begin": period.start.isoformat(),
        "periode_eind": (period.end - timedelta(days=1)).isoformat(),
        "indicator": figure.indicator,
        "indicatornaam": str(indicator.name) if indicator else figure.indicator,
        "gebiedsniveau": figure.area_level,
        "gebiedscode": figure.area_code,
        "gebied": names.get((figure.area_level, figure.area_code), figure.area_code),
        "uitsplitsing": figure.breakdown,
        "categorie": figure.category,
        "n": csv_number(figure.n, 0),
        "verborgen": YES if figure.suppressed else NO,
    }
    if figure.indicator not in PER_DIMENSION:
        decimals = p.decimals_for(figure.indicator) and 2
        cells = {**base, "waarde": "" if figure.suppressed else csv_number(figure.value, decimals)}
        return [[cells.get(column, "") for column in CSV_COLUMNS]]
    rows = []
    for key, name in p.dimensions():
        entry = None if figure.suppressed else (figure.data or {}).get(key)
        cells = {**base, "onderdeel": name, **_dimension_cells(figure.indicator, entry)}
        rows.append([cells.get(column, "") for column in CSV_COLUMNS])
    return rows


def sort_key(figure: Figure) -> tuple:
    """Years first, then quarters, then months; newest first; then indicator, area and split."""
    period = figure.period
    return (
        KIND_ORDER.get(period.kind, 2),
        -period.start.toordinal(),
        figure.indicator,
        figure.area_level,
        figure.area_code,
        figure.breakdown,
        figure.category,
    )


def write_csv(out, figures: Iterable[Figure], names: dict) -> None:
    out.write("\ufeff")  # so spreadsheet programs read the accents right
    writer = csv.writer(out, delimiter=";")
    writer.writerow(CSV_COLUMNS)
    for figure in sorted(figures, key=sort_key):
        writer.writerows(csv_rows(figure, names))


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
