"""Who reaches what of the newsletter: a subscription through its private link, drafts only for the
editors (staff moderators; anyone else gets a 404), the archive for everyone once an issue is sent."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from ..models import Issue, IssueItem, IssueStatus, Subscriber
from ..services.moderation import is_moderator
from ..tokens import subscriber_pk, subscriber_token_matches


def get_subscriber_for_token(token: str, purpose: str) -> Subscriber:
    """The subscription a genuine link names; 404 for a forged, altered or ended link."""
    pk = subscriber_pk(token)
    subscriber = Subscriber.objects.filter(pk=pk, ended_at__isnull=True).first() if pk else None
    if subscriber is None or not subscriber_token_matches(subscriber, token, purpose):
        raise Http404
    return subscriber


def issues_for_user(user, region):
    issues = Issue.objects.filter(region=region)
    if is_moderator(user):
        return issues
    return issues.filter(status__in=(IssueStatus.SENDING, IssueStatus.SENT))


def get_issue_for_user(user, pk: int, region, *, write: bool = False) -> Issue:
    """A sent issue for everyone; a draft, and any change, only for an editor."""
    if write and not is_moderator(user):
        raise Http404
    return get_object_or_404(issues_for_user(user, region).select_related("region"), pk=pk)


def get_item_for_user(user, pk: int, region) -> IssueItem:
    if not is_moderator(user):
        raise Http404
    return get_object_or_404(
        IssueItem.objects.select_related("issue"),
        pk=pk,
        issue__region=region,
        issue__status=IssueStatus.DRAFT,
    )


def require_editor(user) -> None:
    """The editor's pages are not there for anyone else (404, as elsewhere for what is not yours)."""
    if not is_moderator(user):
        raise Http404
