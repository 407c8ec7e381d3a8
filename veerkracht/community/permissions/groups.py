"""Who sees which group: only its members. Everything else is a 404, also a post or a file by a guessed
id. Group admins manage members and meetings; staff create groups."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from ..models import Group, GroupFile, GroupPost, Membership
from ..services.moderation import is_moderator

MAX_ID = 2**63  # a larger id in a URL cannot exist (and the database would not take it)


def get_group_for_user(user, pk: int, *, write: bool = False) -> tuple[Group, Membership]:
    """The group and the visitor's membership (404 for non-members). `write`: group admins only."""
    if user is None or not user.is_authenticated or not 0 < pk < MAX_ID:
        raise Http404
    membership = get_object_or_404(Membership.objects.select_related("group"), group_id=pk, user=user)
    if write and not membership.is_admin:
        raise Http404
    return membership.group, membership


def get_post_for_user(user, group: Group, pk: int) -> GroupPost:
    """A post of this group (the visitor is already known to be a member)."""
    return get_object_or_404(GroupPost.objects.filter(group=group), pk=pk)


def get_file_for_user(user, group: Group, pk: int) -> GroupFile:
    return get_object_or_404(GroupFile.objects.filter(group=group), pk=pk)


def can_create_groups(user) -> bool:
    return is_moderator(user)


def require_staff(user) -> None:
    if not is_moderator(user):
        raise Http404
