"""The monitor's extension point: indicators, defined once in code by the app that owns the data.

An app adds figures to the monitor by shipping ``<app>/indicators.py`` that calls ``register(...)`` (and
``register_breakdown`` for the ways its figures can be split). The module is found at start-up
(``core.extensions``); the monitor's snapshots, privacy, pages, downloads and API then handle the new
indicator without any change, and the monitor imports no app.

What an indicator hands the monitor is plain rows for one period (``Window``), never totals: the
monitor counts them per area, splits them per breakdown and protects small numbers itself.

- ``aggregate=COUNT``: ``rows(window)`` yields ``(municipality code or None, {breakdown: category})``,
  one per thing counted (an initiative, a person).
- ``aggregate=MEDIAN``: ``rows(window)`` yields ``(municipality code or None, value)``.
- ``rows=None``: the figure comes from the monitor's outcome engine, which reads the one registered
  ``OutcomeSource`` (consented spider-web scores).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.utils.translation import gettext_lazy as _

MONTH, QUARTER, YEAR = "month", "quarter", "year"
PERIOD_KINDS = (MONTH, QUARTER, YEAR)
COUNT, MEDIAN = "count", "median"
# The category (and municipality code) of rows without one: counted, so the parts add up to the total.
UNKNOWN = "onbekend"
FLOW, STOCK = "flow", "stock"

UNITS = {
    "count": _("aantal"),
    "people": _("aantal mensen"),
    "days": _("dagen"),
    "hours": _("uren"),
    "score": _("cijfer van 0 tot 10"),
    "rating": _("cijfer van 1 tot 5"),
    "difference": _("verschil in cijferpunten"),
}

GROUPS = {
    "movement": _("De beweging"),
    "residents": _("Inwoners bereikt"),
    "outcomes": _("Gezondheid (uit spinnenwebben)"),
}


@dataclass(frozen=True)
class Window:
    """One period of one region, as an indicator's rows are asked for it."""

    region: object
    start: datetime
    end: datetime
    as_of: datetime  # the end of the period, or now for a period still running (stocks)


@dataclass(frozen=True)
class Breakdown:
    key: str
    label: str
    # (value, label) pairs; a function because some come from model choices.
    categories: Callable[[], list[tuple[str, str]]]
    # Splits of figures about residents may only be seen by analysts (finer and more sensitive).
    analyst_only: bool = False


@dataclass(frozen=True)
class Indicator:
    key: str
    name: str
    definition: str
    unit: str  # a key of UNITS
    source: str
    group: str  # a key of GROUPS
    rows: Callable[[Window], Iterable[tuple]] | None
    aggregate: str = COUNT
    breakdowns: tuple[str, ...] = ()
    periods: tuple[str, ...] = PERIOD_KINDS
    # Figures about residents: small-number protection applies, and only closed periods are shown.
    about_residents: bool = False
    kind: str = FLOW  # FLOW counts what happened in the period, STOCK the state at its end
    # Indicators about residents whose people are all among this one's, cell by cell (a score cell's
    # people are in the same reach cell): small-number protection takes the link into account.
    contains: tuple[str, ...] = ()
    order: int = 100
    notes: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class OutcomeSource:
    """Where the outcome engine reads scores: one row per consented web, ordered by person then time.

    ``rows(region, until)`` yields (person id, completed at, municipality code, age band, education,
    and one score per dimension in ``core.vocabulary.DIMENSION_KEYS`` order).
    """

    rows: Callable[[object, datetime], Iterable[tuple]]


_indicators: dict[str, Indicator] = {}
_breakdowns: dict[str, Breakdown] = {}
_first_activity: list[Callable[[object], datetime | None]] = []
_outcome_source: list[OutcomeSource] = []


def register(indicator: Indicator) -> Indicator:
    """Add an indicator. Breakdowns are checked once every app has registered (``check``)."""
    if indicator.key in _indicators and _indicators[indicator.key] != indicator:
        raise ValueError(f"indicator {indicator.key!r} is defined twice")
    if indicator.unit not in UNITS or indicator.group not in GROUPS:
        raise ValueError(f"indicator {indicator.key!r} has an unknown unit or group")
    if indicator.aggregate not in (COUNT, MEDIAN) or not set(indicator.periods) <= set(PERIOD_KINDS):
        raise ValueError(f"indicator {indicator.key!r} has an unknown aggregate or period kind")
    _indicators[indicator.key] = indicator
    return indicator


def register_breakdown(breakdown: Breakdown) -> Breakdown:
    _breakdowns[breakdown.key] = breakdown
    return breakdown


def register_group(key: str, label: str) -> None:
    """A new group of indicators (a heading on the definitions page)."""
    GROUPS.setdefault(key, label)


def register_unit(key: str, label: str) -> None:
    """A new unit for an app's figures (e.g. euros): the monitor shows its label with the value."""
    UNITS.setdefault(key, label)


def register_first_activity(first: Callable[[object], datetime | None]) -> None:
    """When a region's activity in this app began (None: not yet): the monitor starts its periods there."""
    if first not in _first_activity:
        _first_activity.append(first)


def register_outcome_source(source: OutcomeSource) -> None:
    _outcome_source[:] = [source]


def unregister(key: str) -> None:
    """Remove an indicator (for tests that add one of their own)."""
    _indicators.pop(key, None)


def check() -> None:
    """Every breakdown an indicator uses must be registered (called after discovery)."""
    for indicator in _indicators.values():
        unknown = set(indicator.breakdowns) - set(_breakdowns)
        if unknown:
            raise ValueError(f"indicator {indicator.key!r} uses unknown breakdowns {sorted(unknown)}")


def indicators() -> list[Indicator]:
    return sorted(_indicators.values(), key=lambda i: (list(GROUPS).index(i.group), i.order, i.key))


def get_indicator(key: str) -> Indicator | None:
    return _indicators.get(key)


def breakdowns() -> dict[str, Breakdown]:
    return dict(_breakdowns)


def categories(*keys: str) -> dict[str, list[str]]:
    """{breakdown: [category value, …]} for these breakdowns."""
    return {key: [value for value, _label in _breakdowns[key].categories()] for key in keys}


def first_activity(region) -> datetime | None:
    found = [moment for first in _first_activity if (moment := first(region)) is not None]
    return min(found, default=None)


def outcome_source() -> OutcomeSource | None:
    return _outcome_source[0] if _outcome_source else None


def with_unknown(choices: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """Choices plus the category for rows without a value (the categories then add up to the total)."""
    return [*((value, text) for value, text in choices), (UNKNOWN, _("onbekend"))]


def autodiscover() -> None:
    from .extensions import app_modules

    app_modules("indicators")
    check()


__all__ = [
    "COUNT",
    "FLOW",
    "GROUPS",
    "MEDIAN",
    "MONTH",
    "PERIOD_KINDS",
    "QUARTER",
    "STOCK",
    "UNITS",
    "UNKNOWN",
    "YEAR",
    "Breakdown",
    "Indicator",
    "OutcomeSource",
    "Window",
    "breakdowns",
    "categories",
    "get_indicator",
    "indicators",
    "register",
    "register_breakdown",
    "register_first_activity",
    "register_group",
    "register_outcome_source",
    "register_unit",
    "unregister",
    "with_unknown",
]
