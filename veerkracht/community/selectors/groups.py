"""Reads for closed groups: a member's groups, one group's posts, files, members and meetings. Callers
have checked membership first (permissions/groups.py); nothing here is public or searchable."""

from __future__ import annotations

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet
from django.utils import timezone

from veerkracht.agenda.selectors.events import upcoming_events_by_ids, upcoming_events_to_link

from ..models import Group, GroupFile, GroupKind, GroupMeeting, GroupPost, Membership


def groups_of(user) -> QuerySet[Group]:
    """The groups `user` is a member of, with their number of members."""
    if user is None or not user.is_authenticated:
        return Group.objects.none()
    return (
        Group.objects.filter(memberships__user=user)
        .annotate(member_count=Count("memberships"))
        .order_by("name", "pk")
    )


def in_group_cache_key(user_id: int) -> str:
    return f"community.in_group:{user_id}"


def is_member_of_any_group(user) -> bool:
    """For the navigation on every page: kept in the cache (no query per page); the group services
    forget it when someone joins or leaves."""
    if not (user and user.is_authenticated):
        return False
    key = in_group_cache_key(user.pk)
    known = cache.get(key)
    if known is None:
        known = Membership.objects.filter(user=user).exists()
        cache.set(key, known, timeout=3600)
    return bool(known)


def posts_page(group: Group, number, *, moderator: bool = False, per_page: int = 20) -> Page:
    posts = group.posts.select_related("author__profile")
    if not moderator:
        posts = posts.filter(hidden_at__isnull=True)
    return Paginator(posts.order_by("-created_at", "-pk"), per_page).get_page(number)


def files_of(group: Group, *, limit: int = 50) -> list[GroupFile]:
    return list(group.files.select_related("uploaded_by__profile").order_by("-created_at", "-pk")[:limit])


def members_of(group: Group) -> list[Membership]:
    return list(group.memberships.select_related("user__profile").order_by("-is_admin", "joined_at", "pk"))


def meetings_of(group: Group) -> list:
    """The group's upcoming agenda events, soonest first (read through the agenda's selectors)."""
    ids = list(GroupMeeting.objects.filter(group=group).values_list("event_id", flat=True))
    return upcoming_events_by_ids(ids)


def events_to_link(group: Group) -> list:
    linked = set(GroupMeeting.objects.filter(group=group).values_list("event_id", flat=True))
    return [event for event in upcoming_events_to_link(group.region) if event.pk not in linked]


def posts_by(user) -> QuerySet[GroupPost]:
    return GroupPost.objects.filter(author=user).select_related("group").order_by("created_at", "pk")


def files_by(user) -> QuerySet[GroupFile]:
    return GroupFile.objects.filter(uploaded_by=user).select_related("group").order_by("created_at", "pk")


def memberships_of(user) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).select_related("group").order_by("joined_at", "pk")


def group_for_invitation(pk: int) -> Group | None:
    """The group an invitation link names (the caller checks the token)."""
    return Group.objects.filter(pk=pk).first()


def ambassadors_group(region) -> Group | None:
    """The region's closed group of ambassadors (kind AMBASSADORS), the oldest if there are several."""
    return Group.objects.filter(region=region, kind=GroupKind.AMBASSADORS).order_by("pk").first()


def joined_on(group: Group | None, user_ids) -> dict[int, object]:
    """{user id: the date they joined `group`} for those of `user_ids` who are members."""
    if group is None:
        return {}
    rows = Membership.objects.filter(group=group, user_id__in=list(user_ids)).values_list(
        "user_id", "joined_at"
    )
    return {user_id: timezone.localdate(joined_at) for user_id, joined_at in rows}
