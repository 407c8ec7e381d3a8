"""A group's invitation link without a stored secret: an HMAC (keyed by SECRET_KEY) over the group's id
and its invite version. A new version ends the old link; a forged or old link simply does not match."""

from __future__ import annotations

from django.utils.crypto import constant_time_compare, salted_hmac

SALT = "veerkracht.community.groups"


def group_invite_token(group) -> str:
    value = f"invite:{group.pk}:{group.invite_version}"
    return salted_hmac(SALT, value, algorithm="sha256").hexdigest()[:32]


def group_invite_token_matches(group, token: str) -> bool:
    return constant_time_compare(group_invite_token(group), token or "")
