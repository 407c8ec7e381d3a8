"""Reads of stored periods shared by the API (pages read their figures in views.py). Figures are stored
already protected (privacy.py), so no read can reveal a hidden value."""

from __future__ import annotations

from .models import Period
from .periods import Span


def period_for(region, span: Span) -> Period | None:
    return Period.objects.filter(region=region, kind=span.kind, start=span.start).first()


def latest_period(region, kind: str, *, closed: bool) -> Period | None:
    qs = Period.objects.filter(region=region, kind=kind)
    if closed:
        qs = qs.filter(is_closed=True)
    return qs.order_by("-start").first()
