"""Partner organisations in the monitor, by their role on the last day of the period.

The key ("partners"), the group and the breakdowns partner_kind (core/other) and org_type are those
the accounts app used before the role history existed, so published periods stay comparable;
partner_role (supporter, driver, core partner) is new."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from veerkracht.core.indicators import STOCK, Breakdown, Indicator, Window, register, register_breakdown

from ..models import PartnerKind
from ..selectors.partners import partner_roles_on

register_breakdown(Breakdown("partner_role", _("rol van de partner"), lambda: list(PartnerKind.choices)))


def _partners(window: Window):
    # as_of is the end of the period (exclusive) or now: the role on the day just before it.
    day = timezone.localtime(window.as_of - timedelta(microseconds=1)).date()
    for code, org_type, role in partner_roles_on(window.region, day):
        yield (
            code,
            {
                "org_type": org_type,
                "partner_kind": "core" if role == PartnerKind.CORE else "other",
                "partner_role": role,
            },
        )


register(
    Indicator(
        key="partners",
        name=_("Partnerorganisaties"),
        definition=_(
            "Organisaties die aan het eind van de periode partner zijn van de beweging, naar hun rol op die "
            "dag: kernpartners, aanjagers en supporters, en naar soort organisatie."
        ),
        unit="count",
        source=_("Organisaties in Veerkracht"),
        group="movement",
        rows=_partners,
        breakdowns=("partner_kind", "org_type", "partner_role"),
        kind=STOCK,
        order=20,
    )
)
