"""Calendar periods (month, quarter, year): bounds, labels and the URL form ("2025", "2025-K3", "2025-09")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ..models import PeriodKind


@dataclass(frozen=True, order=True)
class Span:
    kind: str
    start: date

    @property
    def end(self) -> date:
        """The first day after the period."""
        months = {PeriodKind.MONTH: 1, PeriodKind.QUARTER: 3, PeriodKind.YEAR: 12}[self.kind]
        return add_months(self.start, months)

    @property
    def slug(self) -> str:
        if self.kind == PeriodKind.YEAR:
            return f"{self.start.year}"
        if self.kind == PeriodKind.QUARTER:
            return f"{self.start.year}-K{(self.start.month - 1) // 3 + 1}"
        return f"{self.start:%Y-%m}"

    @property
    def label(self) -> str:
        if self.kind == PeriodKind.YEAR:
            return str(self.start.year)
        if self.kind == PeriodKind.QUARTER:
            return _("kwartaal %(q)d %(year)d") % {
                "q": (self.start.month - 1) // 3 + 1,
                "year": self.start.year,
            }
        return date_format(self.start, "F Y")

    @property
    def short_label(self) -> str:
        if self.kind == PeriodKind.QUARTER:
            # "K1 2025" in Dutch, "Q1 2025" in English.
            return _("K%(q)d %(year)d") % {"q": (self.start.month - 1) // 3 + 1, "year": self.start.year}
        if self.kind == PeriodKind.MONTH:
            return date_format(self.start, "M Y")
        return self.label


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def span_of(kind: str, day: date) -> Span:
    if kind == PeriodKind.YEAR:
        return Span(kind, date(day.year, 1, 1))
    if kind == PeriodKind.QUARTER:
        return Span(kind, date(day.year, (day.month - 1) // 3 * 3 + 1, 1))
    return Span(kind, date(day.year, day.month, 1))


def spans_between(kind: str, first: date, last: date) -> list[Span]:
    """Every period of this kind from the one holding `first` up to the one holding `last`."""
    spans = []
    span = span_of(kind, first)
    while span.start <= last:
        spans.append(span)
        span = Span(kind, span.end)
    return spans


_SLUG = re.compile(r"^(?P<year>\d{4})(?:-K(?P<q>[1-4])|-(?P<m>0[1-9]|1[0-2]))?$")


def parse_slug(text: str) -> Span | None:
    """The period for a URL value, or None when the text is not one."""
    match = _SLUG.match(text or "")
    if not match:
        return None
    year = int(match["year"])
    if not 2000 <= year <= 2100:
        return None
    if match["q"]:
        return Span(PeriodKind.QUARTER, date(year, (int(match["q"]) - 1) * 3 + 1, 1))
    if match["m"]:
        return Span(PeriodKind.MONTH, date(year, int(match["m"]), 1))
    return Span(PeriodKind.YEAR, date(year, 1, 1))


def holding(slug: str) -> tuple[str, ...]:
    """The slugs of the periods that hold this one, largest last: a month's quarter and year, a
    quarter's year; nothing for a year."""
    year = slug[:4]
    if slug == year:
        return ()
    if "-K" in slug:
        return (year,)
    return (f"{year}-K{(int(slug[5:7]) - 1) // 3 + 1}", year)
