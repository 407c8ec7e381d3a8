"""What ambassadors do, in the monitor: activities per kind and municipality, and how many
municipalities have at least one active ambassador (one row per such municipality, so a subregion's
figure is its number of covered municipalities)."""

from __future__ import annotations

from datetime import datetime, time

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
    with_unknown,
)

from ..models import ActivityKind
from . import GROUP, SOURCE


def _kinds() -> list[tuple[str, str]]:
    return with_unknown(ActivityKind.choices)


register_breakdown(Breakdown("activity_kind", _("soort activiteit"), _kinds))


def _activities(window: Window):
    from ..selectors.activities import activity_rows_between

    start, end = timezone.localtime(window.start), timezone.localtime(window.end)
    return (
        (code, {"activity_kind": kind}) for code, kind in activity_rows_between(window.region, start, end)
    )


def _covered(window: Window):
    from ..selectors.activities import municipalities_with_active_ambassador

    return (
        (code, {})
        for code in municipalities_with_active_ambassador(window.region, timezone.localtime(window.as_of))
    )


def _first(region) -> datetime | None:
    from ..selectors.activities import first_activity_on

    day = first_activity_on(region)
    return timezone.make_aware(datetime.combine(day, time.min)) if day else None


register_first_activity(_first)

register(
    Indicator(
        key="network_activities",
        name=_("Activiteiten van ambassadeurs"),
        definition=_(
            "Wat ambassadeurs deden: gesprekken, praatjes, bijeenkomsten, initiatieven geholpen en mensen "
            "met elkaar in contact gebracht, op de dag waarop het gebeurde, in de gemeente waar het was. "
            "Zelf ingevuld, of vanzelf uit de agenda en het actiecentrum."
        ),
        unit="count",
        source=SOURCE,
        group=GROUP,
        rows=_activities,
        breakdowns=("activity_kind",),
        order=20,
    )
)
register(
    Indicator(
        key="network_municipalities_covered",
        name=_("Gemeenten met een actieve ambassadeur"),
        definition=_(
            "Gemeenten waar aan het eind van de periode minstens één ambassadeur actief was (niet gepauzeerd "
            "of gestopt). Voor een deelregio: het aantal van haar gemeenten met een actieve ambassadeur."
        ),
        unit="count",
        source=SOURCE,
        group=GROUP,
        rows=_covered,
        kind=STOCK,
        order=21,
    )
)
