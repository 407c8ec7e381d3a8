"""Who may see a spider web: its owner. Nobody else (sharing with a professional adds exactly that)."""

from __future__ import annotations

from django.http import Http404

from veerkracht.spiderweb.models import Assessment, Share


def get_assessment_for_user(user, pk: int) -> Assessment:
    """The person's own web, or 404: also for staff and admins, who never see residents' webs."""
    if not user.is_authenticated:
        raise Http404
    try:
        return Assessment.objects.select_related("instrument").get(pk=pk, owner=user)
    except Assessment.DoesNotExist as exc:
        raise Http404 from exc


def get_share_for_owner(user, pk: int) -> Share:
    if not user.is_authenticated:
        raise Http404
    try:
        return Share.objects.select_related("assessment").get(pk=pk, owner=user)
    except Share.DoesNotExist as exc:
        raise Http404 from exc


def get_shared_web_for_professional(user, share_pk: int, web_pk: int) -> tuple[Share, Assessment]:
    """A web shared with this professional, while the share is active; otherwise 404 (not 403:
    a revoked or expired share reveals nothing, not even that the web exists)."""
    from veerkracht.accounts.models import Role

    if not (user.is_authenticated and user.has_role(Role.PROFESSIONAL)):
        raise Http404
    share = Share.objects.filter(pk=share_pk, professional=user).select_related("owner__profile").first()
    if share is None or not share.is_active:
        raise Http404
    web = Assessment.objects.filter(pk=web_pk, owner_id=share.owner_id).select_related("instrument").first()
    if web is None or not share.covers(web):
        raise Http404
    return share, web
