"""Partner applications and support entries, made through the services as the pages do."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from veerkracht.accounts.models import OrganisationType
from veerkracht.regions.models import Region

from ...services import partners as services
from ...services import support as support_services


def make_application(user, *, name: str = "Buurtkracht Oost", code: str | None = "GM0935", **extra):
    region = Region.objects.get(slug="limburg")
    fields = {
        "organisation_name": name,
        "organisation_type": OrganisationType.WELFARE,
        "intent": "Wij willen het andere gesprek voeren met onze bezoekers.",
        "contact_name": "Karin Jacobs",
        "contact_phone": "06 12345678",
        "municipality": region.municipalities.get(code=code) if code else None,
    } | extra
    return services.partner_application_submit(user=user, region=region, **fields)


def make_support(*, by, organisation=None, municipality=None, kind="advice", on=None, hours="1.5", note=""):
    region = Region.objects.get(slug="limburg")
    return support_services.support_entry_add(
        region=region,
        organisation=organisation,
        municipality=municipality,
        kind=kind,
        on=on or date(2025, 3, 1),
        hours=Decimal(hours),
        given_by=by,
        note=note,
        actor=by,
    )
