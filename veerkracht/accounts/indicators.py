"""The accounts app's monitor breakdowns: kinds of organisation and partner, and the age band residents give.

The "partners" indicator itself is counted by the network app (it knows each organisation's role on a date).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from veerkracht.core.indicators import Breakdown, register_breakdown, with_unknown

from .models import AgeBand, OrganisationType

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
