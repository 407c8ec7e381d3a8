"""Sessions read from the cache and written through to the database, with the id of the person logged
in (see ``__init__``)."""

from __future__ import annotations

from django.contrib.sessions.backends import cached_db

from . import UserIdMixin


class SessionStore(UserIdMixin, cached_db.SessionStore):
    cache_key_prefix = "veerkracht.accounts.sessions.cached_db"
