"""Support on measure in the monitor: how often and how many hours the action centre supported
organisations and municipalities, by kind, in the municipality of the organisation (or the one
supported). Work of the action centre, not people: no small-number protection."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from veerkracht.core.indicators import Breakdown, Indicator, Window, register, register_breakdown

from ..models import SupportKind
from ..selectors.support import support_hours_between, support_rows_between
from . import GROUP, SOURCE

register_breakdown(Breakdown("support_kind", _("soort ondersteuning"), lambda: list(SupportKind.choices)))


def _days(window: Window):
    return timezone.localtime(window.start).date(), timezone.localtime(window.end).date()


def _count(window: Window):
    for code, kind in support_rows_between(window.region, *_days(window)):
        yield code, {"support_kind": kind}


def _hours(window: Window):
    # The monitor counts rows: one row per hour, the hours summed per municipality and kind, then rounded.
    for code, kind, hours in support_hours_between(window.region, *_days(window)):
        for _hour in range(round(hours)):
            yield code, {"support_kind": kind}


register(
    Indicator(
        key="network_support_given",
        name=_("Ondersteuning op maat gegeven"),
        definition=_(
            "Hoe vaak het actiecentrum in de periode een organisatie of gemeente ondersteunde (advies, een "
            "workshop, een presentatie, een sessie met hun team), in de gemeente van de organisatie."
        ),
        unit="count",
        source=SOURCE,
        group=GROUP,
        rows=_count,
        breakdowns=("support_kind",),
        order=40,
    )
)
register(
    Indicator(
        key="network_support_hours",
        name=_("Uren ondersteuning op maat"),
        definition=_(
            "De uren die het actiecentrum in de periode aan ondersteuning op maat besteedde, per gemeente "
            "en soort ondersteuning opgeteld en afgerond op hele uren."
        ),
        unit="hours",
        source=SOURCE,
        group=GROUP,
        rows=_hours,
        breakdowns=("support_kind",),
        order=41,
    )
)
