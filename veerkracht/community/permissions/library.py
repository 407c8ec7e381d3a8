"""Who may see and write what in the knowledge library.

Everyone sees public items. Staff see and edit every item. A partner organisation's admin (a Membership
with the admin role) may add items for that organisation, and sees and edits its items, also while
they wait for approval or were turned down.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from veerkracht.accounts.models import MembershipRole, Organisation
from veerkracht.accounts.selectors import memberships_of
from veerkracht.regions.models import Region

from ..models import LibraryItem, LibraryReview
from ..services.moderation import is_moderator


def contributor_organisations(user, region: Region) -> list[Organisation]:
    """The organisations of the region for which this person may add library items (admins only)."""
    if not (user is not None and user.is_authenticated):
        return []
    return [
        m.organisation
        for m in memberships_of(user).filter(role=MembershipRole.ADMIN, organisation__region=region)
    ]


def can_contribute(user, region: Region) -> bool:
    return is_moderator(user) or bool(contributor_organisations(user, region))


def may_edit_item(user, item: LibraryItem) -> bool:
    if is_moderator(user):
        return True
    return item.organisation_id in {o.pk for o in contributor_organisations(user, item.region)}


def library_items_for_user(user, region: Region, *, write: bool = False) -> QuerySet[LibraryItem]:
    items = LibraryItem.objects.filter(region=region)
    if is_moderator(user):
        return items
    own = [o.pk for o in contributor_organisations(user, region)]
    if write:
        return items.filter(organisation_id__in=own)
    public = Q(review=LibraryReview.PUBLIC, hidden_at__isnull=True)
    return items.filter(public | Q(organisation_id__in=own)) if own else items.filter(public)


def get_library_item_for_user(user, pk: int, region: Region, *, write: bool = False) -> LibraryItem:
    return get_object_or_404(
        library_items_for_user(user, region, write=write).select_related("organisation", "region"), pk=pk
    )
