"""Writes for the policy register: one save that keeps the history.

Every save that changes something writes the new state twice, in one transaction: on the
municipality's entry (what the register shows) and as a PolicyVersion (the history), plus an audit log
line. A save that changes nothing writes nothing, so the history only holds real changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from veerkracht.core.audit import log_action
from veerkracht.regions.models import Municipality

from .models import FIELDS, MunicipalityPolicy, PolicyLevel, PolicyVersion, SocialTheme
from .permissions import can_edit_policy

FIRST_YEAR = 1990  # Positive Health dates from 2011; earlier years are typing errors


@transaction.atomic
def policy_save(
    *,
    municipality: Municipality,
    user,
    in_policy: bool | None,
    since_year: int | None,
    document_title: str,
    document_url: str,
    levels: Iterable[str],
    themes: Iterable[str],
    notes: str,
) -> MunicipalityPolicy:
    """Save a municipality's entry and, when something changed, a version of it.

    ``user`` is the person making the change and must be allowed to (``can_edit_policy``); ``None``
    means the system itself (a data import or the demo data). When nothing changed, nothing is written
    and the current entry is returned (an unsaved, empty one if the municipality has none yet).
    """
    if user is not None and not can_edit_policy(user, municipality):
        raise PermissionDenied
    state = _clean_state(in_policy, since_year, document_title, document_url, levels, themes, notes)
    # Lock the municipality: two people saving at once get two versions in a row, not a lost update.
    Municipality.objects.select_for_update().filter(pk=municipality.pk).first()
    policy = MunicipalityPolicy.objects.filter(municipality=municipality).first()
    before = (policy or MunicipalityPolicy(municipality=municipality)).state()
    changed = [field for field in FIELDS if state[field] != before[field]]
    if not changed:
        return policy or MunicipalityPolicy(municipality=municipality)

    now = timezone.now()
    actor = user if getattr(user, "is_authenticated", False) else None
    policy = policy or MunicipalityPolicy(municipality=municipality)
    for field, value in state.items():
        setattr(policy, field, value)
    policy.updated_by, policy.updated_at = actor, now
    policy.full_clean()
    policy.save()
    version = PolicyVersion(policy=policy, data=state, changed_by=actor, changed_at=now)
    version.full_clean()
    version.save()
    log_action(
        "monitor.policy.changed",  # the code since the register began (in the monitor): one history
        actor=actor,
        subject=policy,
        data={"municipality": municipality.code, "changed": changed, "version": version.pk},
    )
    return policy


def _clean_state(
    in_policy, since_year, document_title, document_url, levels, themes, notes
) -> dict[str, Any]:
    """The new state (policy_save's arguments), normalised; or a ValidationError with a plain message
    per field."""
    errors: dict[str, str] = {}
    if not (in_policy is None or isinstance(in_policy, bool)):
        errors["in_policy"] = _("Kies ja, nee of weet ik niet.")
    year = _clean_year(since_year, in_policy, errors)
    title = (document_title or "").strip()
    if len(title) > 200:
        errors["document_title"] = _("De naam van het beleidsstuk is te lang. Gebruik hoogstens 200 tekens.")
    url = (document_url or "").strip()
    if url:
        parts = urlsplit(url)
        if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
            errors["document_url"] = _("Een link moet beginnen met https:// of http://.")
        elif len(url) > 500:
            errors["document_url"] = _("Deze link is te lang. Een link mag hoogstens 500 tekens hebben.")
    text = (notes or "").strip()
    if len(text) > 1000:
        errors["notes"] = _("De toelichting is te lang. Gebruik hoogstens 1000 tekens.")
    level_keys = _clean_keys(levels, PolicyLevel, "levels", _("Kies niveaus uit de lijst."), errors)
    theme_keys = _clean_keys(themes, SocialTheme, "themes", _("Kies thema's uit de lijst."), errors)
    if errors:
        raise ValidationError(errors)
    return {
        "in_policy": in_policy,
        "since_year": year,
        "document_title": title,
        "document_url": url,
        "levels": level_keys,
        "themes": theme_keys,
        "notes": text,
    }


def _clean_year(since_year, in_policy, errors: dict[str, str]) -> int | None:
    if since_year in (None, ""):
        return None
    this_year = timezone.localdate().year
    if isinstance(since_year, bool) or not isinstance(since_year, int):
        errors["since_year"] = _("Vul een jaartal in, bijvoorbeeld 2019.")
    elif not FIRST_YEAR <= since_year <= this_year:
        errors["since_year"] = _("Vul een jaartal in van %(first)d tot en met %(last)d.") % {
            "first": FIRST_YEAR,
            "last": this_year,
        }
    elif in_policy is not True:
        errors["since_year"] = _(
            "Vul alleen een jaartal in als Positieve Gezondheid in het beleid staat (antwoord ja)."
        )
    else:
        return since_year
    return None


def _clean_keys(values: Iterable[str], choices, field: str, message: str, errors: dict) -> list[str]:
    """Known keys in the vocabulary's order, each once."""
    given = {str(v) for v in (values or [])}
    if given - set(choices.values):
        errors[field] = message
        return []
    return [key for key in choices.values if key in given]
