"""Reads of the frozen figures, shared by the pages, the downloads, the PDF report and the API.

Figures are stored already protected (compute/privacy.py): a hidden figure has no value, n or data, so
no read here can reveal one. Who may see which split is decided by permissions.may_see, after reading.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db.models import Max, QuerySet

from veerkracht.core.indicators import QUARTER, YEAR

from .compute.periods import Span
from .models import Figure, Period

Area = tuple[str, str]  # (area level, area code)


# --- Periods --------------------------------------------------------------------------------------


def periods(region, kinds: Iterable[str] = (YEAR, QUARTER)) -> list[Period]:
    """The region's stored periods of these kinds, newest first (a year before its quarters)."""
    return list(Period.objects.filter(region=region, kind__in=list(kinds)).order_by("-start", "kind"))


def closed_periods(region, kinds: Iterable[str] = (YEAR, QUARTER)) -> list[Period]:
    """Like ``periods``, closed ones only: figures about residents exist for these."""
    return [period for period in periods(region, kinds) if period.is_closed]


def recent_quarters(region, count: int = 12) -> list[Period]:
    """The last `count` quarters, oldest first (for trends)."""
    return list(Period.objects.filter(region=region, kind=QUARTER).order_by("-start")[:count])[::-1]


def all_periods(region, kind: str | None = None) -> QuerySet[Period]:
    """Every stored period, per kind oldest first (the API's list)."""
    found = Period.objects.filter(region=region).order_by("kind", "start")
    return found.filter(kind=kind) if kind else found


def period_for(region, span: Span) -> Period | None:
    return Period.objects.filter(region=region, kind=span.kind, start=span.start).first()


def latest_period(region, kind: str, *, closed: bool) -> Period | None:
    found = Period.objects.filter(region=region, kind=kind)
    if closed:
        found = found.filter(is_closed=True)
    return found.order_by("-start").first()


# --- Figures --------------------------------------------------------------------------------------


def figures_for_areas(
    periods: Sequence[Period], indicators: Iterable[str], areas: Iterable[Area], breakdowns: Iterable[str]
) -> list[Figure]:
    """Every figure of these periods and indicators for these areas (an overview page: one query)."""
    areas = list(areas)
    return list(
        Figure.objects.filter(
            period__in=list(periods),
            indicator__in=list(indicators),
            area_level__in={level for level, _code in areas},
            area_code__in={code for _level, code in areas},
            breakdown__in=list(breakdowns),
        )
    )


def trend(periods: Sequence[Period], indicators: Iterable[str], area: Area) -> list[Figure]:
    """The totals of these indicators for one area over these periods, each with its period."""
    level, code = area
    return list(
        Figure.objects.filter(
            period__in=list(periods),
            indicator__in=list(indicators),
            area_level=level,
            area_code=code,
            breakdown="",
        ).select_related("period")
    )


def totals_by_code(period: Period, indicator: str, level: str, codes: Iterable[str] | None = None) -> dict:
    """{area code: figure} of one indicator's totals for the areas of one level (or only `codes`)."""
    found = Figure.objects.filter(period=period, indicator=indicator, area_level=level, breakdown="")
    if codes is not None:
        found = found.filter(area_code__in=list(codes))
    return {figure.area_code: figure for figure in found}


def total(period: Period, indicator: str, area: Area) -> Figure | None:
    level, code = area
    return Figure.objects.filter(
        period=period, indicator=indicator, area_level=level, area_code=code, breakdown=""
    ).first()


def area_figures(
    period: Period | None, indicator: str, area: Area, breakdowns: Iterable[str]
) -> list[Figure]:
    """One area's figures of one indicator: the total ("") and every category of these breakdowns."""
    if period is None:
        return []
    level, code = area
    return list(
        Figure.objects.filter(
            period=period,
            indicator=indicator,
            area_level=level,
            area_code=code,
            breakdown__in=list(breakdowns),
        )
    )


def figures_in(period: Period, indicator: str, codes: Iterable[str]) -> list[Figure]:
    """Every figure of one indicator and period for these area codes (a CSV download), ordered."""
    return list(
        Figure.objects.filter(period=period, indicator=indicator, area_code__in=set(codes))
        .select_related("period")
        .order_by("area_level", "area_code", "breakdown", "category")
    )


def all_figures_of(region, area: Area) -> list[Figure]:
    """Every figure of one area in every stored period of the region, each with its period (one CSV)."""
    level, code = area
    return list(
        Figure.objects.filter(period__region=region, area_level=level, area_code=code).select_related(
            "period"
        )
    )


def figures_of(
    period: Period, indicator: str, breakdown: str, levels: Iterable[str], code: str | None
) -> list:
    """One indicator's figures of one breakdown ("" for totals) for areas of these levels (the API)."""
    found = Figure.objects.filter(
        period=period, indicator=indicator, breakdown=breakdown, area_level__in=list(levels)
    )
    return list(found.filter(area_code=code) if code is not None else found)


def data_version(region) -> str:
    """Changes whenever a snapshot run wrote anything for the region (its newest period's time)."""
    newest = Period.objects.filter(region=region).aggregate(newest=Max("taken_at"))["newest"]
    return newest.isoformat() if newest else "none"
