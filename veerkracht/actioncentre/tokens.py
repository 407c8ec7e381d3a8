"""Secrets for private links: shown once (in an e-mail or on screen), stored only as a hash."""

from __future__ import annotations

import hashlib
import secrets

from django.core import signing

# Unsubscribe links in update e-mails: see services/initiatives.py for why the token is derived.
UNSUBSCRIBE_SALT = "veerkracht.actioncentre.initiatives.unsubscribe"


def new_token() -> str:
    return secrets.token_urlsafe(24)


def hash_token(token: str) -> str:
    return hashlib.sha256(f"veerkracht-actioncentre:{token}".encode()).hexdigest()


def unsubscribe_token(follow) -> str:
    """The (rebuildable) token of a follow's unsubscribe link: an HMAC signature over its id."""
    return signing.dumps({"f": follow.pk}, salt=UNSUBSCRIBE_SALT)


def unsubscribe_token_follow_pk(token: str) -> int | None:
    """The follow id a genuine unsubscribe token was made for; None for an altered or unknown one."""
    try:
        payload = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return payload.get("f") if isinstance(payload, dict) else None
