"""Personal data has an owner in every app: the extension point behind "download my data" and
"delete my account" (AVG articles 15, 17 and 20).

Each app declares, in its own ``personal_data.py``, which of its models hold data about a person, and
gives two functions for one person: ``export(user)`` (a JSON-ready dict of named sections) and
``erase(user)`` (delete or anonymise what it holds). Models that look personal but are not (an
organisation's name, a place name) are declared too, with the reason. The test suite walks every
model: one with a foreign key to the user, an e-mail field or a name field that no app has declared
fails, so a new app cannot forget its people.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.db import models, transaction

from .extensions import app_modules


@dataclass(frozen=True)
class PersonalData:
    app: str  # the app label that owns these models
    # Models that hold data about a person: "app_label.ModelName" (a third-party app's models may be
    # declared by the app that uses them, e.g. allauth's by accounts).
    models: tuple[str, ...]
    export: Callable[[object], Mapping[str, object]]
    erase: Callable[[object], None]
    # Models that look personal (a name or e-mail field) but are not, with the reason.
    not_personal: Mapping[str, str] = field(default_factory=dict)
    # Audit-log codes (prefixes) about a person's health: shown to that person only, never in the back
    # office (a "spider web viewed by a named GP" line reveals a care relationship).
    private_log_codes: tuple[str, ...] = ()


_registered: dict[str, PersonalData] = {}


def register(declaration: PersonalData) -> PersonalData:
    _registered[declaration.app] = declaration
    return declaration


def registered() -> list[PersonalData]:
    """Every declaration, in INSTALLED_APPS order."""
    order = [config.label for config in apps.get_app_configs()]
    return sorted(_registered.values(), key=lambda d: order.index(d.app) if d.app in order else len(order))


def declared_models() -> set[str]:
    """Every model some app declared, personal or not (lower-case "app_label.modelname")."""
    found = set()
    for declaration in _registered.values():
        found |= {label.lower() for label in declaration.models}
        found |= {label.lower() for label in declaration.not_personal}
    return found


def private_log_codes() -> tuple[str, ...]:
    """Every app's private audit-log code prefixes."""
    return tuple(code for declaration in _registered.values() for code in declaration.private_log_codes)


def export_all(user) -> dict:
    """Everything every app holds about this person, one section per kind of data."""
    result: dict[str, object] = {}
    for declaration in registered():
        for section, data in declaration.export(user).items():
            if section in result:
                raise ValueError(f"two apps export a section called {section!r}")
            result[section] = data
    return result


@transaction.atomic
def erase_all(user) -> None:
    """Let every app erase what it holds about this person, the domain apps first and accounts last
    (the account itself is deleted by accounts.services.account_delete after this)."""
    for declaration in reversed(registered()):
        declaration.erase(user)


def looks_personal(model: type[models.Model]) -> bool:
    """A foreign key to the user, an e-mail field, or a field named like a name."""
    for item in model._meta.get_fields():
        if not getattr(item, "concrete", False):
            continue
        related = getattr(item, "related_model", None)
        if related is not None and related._meta.label == settings.AUTH_USER_MODEL:
            return True
        if isinstance(item, models.EmailField) or item.name.endswith("name"):
            return True
    return False


def undeclared_models(candidates: Iterable[type[models.Model]] | None = None) -> list[str]:
    """Models that look personal and that no app has declared (the test wants none)."""
    declared = declared_models()
    candidates = apps.get_models() if candidates is None else candidates
    return sorted(
        model._meta.label
        for model in candidates
        if looks_personal(model) and model._meta.label_lower not in declared
    )


def autodiscover() -> None:
    app_modules("personal_data")


# --- The core app's own: the audit and access log -------------------------------------------------


def _audit_export(user) -> dict:
    from .models import AuditLogEntry

    entries = AuditLogEntry.objects.filter(models.Q(person=user) | models.Q(actor=user)).order_by(
        "created_at", "pk"
    )
    return {
        "log": [
            {
                "when": entry.created_at.isoformat(),
                "what": entry.code,
                "by_you": entry.actor_id == user.pk,
                "about_you": entry.person_id == user.pk,
            }
            for entry in entries
        ]
    }


def _audit_erase(user) -> None:
    from .models import AuditLogEntry

    # What happened to this person goes with them; what they did to others stays, without their name.
    AuditLogEntry.objects.filter(person=user).delete()
    AuditLogEntry.objects.filter(actor=user).update(actor=None)


register(PersonalData(app="core", models=("core.AuditLogEntry",), export=_audit_export, erase=_audit_erase))
