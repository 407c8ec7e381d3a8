"""Secrets for private links: shown once (in an e-mail or on screen), stored only as a hash."""

from __future__ import annotations

import hashlib
import secrets


def new_token() -> str:
    return secrets.token_urlsafe(24)


def hash_token(token: str) -> str:
    return hashlib.sha256(f"veerkracht-actioncentre:{token}".encode()).hexdigest()
