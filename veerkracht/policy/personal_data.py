"""The policy register holds no data about a person, only who changed an entry (their name is taken off
when their account goes; the history of the entry stays)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from veerkracht.core.personal_data import KEPT, Line, PersonalData, register

from .models import MunicipalityPolicy, PolicyVersion


def export(user) -> dict:
    versions = PolicyVersion.objects.filter(changed_by=user).select_related("policy__municipality")
    return {
        "policy_changes": [
            {"municipality": v.policy.municipality.name, "changed_at": v.changed_at.isoformat()}
            for v in versions.order_by("changed_at", "pk")
        ]
    }


def erase(user) -> None:
    MunicipalityPolicy.objects.filter(updated_by=user).update(updated_by=None)
    PolicyVersion.objects.filter(changed_by=user).update(changed_by=None)


def summary(user) -> list[Line]:
    if not PolicyVersion.objects.filter(changed_by=user).exists():
        return []
    return [
        Line(
            KEPT,
            _(
                "Wat je invulde in het beleidsregister van de gemeente, blijft staan. "
                "Je naam staat er niet meer bij."
            ),
        )
    ]


register(
    PersonalData(
        app="policy",
        models=("policy.MunicipalityPolicy", "policy.PolicyVersion"),
        export=export,
        erase=erase,
        summary=summary,
    )
)
