"""How long the accounts app keeps what: sign-ups that were never confirmed, and ended sessions."""

from __future__ import annotations

from datetime import datetime, timedelta
from importlib import import_module

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from veerkracht.core.retention import Rule, register

from .models import User

UNCONFIRMED_KEEP = timedelta(days=7)


def _unconfirmed_signups(now: datetime) -> int:
    """Sign-ups whose e-mail address was never confirmed and that never logged in. Accounts made by
    an administrator without an address row (demo, back office) are not sign-ups and stay."""
    from .services import account_delete

    verified = EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)
    unverified = EmailAddress.objects.filter(user=OuterRef("pk"), verified=False)
    stale = User.objects.filter(
        Exists(unverified),
        ~Exists(verified),
        last_login__isnull=True,
        date_joined__lt=now - UNCONFIRMED_KEEP,
        is_staff=False,
        is_superuser=False,
    )
    count = 0
    for user in stale.iterator(chunk_size=500):
        account_delete(user=user)
        count += 1
    return count


def _ended_sessions(now: datetime) -> int:
    """Sessions past their end (SESSION_COOKIE_AGE after the last visit). A session may hold a login
    or sign-up code, a spider-web draft or a message."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    if not hasattr(store, "get_model_class"):
        return 0  # sessions in a cache expire by themselves
    deleted, _by_model = store.get_model_class().objects.filter(expire_date__lt=now).delete()
    return deleted


register(
    Rule(
        key="accounts.unconfirmed_signups",
        what=_("Een account waarvan het e-mailadres nooit is bevestigd"),
        period=_("7 dagen na het aanmelden"),
        keep=UNCONFIRMED_KEEP,
        apply=_unconfirmed_signups,
        order=10,
    )
)
register(
    Rule(
        key="accounts.sessions",
        what=_("Dat je bent ingelogd, en inlogcodes die we je stuurden"),
        period=_("14 dagen na je laatste bezoek (een code werkt maar 15 minuten)"),
        keep=timedelta(seconds=settings.SESSION_COOKIE_AGE),
        apply=_ended_sessions,
        order=11,
    )
)
