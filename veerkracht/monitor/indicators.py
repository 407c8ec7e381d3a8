"""The monitor's own indicators: health outcomes, computed by its outcome engine (compute/outcomes.py)
from the scores the registered outcome source gives (consented spider webs).

Every other indicator is registered by the app that owns its data, in that app's ``indicators.py``.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from veerkracht.core.indicators import QUARTER, YEAR, Indicator, register

SOURCE_CONSENTED = _("Spinnenwebben van inwoners die toestemming gaven voor onderzoek")
DIALOGUE_NOTE = _(
    "Het spinnenweb is een hulpmiddel voor een gesprek, geen gevalideerde meetschaal. Mensen vullen het "
    "in wanneer ze willen, niet op vaste momenten, en alleen wie toestemming gaf telt mee. De cijfers laten "
    "zien hoe deelnemers hun gezondheid zelf beoordelen; ze zeggen niet dat de beweging dat verschil "
    "heeft veroorzaakt, en gelden niet voor alle inwoners."
)

register(
    Indicator(
        key="score",
        name=_("Gemiddeld cijfer per onderdeel"),
        definition=_(
            "Het gemiddelde cijfer (0 tot 10) per onderdeel van het spinnenweb, met de spreiding en de "
            "verdeling over laag (onder 4), midden (4 tot 7) en hoog (7 of meer). Per persoon telt het "
            "laatste spinnenweb in de periode."
        ),
        unit="score",
        source=SOURCE_CONSENTED,
        group="outcomes",
        rows=None,
        breakdowns=("age_band", "education"),
        periods=(QUARTER, YEAR),
        about_residents=True,
        order=10,
        notes=(DIALOGUE_NOTE,),
    )
)
register(
    Indicator(
        key="gap",
        name=_("Gezondheidskloof naar opleiding"),
        definition=_(
            "Het gemiddelde cijfer van mensen met een hoge opleiding min dat van mensen met een lage "
            "opleiding, per onderdeel. Een kleiner getal betekent een kleinere kloof. Niet te zien als "
            "een van beide groepen minder dan 10 mensen telt."
        ),
        unit="difference",
        source=SOURCE_CONSENTED,
        group="outcomes",
        rows=None,
        periods=(QUARTER, YEAR),
        about_residents=True,
        order=20,
        notes=(DIALOGUE_NOTE,),
    )
)
register(
    Indicator(
        key="change",
        name=_("Verandering bij deelnemers"),
        definition=_(
            "Voor mensen met minstens twee spinnenwebben (met toestemming) tot het eind van het jaar: "
            "het gemiddelde verschil per onderdeel tussen hun eerste en hun laatste spinnenweb, met een "
            "95%-betrouwbaarheidsinterval en het aantal mensen (n)."
        ),
        unit="difference",
        source=SOURCE_CONSENTED,
        group="outcomes",
        rows=None,
        breakdowns=("education",),
        periods=(YEAR,),
        about_residents=True,
        order=30,
        notes=(
            DIALOGUE_NOTE,
            _(
                "Wie een tweede spinnenweb invult, is misschien anders dan wie dat niet doet. En er is geen "
                "vergelijkingsgroep: een verandering kan ook door iets anders komen."
            ),
        ),
    )
)
