"""Who may see and change which story (lookup helpers that return the object or 404).

- Everyone sees published stories that are not hidden.
- The author sees their own story in every state (with the moderator's reason when it was declined or
  hidden) and may change it until it is published.
- Moderators (action-centre staff) see and change every story of the region.
"""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from ..models import Story, StoryPhoto, StoryStatus
from ..services.moderation import is_moderator


def _stories(region):
    return Story.objects.filter(region=region).select_related(
        "author__profile", "municipality__subregion", "initiative", "event", "hidden_by"
    )


def get_story_for_user(user, pk: int, region, *, write: bool = False) -> Story:
    stories = _stories(region)
    if is_moderator(user):
        return get_object_or_404(stories, pk=pk)
    own = Q(author=user) if user.is_authenticated else Q(pk__in=[])
    if write:
        return get_object_or_404(stories.filter(own).exclude(status=StoryStatus.PUBLISHED), pk=pk)
    public = Q(status=StoryStatus.PUBLISHED, hidden_at__isnull=True)
    return get_object_or_404(stories.filter(public | own), pk=pk)


def get_waiting_photo_for_user(user, story_pk: int, photo_pk: int, region) -> StoryPhoto:
    """A photo that waits for approval: only for its author and moderators."""
    story = get_story_for_user(user, story_pk, region)
    if not (is_moderator(user) or story.author_id == user.pk):
        raise Http404
    return get_object_or_404(StoryPhoto.objects.filter(story=story).exclude(pending_photo=""), pk=photo_pk)


def get_story_to_moderate(user, pk: int, region) -> Story:
    if not is_moderator(user):
        raise Http404
    return get_object_or_404(_stories(region).filter(status=StoryStatus.WAITING), pk=pk)
