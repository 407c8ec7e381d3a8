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


class UserIdMixin:
    """For a database-backed SessionStore: the sessions go to accounts.UserSession, with the id."""

    @classmethod
    def get_model_class(cls):
        from veerkracht.accounts.models import UserSession

        return UserSession

    def create_model_instance(self, data):
        session = super().create_model_instance(data)
        session.user_id = user_id_of(data)
        return session
