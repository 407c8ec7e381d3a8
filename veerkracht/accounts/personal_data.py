"""What the accounts app holds about a person: the account, profile, roles, memberships, e-mail
addresses and two-step login (allauth's tables), and what they did in the back office."""

from __future__ import annotations

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.admin.models import LogEntry

from veerkracht.core.personal_data import PersonalData, register

from .models import Membership, Profile, RoleAssignment


def export(user) -> dict:
    profile = user.profile
    return {
        "account": {
            "email": user.email,
            "date_joined": user.date_joined.isoformat(),
            "display_name": profile.display_name,
            "municipality": profile.municipality.name if profile.municipality else None,
            "neighbourhood": profile.neighbourhood,
            "age_band": profile.age_band,
            "preferred_language": profile.preferred_language,
            "roles": sorted(user.roles),
            "email_addresses": sorted(EmailAddress.objects.filter(user=user).values_list("email", flat=True)),
            "two_step_login": Authenticator.objects.filter(user=user).exists(),
        },
        "organisations": [
            {"organisation": m.organisation.name, "role": m.role, "since": m.created_at.isoformat()}
            for m in Membership.objects.filter(user=user).select_related("organisation").order_by("pk")
        ],
    }


def erase(user) -> None:
    """Everything of the account but the user row itself (accounts.services.account_delete removes it)."""
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    LogEntry.objects.filter(user=user).delete()
    Membership.objects.filter(user=user).delete()
    RoleAssignment.objects.filter(granted_by=user).update(granted_by=None)
    RoleAssignment.objects.filter(user=user).delete()
    Profile.objects.filter(user=user).delete()


register(
    PersonalData(
        app="accounts",
        models=(
            "accounts.User",
            "accounts.Profile",
            "accounts.RoleAssignment",
            "accounts.Membership",
            "account.EmailAddress",
            "mfa.Authenticator",
            "admin.LogEntry",
        ),
        export=export,
        erase=erase,
        not_personal={
            "accounts.Organisation": "an organisation's own name and general contact address",
            "auth.Group": "the name of a permission group",
            "auth.Permission": "the name of a permission",
        },
    )
)
