"""Who may see and change what in the network app, one module per feature: lookups 404 what is not theirs.

Network management (applications, onboarding, the support log, networks) is for action-centre staff
and region admins; everyone else gets a 404, not a 403.
"""

from __future__ import annotations

from django.http import Http404

from veerkracht.accounts.models import Role


def is_network_staff(user) -> bool:
    return bool(
        user is not None
        and user.is_authenticated
        and (user.has_role(Role.STAFF) or user.has_role(Role.REGION_ADMIN))
    )


def require_network_staff(user) -> None:
    if not is_network_staff(user):
        raise Http404
