"""The accounts app's monitor figures: partner organisations, and the age band residents give."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from veerkracht.core.indicators import (
    STOCK,
    Breakdown,
    Indicator,
    Window,
    register,
    register_breakdown,
    with_unknown,
)

from .models import AgeBand, OrganisationType
from .selectors import organisations_as_of

register_breakdown(Breakdown("org_type", _("soort organisatie"), lambda: list(OrganisationType.choices)))
register_breakdown(
    Breakdown(
        "partner_kind",
        _("soort partner"),
        lambda: [("core", _("kernpartner")), ("other", _("andere partner"))],
    )
)
register_breakdown(
    Breakdown("age_band", _("leeftijd"), lambda: with_unknown(AgeBand.choices), analyst_only=True)
)


def _partners(window: Window):
    for code, kind, core in organisations_as_of(window.region, window.as_of):
        yield code, {"org_type": kind, "partner_kind": "core" if core else "other"}


register(
    Indicator(
        key="partners",
        name=_("Partnerorganisaties"),
        definition=_(
            "Organisaties die aan het eind van de periode partner zijn van de beweging: kernpartners van "
            "het actiecentrum en andere partners, naar soort organisatie."
        ),
        unit="count",
        source=_("Organisaties in Veerkracht"),
        group="movement",
        rows=_partners,
        breakdowns=("partner_kind", "org_type"),
        kind=STOCK,
        order=20,
    )
)
