"""Who may see a request: action-centre staff (on the board), and the sender through the private link.

Everyone else gets a 404, which tells nothing about whether the board or the request exists.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from veerkracht.accounts.permissions import is_actioncentre_staff
from veerkracht.core.http import pk_or_404

from ..models import Request
from ..tokens import hash_token


def require_staff(user) -> None:
    """The board exists only for staff: everyone else gets a 404, not a hint that it is there."""
    if not is_actioncentre_staff(user):
        raise Http404


def requests_for_user(user, region) -> QuerySet[Request]:
    """The requests this person may see and handle: the region's for staff, none for anyone else."""
    if region is None or not is_actioncentre_staff(user):
        return Request.objects.none()
    return Request.objects.filter(region=region)


def get_request_for_user(user, pk: int | str, region, *, write: bool = False) -> Request:
    """A request of this region for staff (read and write alike); 404 for anyone else.

    `pk` may come from a query string (?vraag=12): anything but plain digits is a 404.
    """
    queryset = requests_for_user(user, region).select_related(
        "municipality__subregion", "assignee__profile", "sender", "initiative"
    )
    return get_object_or_404(queryset, pk=pk_or_404(pk))


def get_request_for_token(token: str) -> Request:
    """The sender's own request, found by the secret in the private link; 404 if the link is unknown."""
    if not token or len(token) > 100:
        raise Http404
    return get_object_or_404(Request.objects.select_related("municipality"), token_hash=hash_token(token))


def get_request_for_token_hash(token_hash: str) -> Request | None:
    """The request whose private link this browser opened (its hash is kept in the session), or None."""
    if not token_hash or len(token_hash) != 64:
        return None
    return Request.objects.select_related("municipality").filter(token_hash=token_hash).first()
