"""Who may hide, restore and report what (lookup helpers that return the object or 404)."""

from __future__ import annotations

from django.http import Http404

from ..selectors.moderation import moderated_object, open_report
from ..services.moderation import is_moderator


def require_moderator(user) -> None:
    if not is_moderator(user):
        raise Http404


def get_moderated_for_user(user, content_type_id: int, pk: int):
    """Any community content, for a moderator; a 404 for everyone else and for what does not exist."""
    require_moderator(user)
    obj = moderated_object(content_type_id, pk)
    if obj is None:
        raise Http404
    return obj


def get_reportable(content_type_id: int, pk: int):
    """Content a reader may report: it exists, is community content and is public (not hidden)."""
    obj = moderated_object(content_type_id, pk)
    if obj is None or obj.is_hidden or not getattr(obj, "is_public", True):
        raise Http404
    return obj


def get_report_for_user(user, pk: int):
    require_moderator(user)
    report = open_report(pk)
    if report is None:
        raise Http404
    return report
