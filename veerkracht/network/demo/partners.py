"""Demo partners: two open applications for staff to review, a role history for every demo
organisation (Provincie Limburg from driver to core partner, a few supporters who became drivers), and
a support log of about forty entries over the past year.

Everything goes through the services, with fixed dates and choices (the same demo every time).
"""

from __future__ import annotations

import zlib
from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from veerkracht.accounts import services as account_services
from veerkracht.accounts.demo import DEMO_DOMAIN, DEMO_PASSWORD
from veerkracht.accounts.models import Organisation, OrganisationType, Role, User
from veerkracht.regions.models import Region

from ..models import PartnerApplication, PartnerKind, PartnerRole, SupportEntry, SupportKind
from ..services import partners as services
from ..services import support as support_services

ORDER = 70
PROVINCE = "Provincie Limburg"

APPLICATIONS = [
    (
        f"aanmelder1@{DEMO_DOMAIN}",
        "Joyce Wetzels",
        "Mbo-college Parkstad",
        OrganisationType.MBO,
        "GM0917",
        "Onze studenten zorg en welzijn leren werken met het spinnenweb. We willen stageplekken in "
        "initiatieven en een gastles van een ambassadeur.",
    ),
    (
        f"aanmelder2@{DEMO_DOMAIN}",
        "Peter Lemmens",
        "Seniorenvereniging Midden-Limburg",
        OrganisationType.INTEREST_GROUP,
        "GM0957",
        "Wij willen onze vrijwilligers laten kennismaken met Positieve Gezondheid en samen met de "
        "gemeente een ontmoetingsplek opzetten.",
    ),
]
# A few supporters that became drivers: (organisation, why).
NEW_DRIVERS = [
    ("Gemeente Heerlen", "trekt het wijkgericht werken in Heerlen-Noord"),
    ("Welzijn Roermond", "organiseert elke maand een inspiratiesessie"),
    ("Gemeente Venlo", "neemt Positieve Gezondheid op in het gezondheidsbeleid"),
    ("Sociaal wijkteam Venlo-Oost", "werkt met het andere gesprek in alle keukentafelgesprekken"),
]
NOTES = {
    SupportKind.ADVICE: "Advies over de start van een project",
    SupportKind.WORKSHOP: "Workshop het andere gesprek",
    SupportKind.PRESENTATION: "Presentatie in het overleg van het management",
    SupportKind.TEAM_SESSION: "Sessie met het team over het spinnenweb",
    SupportKind.OTHER: "Meegedacht over een subsidieaanvraag",
}


def _pick(key: str, n: int) -> int:
    return zlib.crc32(key.encode()) % n


def _applications(region: Region) -> int:
    made = 0
    municipalities = {m.code: m for m in region.municipalities.all()}
    for email, name, organisation, kind, code, intent in APPLICATIONS:
        if PartnerApplication.objects.filter(user__email=email).exists():
            continue
        user = User.objects.filter(email=email).first() or account_services.user_create(
            email=email, password=DEMO_PASSWORD, display_name=name, municipality=municipalities.get(code)
        )
        services.partner_application_submit(
            user=user,
            region=region,
            organisation_name=organisation,
            organisation_type=kind,
            municipality=municipalities.get(code),
            intent=intent,
            contact_name=name,
        )
        made += 1
    return made


def _province(region: Region) -> Organisation:
    province = Organisation.objects.filter(region=region, name=PROVINCE).first()
    return province or account_services.organisation_create(
        name=PROVINCE, type=OrganisationType.PROVINCE, region=region
    )


def _histories(region: Region) -> int:
    """A first role for each organisation without one (from the day it came), then the changes."""
    today = timezone.localdate()
    province = _province(region)
    started = 0
    for organisation in Organisation.objects.filter(region=region).exclude(partner_roles__isnull=False):
        since = min(timezone.localtime(organisation.created_at).date(), today - timedelta(days=400))
        if organisation.pk == province.pk:
            kind, reason = PartnerKind.DRIVER, "zet Positieve Gezondheid op de provinciale agenda"
        elif organisation.is_core_partner:
            kind, reason = PartnerKind.CORE, "kernpartner van het actiecentrum vanaf het begin"
        else:
            kind, reason = PartnerKind.SUPPORTER, "sloot zich aan bij de beweging"
        services.partner_role_change(
            organisation=organisation, kind=kind, starts_on=since, reason=reason, actor=None
        )
        started += 1
    if started:
        services.partner_role_change(
            organisation=province,
            kind=PartnerKind.CORE,
            starts_on=today - timedelta(days=200),
            reason="financiert het actiecentrum en zit in de stuurgroep",
            actor=None,
        )
        for name, reason in NEW_DRIVERS:
            organisation = Organisation.objects.filter(region=region, name=name).first()
            current = PartnerRole.objects.filter(organisation=organisation, ends_on__isnull=True).first()
            if organisation is None or current is None or current.kind != PartnerKind.SUPPORTER:
                continue
            on = today - timedelta(days=30 + _pick(name, 300))
            if on > current.starts_on:
                services.partner_role_change(
                    organisation=organisation,
                    kind=PartnerKind.DRIVER,
                    starts_on=on,
                    reason=reason,
                    actor=None,
                )
    return started


def _support_log(region: Region) -> int:
    if SupportEntry.objects.filter(region=region).exists():
        return 0
    staff = list(
        User.objects.filter(role_assignments__role=Role.STAFF, email__endswith=f"@{DEMO_DOMAIN}").order_by(
            "pk"
        )
    )
    organisations = list(Organisation.objects.filter(region=region).order_by("name"))
    municipalities = list(region.municipalities.order_by("code"))
    kinds = list(SupportKind.values)
    today = timezone.localdate()
    for i in range(40):
        key = f"support:{i}"
        organisation = organisations[_pick(key, len(organisations))] if organisations and i % 5 else None
        kind = kinds[_pick(key + "kind", len(kinds))]
        support_services.support_entry_add(
            region=region,
            organisation=organisation,
            municipality=None if organisation else municipalities[_pick(key, len(municipalities))],
            kind=kind,
            on=today - timedelta(days=1 + _pick(key + "day", 360)),
            hours=Decimal(1 + _pick(key + "hours", 8)) / 2,
            given_by=staff[i % len(staff)] if staff else None,
            note=NOTES[kind],
            actor=None,
        )
    return 40


@transaction.atomic
def load(region: Region) -> list[str]:
    applications = _applications(region)
    histories = _histories(region)
    entries = _support_log(region)
    lines = []
    if applications:
        lines.append(f"  {applications} aanmeldingen als partner wachten op een besluit")
    if histories:
        lines.append(f"  {histories} partners met een rolgeschiedenis")
    if entries:
        lines.append(f"  {entries} keer ondersteuning op maat in het logboek")
    return lines
