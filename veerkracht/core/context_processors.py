from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from veerkracht.regions.selectors import region_for_request

from .navigation import nav_for


def site(request: HttpRequest) -> dict:
    region = region_for_request(request)
    return {
        "region": region,
        "movement_name": region.movement_name if region else "Veerkracht",
        "main_nav": nav_for(request),
        "dev_tools": settings.DEBUG,
        "available_languages": settings.LANGUAGES,
    }
