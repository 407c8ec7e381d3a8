"""Personal data has an owner in every app: the extension point behind "download my data" and
"delete my account" (AVG articles 15, 17 and 20).

Each app declares, in its own ``personal_data.py``, which of its models hold data about a person, and
gives two functions for one person: ``export(user)`` (a JSON-ready dict of named sections) and
``erase(user)`` (delete or anonymise what it holds), and optionally a third, ``summary(user)``: plain
Dutch lines for the deletion page, each saying what will be deleted or what stays without the person's
name. Models that look personal but are not (an organisation's name, a place name) are declared too,
with the reason. The test suite walks every model: one with a foreign key to the user, an e-mail field
or a name field that no app has declared fails, so a new app cannot forget its people.

Erasing is all or nothing: ``erase_all`` runs every app's ``erase`` in one transaction, and files an
app removes from storage go only after the commit (``delete_files_on_commit``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import quote, quote_plus

from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.utils.translation import gettext as _

from .extensions import app_modules

# What a kept text says where a person's name or e-mail address was.
REMOVED = "[verwijderd]"

DELETED = "deleted"
KEPT = "kept"


@dataclass(frozen=True)
class Line:
    """One line on the deletion page, in plain Dutch: something that will be deleted (DELETED) or
    something that stays, without the person's name (KEPT)."""

    kind: str
    text: str


@dataclass(frozen=True)
class Summary:
    deleted: list[str]
    kept: list[str]


# Words that are part of many Dutch surnames but also ordinary words: never scrubbed on their own.
_NAME_PARTICLES = frozenset(
    {"van", "de", "der", "den", "het", "ten", "ter", "te", "op", "in", "aan", "bij"}
    | {"la", "le", "du", "da", "di", "von", "zu", "vd", "v.d."}
)


@dataclass(frozen=True)
class Identity:
    """The names and e-mail addresses by which a person can be recognised in a text that stays."""

    names: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()

    def with_names(self, names: Iterable[str]) -> Identity:
        return Identity(names=(*self.names, *names), emails=self.emails)

    def _terms(self) -> list[str]:
        terms = {e.strip() for e in self.emails if e.strip()}
        terms |= {quote_plus(e) for e in list(terms)} | {quote(e) for e in list(terms)}
        for name in {n.strip() for n in self.names if n.strip()}:
            terms.add(name)
            # Each part of a full name too ("Jan" of "Jan Jansen"), but not "van" or "de".
            terms |= {p for p in name.split() if len(p) >= 3 and p.lower() not in _NAME_PARTICLES}
        return sorted(terms, key=len, reverse=True)  # the full name before its parts

    def scrub(self, text: str) -> str:
        """`text` with every whole-word occurrence of a name or e-mail address replaced by REMOVED."""
        terms = self._terms()
        if not text or not terms:
            return text
        pattern = "|".join(re.escape(term) for term in terms)
        return re.sub(rf"(?<!\w)(?:{pattern})(?!\w)", REMOVED, text, flags=re.IGNORECASE)

    def scrub_data(self, data):
        """The same for JSON-ready data (every string in it)."""
        return json.loads(self.scrub(json.dumps(data, ensure_ascii=False)))


def _is_free_text(item: models.Field) -> bool:
    if isinstance(item, models.JSONField):
        return True
    return isinstance(item, (models.CharField, models.TextField)) and not (
        item.choices or isinstance(item, models.SlugField) or item.name.endswith("_hash")
    )


def _scrubbed(item: models.Field, value, identity: Identity):
    if value in (None, ""):
        return value
    if isinstance(item, models.JSONField):
        return identity.scrub_data(value)
    if isinstance(item, models.EmailField):
        return "" if value.lower() in {e.lower() for e in identity.emails} else value
    return identity.scrub(value)


def scrub_rows(queryset: models.QuerySet, identity: Identity, *, skip: Iterable[str] = ()) -> int:
    """In rows that stay after a person's account is gone: replace their names and e-mail addresses
    in every free-text field (not slugs, choices, hashes or `skip`) and empty an e-mail field that holds
    one of their addresses. Returns how many rows changed."""
    model = queryset.model
    fields = [f for f in model._meta.concrete_fields if _is_free_text(f) and f.name not in set(skip)]
    changed = 0
    for row in queryset.only("pk", *(f.name for f in fields)) if fields else ():
        changes = {}
        for item in fields:
            value = getattr(row, item.attname)
            new = _scrubbed(item, value, identity)
            if new != value:
                changes[item.attname] = new
        if changes:
            model._default_manager.filter(pk=row.pk).update(**changes)
            changed += 1
    return changed


def delete_files_on_commit(queryset: models.QuerySet) -> None:
    """Call before deleting these rows: their files (every file field) are removed from storage once
    the transaction commits, never when it rolls back (a failed deletion leaves no row without its file)."""
    files = []
    for item in queryset.model._meta.concrete_fields:
        if isinstance(item, models.FileField):
            names = queryset.exclude(**{item.attname: ""}).values_list(item.attname, flat=True)
            files += [(item.storage, name) for name in names if name]

    def delete() -> None:
        for storage, name in files:
            storage.delete(name)

    if files:
        transaction.on_commit(delete, robust=True)


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
    # Plain-Dutch lines for the deletion page: what of this app goes, and what stays without a name.
    summary: Callable[[object], Iterable[Line]] | None = None


