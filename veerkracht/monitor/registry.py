"""Indicators are defined once, in code: what they mean, how they are computed, how they may be split.

Each app can add its own by shipping an ``indicators.py`` that calls ``register(...)`` (found at start-up
by ``autodiscover``); the monitor's core (snapshots, privacy, pages, API) needs no change for that.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _

from .areas import AreaTree
from .models import PeriodKind

Key = tuple[str, str, str, str]  # (area level, area code, breakdown, category)


@dataclass(frozen=True)
class Breakdown:
    key: str
    label: str
    # (value, label) pairs; computed lazily because some come from model choices in other apps.
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
    # None for indicators the snapshot computes in one pass elsewhere (outcomes.py).
    compute: Callable[[Context], Mapping[Key, tuple[float | None, int | None]]] | None
    breakdowns: tuple[str, ...] = ()
    periods: tuple[str, ...] = (PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.YEAR)
    # Figures about residents: small-number protection applies, and only closed periods are shown.
    about_residents: bool = False
    # "flow" counts what happened in the period, "stock" the state at the end of it.
    kind: str = "flow"
    order: int = 100
    notes: tuple[str, ...] = field(default_factory=tuple)


UNITS = {
    "count": _("aantal"),
    "people": _("aantal mensen"),
    "days": _("dagen"),
    "score": _("cijfer van 0 tot 10"),
    "difference": _("verschil in cijferpunten"),
}

GROUPS = {
    "movement": _("De beweging"),
    "residents": _("Inwoners bereikt"),
    "outcomes": _("Gezondheid (uit spinnenwebben)"),
}


@dataclass
class Context:
    """What a compute function gets: the region, the period and the area tree."""

    region: object
    start: datetime
    end: datetime
    as_of: datetime  # the end of the period, or now for an open period (stocks)
    tree: AreaTree


_registry: dict[str, Indicator] = {}
_breakdowns: dict[str, Breakdown] = {}


def register(indicator: Indicator) -> Indicator:
    if indicator.key in _registry and _registry[indicator.key] != indicator:
        raise ValueError(f"indicator {indicator.key!r} is defined twice")
    unknown = set(indicator.breakdowns) - set(_breakdowns)
    if unknown:
        raise ValueError(f"indicator {indicator.key!r} uses unknown breakdowns {sorted(unknown)}")
    if indicator.unit not in UNITS or indicator.group not in GROUPS:
        raise ValueError(f"indicator {indicator.key!r} has an unknown unit or group")
    _registry[indicator.key] = indicator
    return indicator


def register_breakdown(breakdown: Breakdown) -> Breakdown:
    _breakdowns[breakdown.key] = breakdown
    return breakdown


def indicators() -> list[Indicator]:
    return sorted(_registry.values(), key=lambda i: (list(GROUPS).index(i.group), i.order, i.key))


def get_indicator(key: str) -> Indicator | None:
    return _registry.get(key)


def breakdowns() -> dict[str, Breakdown]:
    return dict(_breakdowns)


def autodiscover() -> None:
    from . import indicators as _own  # noqa: F401 - registers the monitor's own indicators

    autodiscover_modules("indicators")
