from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.templatetags.static import static

from .http import absolute_url
from .navigation import nav_for

# The picture a shared link shows when the page has no photo of its own (1200 x 630, as Open Graph asks).
SHARE_IMAGE = "img/share.png"


def site(request: HttpRequest) -> dict:
    # Set by the regions middleware (lazily); error pages may render before it has run.
    region = getattr(request, "region", None)
    if not region and getattr(request, "_veerkracht_region_error", None) is not None:
        # The database is down: a page rendered now would be empty or wrong; the error handler makes
        # it a calm 503 (core/views.py).
        raise request._veerkracht_region_error
    return {
        "region": region,
        "movement_name": region.movement_name if region else "Veerkracht",
        "main_nav": nav_for(request),
        "dev_tools": settings.DEBUG,
        "available_languages": settings.LANGUAGES,
        # Open Graph / cards: the page's own address (no query string) and the default picture.
        "canonical_url": absolute_url(request, request.path),
        "share_image_url": absolute_url(request, static(SHARE_IMAGE)),
    }
