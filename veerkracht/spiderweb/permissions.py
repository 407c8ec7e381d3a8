"""Who may see a spider web: its owner. Nobody else (sharing with a professional adds exactly that).

Everything that is not someone's own is a 404 (not 403): a web that is not yours does not exist for you.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from veerkracht.accounts.models import Role

from .models import Assessment, Share


def webs_of(user) -> QuerySet[Assessment]:
    """The person's own webs; none for anyone else, staff and admins included."""
    return Assessment.objects.filter(owner=user) if user.is_authenticated else Assessment.objects.none()


def get_assessment_for_user(user, pk: int) -> Assessment:
    """The person's own web, or 404: also for staff and admins, who never see residents' webs."""
    return get_object_or_404(webs_of(user).select_related("instrument"), pk=pk)


def get_share_for_owner(user, pk: int) -> Share:
    shares = Share.objects.filter(owner=user) if user.is_authenticated else Share.objects.none()
    return get_object_or_404(shares.select_related("assessment"), pk=pk)


def shares_with(user) -> QuerySet[Share]:
    """Shares a professional claimed (whether still active is checked by the caller)."""
    if not (user.is_authenticated and user.has_role(Role.PROFESSIONAL)):
        return Share.objects.none()
    return Share.objects.filter(professional=user)


def get_shared_web_for_professional(user, share_pk: int, web_pk: int) -> tuple[Share, Assessment]:
    """A web shared with this professional, while the share is active; otherwise 404 (not 403:
    a revoked or expired share reveals nothing, not even that the web exists)."""
    share = get_object_or_404(shares_with(user).select_related("owner__profile"), pk=share_pk)
    if not share.is_active:
        raise Http404
    web = get_object_or_404(
        Assessment.objects.filter(owner_id=share.owner_id).select_related("instrument"), pk=web_pk
    )
    if not share.covers(web):
        raise Http404
    return share, web
