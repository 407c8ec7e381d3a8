"""Who may decide on, take back or look at texts and news that wait for approval.

Deciding is for action-centre staff; everyone else gets a 404. Taking back is for the author. A photo
that waits is shown only to the people who manage the initiative and to staff (404 for anyone else):
it has no public address at all (storage.py).
"""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from veerkracht.accounts.permissions import is_actioncentre_staff
from veerkracht.regions.models import Region

from ..models import Initiative, InitiativeRevision, InitiativeUpdate, Review, RevisionStatus


def get_revision_for_review(user, pk: int, region: Region | None) -> InitiativeRevision:
    revisions = InitiativeRevision.objects.none()
    if region is not None and user.is_authenticated and is_actioncentre_staff(user):
        revisions = InitiativeRevision.objects.filter(initiative__region=region)
    return get_object_or_404(revisions.select_related("initiative", "author__profile"), pk=pk)


def get_update_for_review(user, pk: int, region: Region | None) -> InitiativeUpdate:
    updates = InitiativeUpdate.objects.none()
    if region is not None and user.is_authenticated and is_actioncentre_staff(user):
        updates = InitiativeUpdate.objects.filter(initiative__region=region)
    return get_object_or_404(updates.select_related("initiative", "author__profile"), pk=pk)


def get_own_waiting_revision(user, initiative: Initiative) -> InitiativeRevision:
    """The waiting revision of an initiative this person manages, if they wrote it; otherwise 404."""
    revisions = initiative.revisions.filter(status=RevisionStatus.PENDING, author_id=user.pk)
    return get_object_or_404(revisions)


def get_own_waiting_update(user, initiative: Initiative, pk: int) -> InitiativeUpdate:
    updates = initiative.updates.filter(review=Review.PENDING, author_id=user.pk)
    return get_object_or_404(updates, pk=pk)


def get_waiting_photo(initiative: Initiative, pk: int) -> InitiativeUpdate:
    """News of an initiative this person manages (check the initiative first) with a photo that waits."""
    update = get_object_or_404(initiative.updates.exclude(pending_photo=""), pk=pk)
    if not update.pending_photo:
        raise Http404
    return update
