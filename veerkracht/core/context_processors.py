from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from .navigation import nav_for


def site(request: HttpRequest) -> dict:
    # Set by the regions middleware (lazily); error pages may render before it has run.
    region = getattr(request, "region", None)
    return {
        "region": region,
        "movement_name": region.movement_name if region else "Veerkracht",
        "main_nav": nav_for(request),
        "dev_tools": settings.DEBUG,
        "available_languages": settings.LANGUAGES,
    }
