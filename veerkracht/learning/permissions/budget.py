"""The budget is the training coordinator's (and region admins'): everyone else gets a 404."""

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
