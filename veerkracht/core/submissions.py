"""One-time submission keys for the forms that create something (an intake, a spider web, a
registration, a story).

The form carries a random key (``{% submission_key %}``, a hidden field). When the connection drops
after we stored what was sent, the browser shows an error and the person sends the form again, with the
same key: ``once()`` then gives the result of the first time (where to go next) instead of creating a
second copy. The key is claimed inside the same transaction as the creation, so a creation that fails
leaves the key free for a retry, and two copies sent at the same moment wait for each other (the second
gets the first one's result).
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction

FIELD = "submission_key"
KEEP = timedelta(days=1)
_VALID = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


def new_key() -> str:
    return secrets.token_urlsafe(18)


def _digest(scope: str, key: str) -> str:
    return hashlib.sha256(f"{scope}:{key}".encode()).hexdigest()


def once(request, scope: str, create: Callable[[], str]) -> str:
    """Run ``create`` (which saves something and returns a short, non-empty result, e.g. the address to
    go to) once per submission key; a repeat returns the stored result. Without a valid key (an old form, a
    client that sends none) it simply runs ``create``."""
    from .models import SubmissionKey

    key = str(request.POST.get(FIELD, ""))
    if not _VALID.match(key):
        return create()
    digest = _digest(scope, key)
    with transaction.atomic():
        try:
            with transaction.atomic():
                SubmissionKey.objects.create(key=digest, scope=scope)
        except IntegrityError:  # sent before (and stored: a failed first attempt leaves no key)
            return SubmissionKey.objects.filter(key=digest).values_list("result", flat=True).first() or ""
        result = create()
        SubmissionKey.objects.filter(key=digest).update(result=result[:500])
        return result


def keys_expired_delete(now: datetime) -> int:
    from .models import SubmissionKey

    return SubmissionKey.objects.filter(created_at__lt=now - KEEP).delete()[0]
