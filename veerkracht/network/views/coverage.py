"""Coverage: where the network of ambassadors is thin. Public: it shows counts per municipality, never
who the ambassadors are."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from veerkracht.regions.selectors import get_region_or_404

from ..presenters.coverage import coverage_context
from ..selectors.coverage import coverage_places


def coverage(request: HttpRequest) -> HttpResponse:
    region = get_region_or_404(request)
    context = {"region": region, **coverage_context(region, coverage_places(region))}
    return render(request, "network/coverage/page.html", context)