_registered: dict[str, PersonalData] = {}


def register(declaration: PersonalData) -> PersonalData:
    _registered[declaration.app] = declaration
    return declaration


@dataclass(frozen=True)
class Part:
    """What one feature of a multi-feature app holds about a person; ``register_parts`` makes the app's
    one declaration from them. Parts erase in reverse order (a feature that refers to another erases
    before it)."""

    models: tuple[str, ...]
    export: Callable[[object], Mapping[str, object]]
    erase: Callable[[object], None]
    summary: Callable[[object], Iterable[Line]]
    not_personal: Mapping[str, str] = field(default_factory=dict)
    order: int = 50


def register_parts(app: str, parts: list[Part]) -> PersonalData:
    """One declaration for `app` from its features' parts (exported and summed up in order)."""
    parts = sorted(parts, key=lambda part: part.order)

    def export(user) -> dict:
        result: dict = {}
        for part in parts:
            result.update(part.export(user))
        return result

    def erase(user) -> None:
        for part in reversed(parts):
            part.erase(user)

    def summary(user) -> list[Line]:
        return [line for part in parts for line in part.summary(user)]

    return register(
        PersonalData(
            app=app,
            models=tuple(label for part in parts for label in part.models),
            export=export,
            erase=erase,
            summary=summary,
            not_personal={label: why for part in parts for label, why in part.not_personal.items()},
        )
    )


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


def summary_all(user) -> Summary:
    """What deleting this person's account deletes and what stays without their name, app by app."""
    summary = Summary(deleted=[], kept=[])
    # The account first, the log about it last; the apps in between in INSTALLED_APPS order.
    for declaration in sorted(registered(), key=lambda d: {"accounts": 0, "core": 2}.get(d.app, 1)):
        for line in declaration.summary(user) if declaration.summary else ():
            (summary.kept if line.kind == KEPT else summary.deleted).append(line.text)
    return summary


@transaction.atomic
def erase_all(user) -> None:
    """Let every app erase what it holds about this person, the domain apps first and accounts last
    (the account itself is deleted by accounts.services.account_delete after this). One transaction:
    if one app fails, nothing is erased."""
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
    # A line's data may hold their address, e.g. a back-office search for it.
    identity = Identity(names=(user.display_name,), emails=(user.email,))
    mentioning = models.Q()
    for term in (user.email, quote_plus(user.email)):
        mentioning |= models.Q(data__icontains=term)
    for entry in AuditLogEntry.objects.filter(mentioning).only("pk", "data"):
        AuditLogEntry.objects.filter(pk=entry.pk).update(data=identity.scrub_data(entry.data))


def _audit_summary(user) -> list[Line]:
    from .models import AuditLogEntry

    lines = [
        Line(DELETED, _("Het logboek over jou: wie je gegevens bekeek en wat er met je account gebeurde."))
    ]
    if AuditLogEntry.objects.filter(actor=user).exclude(person=user).exists():
        lines.append(
            Line(KEPT, _("Wat je deed op de website, blijft in het logboek. Je naam staat er niet meer bij."))
        )
    return lines


# --- ... and the mails on their way (core/mail.py) ---------------------------------------------------


def _addresses(user) -> set[str]:
    found = {user.email.lower()} if user.email else set()
    emails = getattr(user, "emailaddress_set", None)  # allauth's addresses, when installed
    if emails is not None:
        found |= {e.lower() for e in emails.values_list("email", flat=True)}
    return found


def _mails_to_addresses(addresses) -> models.QuerySet:
    from .models import OutgoingMail

    query = models.Q(pk__in=[])
    for address in addresses:
        query |= models.Q(to__iexact=address)
    return OutgoingMail.objects.filter(query)


def _mails_to(user) -> models.QuerySet:
    return _mails_to_addresses(_addresses(user))


def mail_forget(identity: Identity) -> None:
    """Mails to these addresses go (also those that could not be sent); a mail to someone else that is
    still on its way keeps its text without their name or address (e.g. an introduction). Called by
    accounts' erase while the account still has all its addresses, and again by the core's own."""
    from .models import OutgoingMail

    _mails_to_addresses({e.lower() for e in identity.emails}).delete()
    scrub_rows(OutgoingMail.objects.exclude(status=OutgoingMail.Status.SENT), identity)


def _core_export(user) -> dict:
    mails = _mails_to(user).order_by("created_at", "pk")
    return _audit_export(user) | {
        "mail": [
            {"created": m.created_at.isoformat(), "status": m.status, "subject": m.subject, "text": m.body}
            for m in mails
        ]
    }


def _core_erase(user) -> None:
    _audit_erase(user)
    mail_forget(Identity(names=(user.display_name,), emails=tuple(_addresses(user))))


def _core_summary(user) -> list[Line]:
    lines = _audit_summary(user)
    if _mails_to(user).exclude(status="sent").exists():
        lines.insert(0, Line(DELETED, _("E-mails aan jou die nog niet verstuurd waren.")))
    return lines


register(
    PersonalData(
        app="core",
        models=("core.AuditLogEntry", "core.OutgoingMail"),
        export=_core_export,
        erase=_core_erase,
        summary=_core_summary,
    )
)
