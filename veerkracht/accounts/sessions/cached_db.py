"""Sessions read from the cache and written through to the database, with the id of the person logged
in (see ``__init__``)."""

from __future__ import annotations

from django.contrib.sessions.backends import cached_db

from . import user_id_of


class SessionStore(cached_db.SessionStore):
    cache_key_prefix = "veerkracht.accounts.sessions.cached_db"

    @classmethod
    def get_model_class(cls):
        from veerkracht.accounts.models import UserSession

        return UserSession

    def create_model_instance(self, data):
        session = super().create_model_instance(data)
        session.user_id = user_id_of(data)
        return session
