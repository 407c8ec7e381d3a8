"""Sessions in the database, with the id of the person logged in (see ``__init__``)."""

from __future__ import annotations

from django.contrib.sessions.backends import db

from . import UserIdMixin


class SessionStore(UserIdMixin, db.SessionStore):
    pass
