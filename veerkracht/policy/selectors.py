"""Reads for the policy register: the rows of the table (and map and CSV), the summary, the history.

The list page costs one query for all municipalities with their entries, whatever their number; the
summary, the map and the CSV are computed from those rows in Python.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from veerkracht.accounts.models import Membership, OrganisationType, Role
from veerkracht.regions.models import Municipality, Region

from .models import EMPTY_STATE, FIELDS, MunicipalityPolicy, PolicyLevel, PolicyVersion, SocialTheme, Status

HISTORY_LIMIT = 50  # the register changes a few times a year; more than this is not worth a long page


@dataclass
class PolicyRow:
    code: str
    name: str
    status: str
    since_year: int | None = None
    levels: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    document_title: str = ""
    document_url: str = ""
    updated_at: datetime | None = None
    matches: bool = True

    @property
    def status_label(self) -> str:
        return Status(self.status).label

    @property
    def level_labels(self) -> list[str]:
        return [PolicyLevel(k).label for k in self.levels]

    @property
    def theme_labels(self) -> list[str]:
        return [SocialTheme(k).label for k in self.themes]


def policy_of(municipality_code: str) -> MunicipalityPolicy | None:
    """A municipality's entry in the register, if it has one (for the monitor's municipality page)."""
    return MunicipalityPolicy.objects.filter(municipality__code=municipality_code).first()


def policy_rows(region: Region, filters: Mapping[str, str] | None = None) -> list[PolicyRow]:
    """One row per municipality of the region, by name; ``matches`` says whether it fits the filters
    (keys ``level``, ``theme``, ``status``; empty values filter nothing)."""
    municipalities = (
        Municipality.objects.filter(region=region).select_related("health_policy").order_by("name")
    )
    rows = []
    for municipality in municipalities:
        row = policy_row(municipality)
        row.matches = _matches(row, filters or {})
        rows.append(row)
    return rows


def policy_row(municipality: Municipality) -> PolicyRow:
    """The facts of one municipality whose entry is loaded (select_related("health_policy"))."""
    policy: MunicipalityPolicy | None = getattr(municipality, "health_policy", None)
    row = PolicyRow(code=municipality.code, name=municipality.name, status=Status.of(None))
    if policy is not None:
        row.status = Status.of(policy.in_policy)
        row.since_year = policy.since_year
        row.levels = [k for k in PolicyLevel.values if k in (policy.levels or [])]
        row.themes = [k for k in SocialTheme.values if k in (policy.themes or [])]
        row.document_title = policy.document_title
        row.document_url = policy.document_url
        row.updated_at = policy.updated_at
    return row


def _matches(row: PolicyRow, filters: Mapping[str, str]) -> bool:
    level, theme, status = filters.get("level"), filters.get("theme"), filters.get("status")
    return (
        (not level or level in row.levels)
        and (not theme or theme in row.themes)
        and (not status or status == row.status)
    )


def policy_summary(rows: list[PolicyRow]) -> dict[str, Any]:
    """Share of municipalities with Positive Health in their policy; counts per level and theme."""
    total = len(rows)
    counts = {s: sum(1 for r in rows if r.status == s) for s in Status.values}
    yes = counts[Status.YES]
    return {
        "total": total,
        "yes": yes,
        "no": counts[Status.NO],
        "unknown": counts[Status.UNKNOWN],
        "percent": round(100 * yes / total) if total else None,
        "levels": [
            {"key": key, "label": label, "count": sum(1 for r in rows if key in r.levels)}
            for key, label in PolicyLevel.choices
        ],
        "themes": [
            {"key": key, "label": label, "count": sum(1 for r in rows if key in r.themes)}
            for key, label in SocialTheme.choices
        ],
    }


# --- History ----------------------------------------------------------------------------------


def policy_history(municipality: Municipality, policy: MunicipalityPolicy | None) -> list[dict]:
    """The newest versions first, each with when, who and what changed against the one before."""
    if policy is None or policy.pk is None:
        return []
    own_organisations = Membership.objects.filter(
        organisation__type=OrganisationType.MUNICIPALITY, organisation__municipality=municipality
    ).select_related("organisation")
    versions = list(
        PolicyVersion.objects.filter(policy=policy)
        .select_related("changed_by__profile")
        .prefetch_related(
            Prefetch("changed_by__memberships", queryset=own_organisations, to_attr="own_memberships"),
            "changed_by__role_assignments",
        )
        .order_by("-changed_at", "-pk")[: HISTORY_LIMIT + 1]
    )
    history = []
    for i, version in enumerate(versions[:HISTORY_LIMIT]):
        previous = versions[i + 1].data if i + 1 < len(versions) else None
        history.append(
            {
                "changed_at": version.changed_at,
                "who": who_changed(version.changed_by),
                "first": previous is None and len(versions) <= HISTORY_LIMIT,
                "changes": state_changes(previous, version.data),
            }
        )
    return history


def who_changed(user) -> str:
    """A person's chosen name and/or their municipality's name; never their e-mail address."""
    if user is None:
        return _("onbekend")
    profile = getattr(user, "profile", None)
    name = profile.display_name.strip() if profile is not None else ""
    memberships = getattr(user, "own_memberships", None) or []
    organisation = memberships[0].organisation.name if memberships else ""
    if name and organisation:
        return f"{name} ({organisation})"
    if name or organisation:
        return name or organisation
    if any(a.role == Role.REGION_ADMIN for a in user.role_assignments.all()):
        return str(Role.REGION_ADMIN.label)
    return _("onbekend")


LABELS = {
    "in_policy": gettext_lazy("In het beleid"),
    "since_year": gettext_lazy("Sinds"),
    "document_title": gettext_lazy("Naam van het beleidsstuk"),
    "document_url": gettext_lazy("Link naar het beleidsstuk"),
    "levels": gettext_lazy("Niveaus"),
    "themes": gettext_lazy("Thema's"),
    "notes": gettext_lazy("Toelichting"),
}


def _show(key: str, value: Any) -> str:
    if key == "in_policy":
        return str(Status(Status.of(value)).label)
    if value in (None, ""):
        return _("leeg")
    return str(value)


def _names(key: str, keys: Iterable[str]) -> str:
    """Levels by their short names (nano, micro, ...): their long labels have colons of their own."""
    if key == "levels":
        return ", ".join(keys)
    known = dict(SocialTheme.choices)
    return ", ".join(str(known.get(k, k)) for k in keys)


def _list_changes(key: str, label, old: list[str], new: list[str], *, first: bool) -> list[str]:
    if first:
        return [_("%(field)s: %(values)s") % {"field": label, "values": _names(key, new)}]
    lines = []
    added = [k for k in new if k not in old]
    removed = [k for k in old if k not in new]
    if added:
        lines.append(_("%(field)s erbij: %(values)s") % {"field": label, "values": _names(key, added)})
    if removed:
        lines.append(_("%(field)s eraf: %(values)s") % {"field": label, "values": _names(key, removed)})
    return lines


def state_changes(before: Mapping[str, Any] | None, after: Mapping[str, Any]) -> list[str]:
    """What changed, one plain sentence per field. ``before`` None: the first entry (what was filled in)."""
    first = before is None
    before = {**EMPTY_STATE, **(before or {})}
    after = {**EMPTY_STATE, **after}
    lines = []
    for key in FIELDS:
        old, new = before[key], after[key]
        if old == new and not (first and key == "in_policy"):
            continue
        label = LABELS[key]
        if key in ("levels", "themes"):
            lines += _list_changes(key, label, old, new, first=first)
        elif key in ("document_url", "notes"):
            # Long texts: say that they changed; the entry itself shows the current text.
            if not new:
                lines.append(_("%(field)s weggehaald") % {"field": label})
            elif not old:
                lines.append(_("%(field)s ingevuld") % {"field": label})
            else:
                lines.append(_("%(field)s aangepast") % {"field": label})
        elif first or old in (None, ""):
            lines.append(_("%(field)s: %(new)s") % {"field": label, "new": _show(key, new)})
        else:
            lines.append(
                _("%(field)s: was %(old)s, is nu %(new)s")
                % {"field": label, "old": _show(key, old), "new": _show(key, new)}
            )
    return lines
