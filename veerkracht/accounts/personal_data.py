"""What the accounts app holds about a person: the account, profile, roles, memberships, e-mail
addresses and two-step login (allauth's tables), their sessions, and what they did in the back office."""

from __future__ import annotations

from importlib import import_module

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from veerkracht.core.personal_data import DELETED, Line, PersonalData, mail_forget, register

from .models import Membership, Organisation, Profile, RoleAssignment, User, UserSession
from .selectors import identity_of


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
    emails = [user.email, *EmailAddress.objects.filter(user=user).values_list("email", flat=True)]
    # Mails on their way to any of their addresses (the core's erase runs after this one, when the
    # account's other addresses are gone).
    mail_forget(identity_of(user))
    _erase_back_office_history(user)
    _erase_sessions(user)
    # An organisation whose contact address is this person's own address loses that address.
    for email in set(emails):
        Organisation.objects.filter(email__iexact=email).update(email="")
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    Membership.objects.filter(user=user).delete()
    RoleAssignment.objects.filter(granted_by=user).update(granted_by=None)
    RoleAssignment.objects.filter(user=user).delete()
    Profile.objects.filter(user=user).delete()


def _erase_back_office_history(user) -> None:
    """What they did in the back office, and the back office's history of their account (its lines
    name them: "Jan", "jan@example.org")."""
    LogEntry.objects.filter(user=user).delete()
    about = Q()
    for model, pks in (
        (User, [user.pk]),
        (Profile, Profile.objects.filter(user=user).values_list("pk", flat=True)),
        (RoleAssignment, RoleAssignment.objects.filter(user=user).values_list("pk", flat=True)),
        (Membership, Membership.objects.filter(user=user).values_list("pk", flat=True)),
        (EmailAddress, EmailAddress.objects.filter(user=user).values_list("pk", flat=True)),
        (Authenticator, Authenticator.objects.filter(user=user).values_list("pk", flat=True)),
    ):
        content_type = ContentType.objects.get_for_model(model)
        about |= Q(content_type=content_type, object_id__in=[str(pk) for pk in pks])
    LogEntry.objects.filter(about).delete()


def _erase_sessions(user) -> None:
    """Their sessions on every device: a session may hold a spider-web draft, a login code or a
    message. Found by the id stored beside each session (accounts.UserSession); deleting through the
    store also removes a cached copy (Redis)."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    keys = list(UserSession.objects.filter(user_id=user.pk).values_list("session_key", flat=True))
    for key in keys:
        store(session_key=key).delete()


def summary(user) -> list[Line]:
    lines = [Line(DELETED, _("Je account: je e-mailadres, je naam en je profiel."))]
    names = sorted(Membership.objects.filter(user=user).values_list("organisation__name", flat=True))
    if names:
        text = ngettext(
            "Dat je bij deze organisatie hoort: %(names)s.",
            "Dat je bij deze organisaties hoort: %(names)s.",
            len(names),
        ) % {"names": ", ".join(names)}
        lines.append(Line(DELETED, text))
    if Authenticator.objects.filter(user=user).exists():
        lines.append(Line(DELETED, _("Je inlog in twee stappen.")))
    return lines


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
            "sessions.Session",
        ),
        export=export,
        erase=erase,
        summary=summary,
        not_personal={
            "accounts.Organisation": "an organisation's own name and general contact address (an "
            "address that is a person's own is cleared when that person's account goes)",
            "auth.Group": "the name of a permission group",
            "auth.Permission": "the name of a permission",
        },
    )
)
