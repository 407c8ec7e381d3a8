"""Retention: how long data is kept, written down once and applied by one command.

Each app declares, in its own ``retention.py``, its rules with ``register(Rule(...))``: what is kept
(in plain Dutch, for the privacy statement), for how long after which moment, and a function that
removes what has passed that moment. ``manage.py retention_apply`` runs every rule (daily; see the
README), and the privacy statement lists the rules from this registry, so the statement and what the
code does cannot drift apart.

A rule's ``apply(now)`` returns how many rows (or files) it removed. Every rule runs in its own
transaction: a rule that fails leaves its data whole and the other rules still run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _lazy

from .extensions import Registry


@dataclass(frozen=True)
class Rule:
    key: str  # "<app>.<what>", also the audit-log and command-output name
    what: str | Promise  # what is removed, in plain Dutch ("Vragen aan het actiecentrum die …")
    period: str | Promise  # how long it is kept, in plain Dutch ("1 jaar na het afsluiten")
    keep: timedelta  # the same period, for the code
    apply: Callable[[datetime], int]  # removes what is older than now - keep; returns how many
    order: int = 100  # the order in the privacy statement


_rules: Registry[Rule] = Registry("retention", "retention rules")
_registered = _rules.items
register = _rules.register


def rules() -> list[Rule]:
    """Every app's rules, in the order of the privacy statement."""
    return _rules.all()


@dataclass
class Outcome:
    key: str
    removed: int = 0
    error: str = ""


def apply_all(now: datetime) -> list[Outcome]:
    """Apply every rule at `now`, each in its own transaction; a failure is reported, not raised."""
    from .audit import log_action

    outcomes = []
    for rule in rules():
        outcome = Outcome(rule.key)
        try:
            with transaction.atomic():
                outcome.removed = rule.apply(now)
        except Exception as exc:  # one broken rule must not stop the others
            outcome.error = f"{type(exc).__name__}: {exc}"
        outcomes.append(outcome)
    log_action(
        "core.retention.applied",
        data={o.key: (o.error or o.removed) for o in outcomes},
    )
    return outcomes


# --- The core's own rule ------------------------------------------------------------------------

LOG_KEEP = timedelta(days=2 * 365)


def _old_log_lines(now: datetime) -> int:
    from .models import AuditLogEntry

    deleted, _by_model = AuditLogEntry.objects.filter(created_at__lt=now - LOG_KEEP).delete()
    return deleted


SENT_MAIL_KEEP = timedelta(days=30)
FAILED_MAIL_KEEP = timedelta(days=90)


def _old_mails(now: datetime) -> int:
    from .models import OutgoingMail

    sent = OutgoingMail.objects.filter(status=OutgoingMail.Status.SENT, created_at__lt=now - SENT_MAIL_KEEP)
    failed = OutgoingMail.objects.filter(
        status=OutgoingMail.Status.FAILED, created_at__lt=now - FAILED_MAIL_KEEP
    )
    return sent.delete()[0] + failed.delete()[0]


register(
    Rule(
        key="core.mail",
        what=_lazy(
            "Dat we je een e-mail stuurden (aan welk adres en wanneer). De tekst wissen we zodra de e-mail "
            "is verstuurd; een e-mail die niet verstuurd kon worden, houden we met tekst"
        ),
        period=_lazy("30 dagen; een e-mail die niet verstuurd kon worden 90 dagen"),
        keep=FAILED_MAIL_KEEP,
        apply=_old_mails,
        order=85,
    )
)
register(
    Rule(
        key="core.log",
        what=_lazy("Het logboek: wie wat deed op de website en wie jouw gegevens bekeek"),
        period=_lazy("2 jaar later"),
        keep=LOG_KEEP,
        apply=_old_log_lines,
        order=90,
    )
)


def _expired_rate_counters(now: datetime) -> int:
    from .ratelimit import counters_expired_delete

    return counters_expired_delete(now)


register(
    Rule(
        key="core.rate_limits",
        what=_lazy(
            "Hoe vaak iets kort na elkaar werd gedaan vanaf één adres of account (om misbruik te "
            "remmen); alleen als versleutelde code, nooit het adres zelf"
        ),
        period=_lazy("tot het einde van de periode die telt, hoogstens 1 dag"),
        keep=timedelta(0),
        apply=_expired_rate_counters,
        order=95,
    )
)


def _old_submission_keys(now: datetime) -> int:
    from .submissions import keys_expired_delete

    return keys_expired_delete(now)


register(
    Rule(
        key="core.submission_keys",
        what=_lazy(
            "Dat een formulier al was verstuurd (zodat het niet twee keer wordt bewaard als je het "
            "opnieuw verstuurt); alleen een versleutelde code"
        ),
        period=_lazy("1 dag"),
        keep=timedelta(days=1),
        apply=_old_submission_keys,
        order=96,
    )
)
