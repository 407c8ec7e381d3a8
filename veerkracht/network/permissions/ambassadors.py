"""Who may see which application and ambassador: the person their own, network staff those of their
region; anyone else a 404 (the motivation is for the applicant and staff only)."""

from __future__ import annotations

from django.http import Http404

from ..models import Ambassador, AmbassadorApplication
from ..selectors.ambassadors import ambassador_for_staff, application_for_staff, current_ambassador_of
from . import require_network_staff


def get_own_application(user, pk: int) -> AmbassadorApplication:
    application = (
        AmbassadorApplication.objects.filter(pk=pk, user=user).first() if user.is_authenticated else None
    )
    if application is None:
        raise Http404
    return application


def get_application_for_staff(user, region, pk: int) -> AmbassadorApplication:
    require_network_staff(user)
    application = application_for_staff(region, pk)
    if application is None:
        raise Http404
    return application


def get_ambassador_for_staff(user, region, pk: int) -> Ambassador:
    require_network_staff(user)
    ambassador = ambassador_for_staff(region, pk)
    if ambassador is None:
        raise Http404
    return ambassador


def get_own_ambassador(user) -> Ambassador:
    """The person's current (not stopped) ambassadorship, for pausing and stopping it."""
    ambassador = current_ambassador_of(user)
    if ambassador is None:
        raise Http404
    return ambassador
