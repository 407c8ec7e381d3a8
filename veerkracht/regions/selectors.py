from __future__ import annotations

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from .models import Municipality, Region


def current_region() -> Region | None:
    """The region this installation serves (settings.VEERKRACHT_REGION), or None before it is loaded."""
    return Region.objects.filter(slug=settings.VEERKRACHT_REGION).first()


def region_for_request(request) -> Region | None:
    """current_region(), looked up once per request (behind ``request.region``, see middleware.py)."""
    if not hasattr(request, "_veerkracht_region"):
        try:
            request._veerkracht_region = current_region()
        except DatabaseError as error:
            # Kept, not raised here: the 500 page must render even when the database is what failed.
            # A connection that failed is remembered (a 503); anything else (no tables yet) means
            # the site is not set up.
            request._veerkracht_region = None
            if isinstance(error, OperationalError | InterfaceError):
                request._veerkracht_region_error = error
    return request._veerkracht_region


def region_unreachable(request) -> OperationalError | InterfaceError | None:
    """The database error that kept the region from being read in this request, if any."""
    region_for_request(request)
    return getattr(request, "_veerkracht_region_error", None)


def get_region_or_404(request) -> Region:
    """The request's region; a 404 while the installation has none (before `load_region`). When the
    database cannot be reached, its error is raised again: that is a 503 (core/views.py), not a 404."""
    region = region_for_request(request)
    if region is None:
        error = region_unreachable(request)
        if error is not None:
            raise error
        raise Http404(_("Deze site is nog niet ingesteld: er is nog geen regio."))
    return region


def municipalities_for_region(region: Region | None) -> QuerySet[Municipality]:
    qs = Municipality.objects.select_related("subregion").order_by("name")
    return qs.filter(region=region) if region else qs.none()


def municipality_by_code(region: Region | None, code: str) -> Municipality | None:
    """A municipality of the region by its CBS code ("GM0935"), or None."""
    if region is None or not code or len(code) > 10:
        return None
    return Municipality.objects.filter(region=region, code=code).first()
