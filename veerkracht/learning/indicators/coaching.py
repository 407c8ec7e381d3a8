"""Implementation coaching in the monitor: coaches active (people: small numbers are protected) and
organisations coached (organisations, not people)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from veerkracht.core.indicators import STOCK, Indicator, Window, register

from ..selectors.coaching import active_coaches_between, coached_organisations_on
from . import GROUP, SOURCE


def _coaches(window: Window):
    # A coach works for the whole region: no municipality.
    return ((None, {}) for _coach in active_coaches_between(window.region, window.start, window.end))


def _organisations(window: Window):
    return ((code, {}) for code in coached_organisations_on(window.region, window.as_of))


register(
    Indicator(
        key="learning_coaches_active",
        name=_("Actieve implementatiecoaches"),
        definition=_(
            "Implementatiecoaches die in de periode minstens één contact met een organisatie in het "
            "logboek schreven (een bezoek, gesprek, workshop of ander contact)."
        ),
        unit="people",
        source=SOURCE,
        group=GROUP,
        rows=_coaches,
        # Counts of people: the monitor's small-number protection applies.
        about_residents=True,
        order=60,
    )
)
register(
    Indicator(
        key="learning_organisations_coached",
        name=_("Organisaties met een implementatiecoach"),
        definition=_(
            "Organisaties die aan het eind van de periode door een implementatiecoach begeleid worden, "
            "in de gemeente van de organisatie."
        ),
        unit="count",
        source=SOURCE,
        group=GROUP,
        rows=_organisations,
        kind=STOCK,
        order=61,
    )
)
