"""Newsletter subscribers per part of the region."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from veerkracht.core.indicators import STOCK, Breakdown, Indicator, Window, register, register_breakdown

from ..selectors.newsletter import subregion_choices, subscribers_as_of
from . import GROUP

WHOLE, SEVERAL = "hele-regio", "meerdere"


def _newsletter_areas() -> list[tuple[str, str]]:
    return [
        *subregion_choices(),
        (SEVERAL, _("meer dan één deel van de regio")),
        (WHOLE, _("de hele regio")),
    ]


register_breakdown(Breakdown("newsletter_area", _("nieuwsbrief over"), _newsletter_areas))


def _area(slugs: list[str]) -> str:
    if not slugs:
        return WHOLE
    return slugs[0] if len(slugs) == 1 else SEVERAL


def _newsletter_subscribers(window: Window):
    # A subscription is about a subregion, not a municipality: it counts for the region, split by the
    # part of the region it is about (one subregion, several, or the whole region), so the parts add up.
    return (
        (None, {"newsletter_area": _area(slugs)}) for slugs in subscribers_as_of(window.region, window.as_of)
    )


register(
    Indicator(
        key="community_newsletter_subscribers",
        name=_("Abonnees van de nieuwsbrief"),
        definition=_(
            "Mensen die aan het eind van de periode de nieuwsbrief krijgen (aanmelding bevestigd, niet "
            "afgemeld), naar het deel van de regio waarover ze lezen."
        ),
        unit="people",
        source=_("Nieuwsbrief in Veerkracht"),
        group=GROUP,
        rows=_newsletter_subscribers,
        breakdowns=("newsletter_area",),
        kind=STOCK,
        order=80,
    )
)
