"""Who may do what: `rules` predicates and lookup helpers (DESIGN.md, house style 4)."""

from __future__ import annotations

import rules
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from .models import MFA_REQUIRED_ROLES, Membership, MembershipRole, Organisation, Role


def _has_role(role: str):
    @rules.predicate(name=f"has_role_{role}")
    def predicate(user) -> bool:
        return bool(user and user.is_authenticated and user.has_role(role))

    return predicate


is_resident = _has_role(Role.RESIDENT)
is_professional = _has_role(Role.PROFESSIONAL)
is_ambassador = _has_role(Role.AMBASSADOR)
is_actioncentre_staff = _has_role(Role.STAFF)
is_partner_admin = _has_role(Role.PARTNER_ADMIN)
is_analyst = _has_role(Role.ANALYST)
is_region_admin = _has_role(Role.REGION_ADMIN)
is_organiser = _has_role(Role.ORGANISER)


@rules.predicate
def is_superuser(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.is_superuser)


@rules.predicate
def is_org_admin(user, organisation: Organisation | None) -> bool:
    if organisation is None or not (user and user.is_authenticated):
        return False
    return Membership.objects.filter(user=user, organisation=organisation, role=MembershipRole.ADMIN).exists()


@rules.predicate
def is_org_member(user, organisation: Organisation | None) -> bool:
    if organisation is None or not (user and user.is_authenticated):
        return False
    return Membership.objects.filter(user=user, organisation=organisation).exists()


can_use_back_office = is_region_admin | is_superuser

rules.add_perm("accounts.use_back_office", can_use_back_office)
rules.add_perm("accounts.change_organisation_object", is_org_admin | can_use_back_office)
rules.add_perm("accounts.grant_roles", can_use_back_office)
# Mails that could not be sent (core/selectors.py): the people who answer residents and run the site.
rules.add_perm("core.handle_failed_mail", is_actioncentre_staff | can_use_back_office)


def needs_mfa(user) -> bool:
    """Staff roles must use two-step login (TOTP) before they can do anything else."""
    if not (user and user.is_authenticated):
        return False
    return user.is_superuser or bool(user.roles & MFA_REQUIRED_ROLES)


def get_organisation_for_user(user, pk: int, *, write: bool = False) -> Organisation:
    """Organisations are public to read; writing needs organisation admin or back-office rights."""
    organisation = get_object_or_404(Organisation.objects.select_related("municipality", "region"), pk=pk)
    if write and not user.has_perm("accounts.change_organisation_object", organisation):
        raise PermissionDenied
    return organisation
