"""Who sees which figures: one rule for pages, downloads, the API and the PDF.

Everything published is aggregated and protected against small numbers (privacy.py). On top of that,
the finest splits of figures about residents (a municipality by age band or education level, and a
municipality's health gap) need the analyst role: they are closest to small groups.
"""

from __future__ import annotations

import rules

from veerkracht.accounts.permissions import is_analyst, is_region_admin, is_superuser
from veerkracht.core.indicators import breakdowns

from .models import AreaLevel

is_monitor_analyst = is_analyst | is_region_admin | is_superuser


def may_see(user, indicator: str, area_level: str, breakdown: str = "") -> bool:
    if area_level != AreaLevel.MUNICIPALITY:
        return True
    found = breakdowns().get(breakdown)
    if (found is not None and found.analyst_only) or indicator == "gap":
        return bool(is_monitor_analyst(user))
    return True


rules.add_perm("monitor.view_fine_figures", is_monitor_analyst)
