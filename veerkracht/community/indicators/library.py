"""The knowledge library: new items per level."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from veerkracht.core.indicators import Breakdown, Indicator, Window, register, register_breakdown
from veerkracht.core.vocabulary import LEVELS

from ..selectors.library import library_items_by_level_between
from . import GROUP, SOURCE

register_breakdown(Breakdown("library_level", _("niveau"), lambda: list(LEVELS)))


def _library_by_level(window: Window):
    # The library is for the whole region: no municipality.
    return (
        (None, {"library_level": level})
        for level in library_items_by_level_between(window.region, window.start, window.end)
    )


register(
    Indicator(
        key="community_library_items",
        name=_("Nieuw in de kennisbank, naar niveau"),
        definition=_(
            "Methodes, hulpmiddelen, gidsen, presentaties, video's en links die in de periode in de "
            "kennisbank kwamen (openbaar, niet verborgen), naar het niveau waarvoor ze zijn: nano, micro, "
            "meso of macro. Een item voor twee niveaus telt bij allebei; een item zonder niveau telt niet. "
            "Lessen uit initiatieven tellen niet mee: die telt het actiecentrum."
        ),
        unit="count",
        source=SOURCE,
        group=GROUP,
        rows=_library_by_level,
        breakdowns=("library_level",),
        order=40,
    )
)
