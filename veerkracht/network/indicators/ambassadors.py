"""Ambassadors in the monitor, from their history of steps (AmbassadorEvent): how many were active on
the last day of the period (a stock), and how many started and stopped in it (flows), per municipality
of the ambassador, split by whether they do it as a resident or from their work.

Ambassadors are people: the monitor protects small numbers (``about_residents``) and shows closed
periods only, as for the learning app's counts of people. Where someone stops is personal enough (one
ambassador in a small municipality) not to publish a 1.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from veerkracht.core.indicators import (
    STOCK,
    Breakdown,
    Indicator,
    Window,
    register,
    register_breakdown,
    register_first_activity,
)

from ..models import Background, EventKind
from ..selectors.ambassadors import active_on, first_start_at, steps_between
from . import GROUP, SOURCE

register_breakdown(
    Breakdown("amb_background", _("inwoner of professional"), lambda: list(Background.choices))
)
register_first_activity(first_start_at)


def _last_day(window: Window):
    # `as_of` is the end of the period (exclusive) or now for a running one: the day before an end.
    moment = window.as_of if window.as_of < window.end else window.end - timedelta(microseconds=1)
    return timezone.localdate(moment)


def _days(window: Window):
    return timezone.localdate(window.start), timezone.localdate(window.end)


def _active(window: Window):
    rows = active_on(window.region, _last_day(window))
    return ((code, {"amb_background": background}) for code, background in rows)


def _flow(kind: str):
    def rows(window: Window):
        start, end = _days(window)
        found = steps_between(window.region, kind, start, end)
        return ((code, {"amb_background": background}) for code, background in found)

    return rows


COMMON = {
    "unit": "people",
    "source": SOURCE,
    "group": GROUP,
    "breakdowns": ("amb_background",),
    # Not figures about residents' health: the movement's own volunteers, whom the coverage page counts
    # per municipality in public. A regional network can link a goal to them ("ambassadors in the area").
    "about_residents": False,
}

register(
    Indicator(
        key="network_ambassadors_active",
        name=_("Actieve ambassadeurs"),
        definition=_(
            "Ambassadeurs die op de laatste dag van de periode ambassadeur waren en geen pauze hadden, in de "
            "gemeente waar ze ambassadeur zijn. Wie nog bezig is met starten, telt mee."
        ),
        rows=_active,
        kind=STOCK,
        order=10,
        **COMMON,
    )
)
register(
    Indicator(
        key="network_ambassadors_new",
        name=_("Nieuwe ambassadeurs"),
        definition=_("Ambassadeurs die in de periode begonnen (ook wie na een stop opnieuw begon)."),
        rows=_flow(EventKind.STARTED),
        order=11,
        **COMMON,
    )
)
register(
    Indicator(
        key="network_ambassadors_stopped",
        name=_("Gestopte ambassadeurs"),
        definition=_("Ambassadeurs die in de periode stopten. Een pauze telt niet als stoppen."),
        rows=_flow(EventKind.STOPPED),
        order=12,
        **COMMON,
    )
)
