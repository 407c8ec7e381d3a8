"""Writes for the support log: staff note what the action centre did for an organisation or a
municipality."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from veerkracht.accounts.models import Organisation
from veerkracht.core.audit import log_action
from veerkracht.regions.models import Municipality, Region

from ..models import SupportEntry


def _check(region: Region, organisation: Organisation | None, municipality: Municipality | None, on: date):
    if organisation is None and municipality is None:
        raise ValidationError(_("Kies een organisatie of een gemeente."))
    if organisation is not None and organisation.region_id != region.pk:
        raise ValidationError({"organisation": _("Kies een organisatie in deze regio.")})
    if municipality is not None and municipality.region_id != region.pk:
        raise ValidationError({"municipality": _("Kies een gemeente in deze regio.")})
    if on > timezone.localdate():
        raise ValidationError({"on": _("De datum ligt in de toekomst. Schrijf op wat al gebeurd is.")})


@transaction.atomic
def support_entry_add(
    *,
    region: Region,
    kind: str,
    on: date,
    hours: Decimal,
    given_by,
    actor,
    organisation: Organisation | None = None,
    municipality: Municipality | None = None,
    note: str = "",
) -> SupportEntry:
    """One entry in the log. With an organisation and no municipality, the organisation's is kept too,
    so the summary per part of the region does not change when the organisation moves."""
    _check(region, organisation, municipality, on)
    entry = SupportEntry(
        region=region,
        organisation=organisation,
        municipality=municipality or (organisation.municipality if organisation else None),
        kind=kind,
        on=on,
        hours=hours,
        given_by=given_by,
        note=note.strip(),
        created_by=actor,
    )
    entry.full_clean()
    entry.save()
    log_action("network.support.added", actor=actor, subject=entry, data={"kind": kind, "hours": str(hours)})
    return entry


@transaction.atomic
def support_entry_delete(*, entry: SupportEntry, actor) -> None:
    log_action("network.support.deleted", actor=actor, subject=entry, data={"kind": entry.kind})
    entry.delete()
