"""Private links without stored secrets: an HMAC (keyed by SECRET_KEY) over an id and a per-row value.

- A registration's link (change or cancel, accept a waiting-list offer, the evaluation, the QR code at
  the door) is ``<id>-<hmac(id, nonce, purpose)>``; a new nonce ends all of them.
- A closed event's registration link is ``<hmac(id, invite_version)>``; a new version ends the old link.

The links can be rebuilt for every mail (no secret kept in the database), and a forged or old link
simply does not match.
"""

from __future__ import annotations

from django.utils.crypto import constant_time_compare, salted_hmac

SALT = "veerkracht.agenda"
MANAGE, CHECK_IN, EVALUATE = "manage", "check-in", "evaluate"


def _mac(*parts: object) -> str:
    return salted_hmac(SALT, ":".join(str(p) for p in parts), algorithm="sha256").hexdigest()[:32]


def registration_token(registration, purpose: str = MANAGE) -> str:
    return f"{registration.pk}-{_mac('registration', purpose, registration.pk, registration.nonce)}"


def registration_pk(token: str) -> int | None:
    """The id a token names (not yet checked: call `registration_token_matches` on the row)."""
    head, _sep, mac = (token or "").partition("-")
    return int(head) if head.isdigit() and len(head) < 12 and len(mac) == 32 else None


def registration_token_matches(registration, token: str, purpose: str = MANAGE) -> bool:
    return constant_time_compare(registration_token(registration, purpose), token or "")


def invite_token(event) -> str:
    return _mac("invite", event.pk, event.invite_version)


def invite_token_matches(event, token: str) -> bool:
    return constant_time_compare(invite_token(event), token or "")
