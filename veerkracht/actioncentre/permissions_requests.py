"""Who may see a request: action-centre staff (on the board), and the sender through the private link."""

from __future__ import annotations

from django.http import Http404

from veerkracht.accounts.permissions import is_actioncentre_staff

from .models import Request
from .tokens import hash_token

# The project's predicate (accounts.permissions), under the name this module's callers use.
is_staff_member = is_actioncentre_staff


def require_staff(user) -> None:
    """The board exists only for staff: everyone else gets a 404, not a hint that it is there."""
    if not is_staff_member(user):
        raise Http404


def get_request_for_user(user, pk: int, region, *, write: bool = False) -> Request:
    """A request of this region for staff (read and write alike); 404 for anyone else."""
    require_staff(user)
    if region is None:
        raise Http404
    request = (
        Request.objects.select_related("municipality__subregion", "assignee__profile", "sender", "initiative")
        .filter(pk=pk, region=region)
        .first()
    )
    if request is None:
        raise Http404
    return request


def get_request_for_token(token: str) -> Request:
    """The sender's own request, found by the secret in the private link; 404 if the link is unknown."""
    if not token or len(token) > 100:
        raise Http404
    request = Request.objects.select_related("municipality").filter(token_hash=hash_token(token)).first()
    if request is None:
        raise Http404
    return request
