"""Session engines that keep the id of the person logged in beside the session (``UserSession``):
``veerkracht.accounts.sessions.db`` (the default) and ``veerkracht.accounts.sessions.cached_db`` (with
Redis: read from the cache, written through to the database)."""

from __future__ import annotations

from django.contrib.auth import SESSION_KEY


def user_id_of(data: dict) -> int | None:
    try:
        return int(data.get(SESSION_KEY))
    except (TypeError, ValueError):
        return None
