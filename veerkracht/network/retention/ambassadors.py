"""Ambassadors: declined and withdrawn applications (with their motivation) go 6 months after the decision."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils.translation import gettext_lazy as _

from veerkracht.core.retention import Rule, register

from ..selectors.ambassadors import declined_application_ids
from ..services.ambassadors import applications_erase

DECLINED_KEEP = timedelta(days=183)


def _declined(now: datetime) -> int:
    return applications_erase(ids=declined_application_ids(now - DECLINED_KEEP))


register(
    Rule(
        key="network.ambassador_applications",
        what=_("Een aanmelding als ambassadeur die is afgewezen of die je introk, met je motivatie"),
        period=_("6 maanden na het besluit"),
        keep=DECLINED_KEEP,
        apply=_declined,
        order=75,
    )
)
