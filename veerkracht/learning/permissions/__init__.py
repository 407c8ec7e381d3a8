"""Who may see and change what in the learning app, one module per feature: lookups 404 what is not theirs.

The training coordinator's area (courses, approvals, e-learning, certificates, the budget) is for people
with the role "coördinator scholing" and for region admins; everyone else gets a 404, not a 403.
"""

from __future__ import annotations

from django.http import Http404

from veerkracht.accounts.models import Role


def is_coordinator(user) -> bool:
    return bool(
        user is not None
        and user.is_authenticated
        and (user.has_role(Role.TRAINING_COORDINATOR) or user.has_role(Role.REGION_ADMIN))
    )


def require_coordinator(user) -> None:
    if not is_coordinator(user):
        raise Http404
