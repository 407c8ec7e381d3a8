"""Netwerkbeheer: the start page for action-centre staff and region admins, with what waits for them
(open applications) and the way to every part of the network they keep."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from veerkracht.regions.selectors import get_region_or_404

from ..models import AmbassadorStatus, PartnerApplicationStatus
from ..permissions import require_network_staff
from ..selectors import ambassadors, partners


@login_required
@require_safe
def home(request: HttpRequest) -> HttpResponse:
    require_network_staff(request.user)
    region = get_region_or_404(request)
    counts = ambassadors.status_counts(region)
    context = {
        "ambassador_applications": len(ambassadors.open_applications(region)),
        "ambassadors_active": counts[AmbassadorStatus.ACTIVE],
        "ambassadors_starting": counts[AmbassadorStatus.ONBOARDING],
        "partner_applications": partners.application_counts(region)[PartnerApplicationStatus.SUBMITTED],
    }
    return render(request, "network/manage/home.html", context)
