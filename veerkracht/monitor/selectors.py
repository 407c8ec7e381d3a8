"""Reads of published figures for every output (pages, CSV, API, PDF). Figures are stored already
protected (privacy.py), so these reads cannot reveal a hidden value."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import QuerySet

from .areas import UNKNOWN
from .models import AreaLevel, Figure, Period, PeriodKind
from .periods import Span
from .permissions import may_see


def periods(region, kind: str, *, closed_only: bool = False) -> list[Period]:
    qs = Period.objects.filter(region=region, kind=kind).order_by("start")
    if closed_only:
        qs = qs.filter(is_closed=True)
    return list(qs)


def period_for(region, span: Span) -> Period | None:
    return Period.objects.filter(region=region, kind=span.kind, start=span.start).first()


def latest_period(region, kind: str, *, closed: bool) -> Period | None:
    qs = Period.objects.filter(region=region, kind=kind)
    if closed:
        qs = qs.filter(is_closed=True)
    return qs.order_by("-start").first()


def figures(
    periods: Iterable[Period],
    *,
    indicators: Iterable[str],
    area_level: str | None = None,
    area_codes: Iterable[str] | None = None,
    breakdowns: Iterable[str] | None = ("",),
) -> QuerySet[Figure]:
    qs = Figure.objects.filter(period__in=list(periods), indicator__in=list(indicators))
    if area_level:
        qs = qs.filter(area_level=area_level)
    if area_codes is not None:
        qs = qs.filter(area_code__in=list(area_codes))
    if breakdowns is not None:
        qs = qs.filter(breakdown__in=list(breakdowns))
    return qs.order_by("period__start", "indicator", "area_level", "area_code", "breakdown", "category")


def visible(user, rows: Iterable[Figure]) -> list[Figure]:
    """Only the figures this person may see (see permissions.may_see)."""
    return [row for row in rows if may_see(user, row.indicator, row.area_level, row.breakdown)]


def area_is_listed(code: str) -> bool:
    return code != UNKNOWN


__all__ = [
    "AreaLevel",
    "PeriodKind",
    "area_is_listed",
    "figures",
    "latest_period",
    "period_for",
    "periods",
    "visible",
]
