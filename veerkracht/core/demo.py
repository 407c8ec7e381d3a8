"""Demo helpers shared by `setup_demo` and the development page /dev/mail/."""

from __future__ import annotations

import time


def demo_totp_codes() -> list[dict]:
    """Current two-step codes of the demo accounts, so a newcomer can try staff roles."""
    from allauth.mfa.adapter import get_adapter
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
    from django.conf import settings

    from veerkracht.accounts.demo import DEMO_DOMAIN

    period = getattr(settings, "MFA_TOTP_PERIOD", 30)
    counter = int(time.time()) // period
    seconds_left = period - int(time.time()) % period
    rows = []
    authenticators = Authenticator.objects.filter(
        type=Authenticator.Type.TOTP, user__email__endswith=f"@{DEMO_DOMAIN}"
    ).select_related("user")
    for auth in authenticators.order_by("user__email"):
        secret = get_adapter().decrypt(auth.data["secret"])
        rows.append(
            {
                "email": auth.user.email,
                "code": format_hotp_value(hotp_value(secret, counter)),
                "seconds_left": seconds_left,
            }
        )
    return rows
