"""Activities are the ambassador's own: a page for people with an ambassador row (starting, active or
paused), a 404 for everyone else, and a 404 for someone else's activity."""

from __future__ import annotations

from django.http import Http404

from ..models import Activity, ActivitySource, Ambassador
from ..selectors.activities import activity_of, ambassador_of


def get_ambassador_for_user(user) -> Ambassador:
    ambassador = ambassador_of(user)
    if ambassador is None:
        raise Http404
    return ambassador


def get_activity_for_user(user, pk, *, write: bool = False) -> Activity:
    """One of the user's own activities; with ``write`` only the ones they logged themselves."""
    activity = activity_of(get_ambassador_for_user(user), pk)
    if activity is None or (write and activity.source != ActivitySource.LOGGED):
        raise Http404
    return activity
