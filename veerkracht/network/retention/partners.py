"""Partner applications that were declined or withdrawn go six months after that (with the contact
details in them); accepted ones stay, as the start of the organisation's partnership."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from veerkracht.core.retention import Rule, register

from ..models import PartnerApplication, PartnerApplicationStatus

KEEP_CLOSED = timedelta(days=183)


def _closed_applications(now: datetime) -> int:
    before = now - KEEP_CLOSED
    closed = PartnerApplication.objects.filter(
        Q(status=PartnerApplicationStatus.DECLINED, decided_at__lt=before)
        | Q(status=PartnerApplicationStatus.WITHDRAWN, updated_at__lt=before)
    )
    return closed.delete()[0]


register(
    Rule(
        key="network.partner_applications",
        what=_("Aanmeldingen als partner die zijn afgewezen of ingetrokken, met de contactgegevens"),
        period=_("6 maanden na het besluit of het intrekken"),
        keep=KEEP_CLOSED,
        apply=_closed_applications,
        order=320,
    )
)
