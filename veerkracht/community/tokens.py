"""Private links without stored secrets (the agenda's pattern, agenda/tokens.py): an HMAC keyed by
SECRET_KEY over a row's id, a per-row nonce and the link's purpose for a newsletter subscriber's links
(a new nonce ends them all), and over a group's id and invite version for its invitation link (a new
version ends the old link). A forged or altered link simply does not match."""

from __future__ import annotations

from django.utils.crypto import constant_time_compare, salted_hmac

SALT = "veerkracht.community"

# --- newsletter ---
CONFIRM, MANAGE, UNSUBSCRIBE = "confirm", "manage", "unsubscribe"


def _mac(*parts: object) -> str:
    return salted_hmac(SALT, ":".join(str(p) for p in parts), algorithm="sha256").hexdigest()[:32]


def subscriber_token(subscriber, purpose: str) -> str:
    return f"{subscriber.pk}-{_mac('subscriber', purpose, subscriber.pk, subscriber.nonce)}"


def subscriber_pk(token: str) -> int | None:
    """The id a token names (not yet checked: call `subscriber_token_matches` on the row)."""
    head, _sep, mac = (token or "").partition("-")
    return int(head) if head.isdigit() and len(head) < 12 and len(mac) == 32 else None


def subscriber_token_matches(subscriber, token: str, purpose: str) -> bool:
    return constant_time_compare(subscriber_token(subscriber, purpose), token or "")


# --- groups ---
GROUP_SALT = "veerkracht.community.groups"


def group_invite_token(group) -> str:
    value = f"invite:{group.pk}:{group.invite_version}"
    return salted_hmac(GROUP_SALT, value, algorithm="sha256").hexdigest()[:32]


def group_invite_token_matches(group, token: str) -> bool:
    return constant_time_compare(group_invite_token(group), token or "")
