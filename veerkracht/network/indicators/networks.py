"""Goals reached per regional network.

A network works for an area (a subregion and/or some municipalities) that need not match the monitor's
areas, and one goal is about the whole area: giving it to each municipality would count it several
times. So the figure counts for the region only, split by network (each goal counts once, under its
network, and the parts add up to the total). A goal counts when it is reached at the end of the period
(its value at or over its target since that day). Goals are about organisations' work, not people.
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from veerkracht.core.indicators import STOCK, Breakdown, Indicator, Window, register, register_breakdown

from ..selectors.networks import goals_reached_on, network_choices
from . import GROUP, SOURCE

register_breakdown(Breakdown("regional_network", _("regionaal netwerk"), network_choices))


def _goals_reached(window: Window):
    day = timezone.localtime(window.as_of).date()
    return ((None, {"regional_network": slug}) for slug in goals_reached_on(window.region, day))


register(
    Indicator(
        key="network_goals_reached",
        name=_("Doelen van regionale netwerken gehaald"),
        definition=_(
            "Doelen van regionale netwerken die aan het eind van de periode gehaald zijn (de stand is op "
            "of boven het streefgetal), per netwerk. Telt alleen voor de hele regio: een netwerk werkt "
            "voor een gebied dat niet altijd een gemeente of deel van de regio is."
        ),
        unit="count",
        source=SOURCE,
        group=GROUP,
        rows=_goals_reached,
        breakdowns=("regional_network",),
        kind=STOCK,
        order=80,
    )
)
