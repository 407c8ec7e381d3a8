"""A registration is reached through its private link (tokens.py) or, for someone logged in, their own."""

from __future__ import annotations

from django.http import Http404

from ..models import Registration
from ..tokens import MANAGE, registration_pk, registration_token_matches


def get_registration_for_token(token: str, purpose: str = MANAGE) -> Registration:
    """The registration a genuine link names; 404 for a forged, altered or ended link."""
    pk = registration_pk(token)
    registration = (
        Registration.objects.select_related("event", "event__municipality", "event__subregion")
        .filter(pk=pk)
        .first()
        if pk
        else None
    )
    if registration is None or not registration_token_matches(registration, token, purpose):
        raise Http404
    return registration
