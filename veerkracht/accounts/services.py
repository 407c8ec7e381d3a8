"""Writes for accounts, roles and organisations (house style: keyword-only, atomic, full_clean)."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from veerkracht.core.audit import log_action
from veerkracht.core.personal_data import erase_all
from veerkracht.regions.models import Municipality, Region

from .models import (
    GRANTABLE_ROLES,
    Membership,
    MembershipRole,
    Organisation,
    Profile,
    RoleAssignment,
    User,
)


@transaction.atomic
def user_create(
    *,
    email: str,
    password: str | None = None,
    display_name: str = "",
    roles: Iterable[str] = (),
    municipality: Municipality | None = None,
    age_band: str = "",
    verified: bool = True,
    actor: User | None = None,
) -> User:
    """Create an account with a verified e-mail address (as allauth would after verification)."""
    from allauth.account.models import EmailAddress

    user = User(email=email)
    user.full_clean(exclude=["password"])
    user = User.objects.create_user(email=email, password=password)
    profile = user.profile
    profile.display_name = display_name
    profile.municipality = municipality
    profile.age_band = age_band
    profile.full_clean()
    profile.save()
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=verified)
    for role in roles:
        role_grant(user=user, role=role, actor=actor)
    return user


@transaction.atomic
def profile_update(
    *,
    user: User,
    display_name: str,
    municipality: Municipality | None,
    neighbourhood: str,
    age_band: str,
    preferred_language: str,
) -> Profile:
    profile = Profile.objects.select_for_update().get(user=user)
    profile.display_name = display_name.strip()
    profile.municipality = municipality
    profile.neighbourhood = neighbourhood.strip()
    profile.age_band = age_band
    profile.preferred_language = preferred_language
    profile.full_clean()
    profile.save()
    log_action("accounts.profile.updated", actor=user, subject=profile, person=user)
    return profile


@transaction.atomic
def profile_set_language(*, user: User, language: str) -> Profile:
    profile = Profile.objects.select_for_update().get(user=user)
    profile.preferred_language = language
    profile.full_clean()
    profile.save(update_fields=["preferred_language", "updated_at"])
    return profile


@transaction.atomic
def role_grant(*, user: User, role: str, actor: User | None = None) -> RoleAssignment:
    if role not in {r.value for r in GRANTABLE_ROLES}:
        raise ValueError(f"Role {role!r} cannot be granted")
    assignment, created = RoleAssignment.objects.get_or_create(
        user=user, role=role, defaults={"granted_by": actor}
    )
    if created:
        log_action("accounts.role.granted", actor=actor, subject=user, person=user, data={"role": role})
    user.__dict__.pop("_roles_cache", None)
    return assignment


@transaction.atomic
def role_revoke(*, user: User, role: str, actor: User | None = None) -> None:
    deleted, _ = RoleAssignment.objects.filter(user=user, role=role).delete()
    if deleted:
        log_action("accounts.role.revoked", actor=actor, subject=user, person=user, data={"role": role})
    user.__dict__.pop("_roles_cache", None)


def _unique_slug(name: str) -> str:
    base = slugify(name)[:150] or "organisatie"
    slug, n = base, 2
    while Organisation.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def organisation_create(
    *,
    name: str,
    type: str,
    region: Region,
    municipality: Municipality | None = None,
    is_core_partner: bool = False,
    description: str = "",
    website: str = "",
    email: str = "",
    actor: User | None = None,
) -> Organisation:
    organisation = Organisation(
        name=name.strip(),
        slug=_unique_slug(name),
        type=type,
        region=region,
        municipality=municipality,
        is_core_partner=is_core_partner,
        description=description,
        website=website,
        email=email,
    )
    organisation.full_clean()
    organisation.save()
    log_action("accounts.organisation.created", actor=actor, subject=organisation)
    return organisation


@transaction.atomic
def organisation_set_core_partner(
    *, organisation: Organisation, is_core_partner: bool, actor: User | None = None
) -> Organisation:
    """Mark an organisation as core partner or not (the network app keeps this in step with its role)."""
    changed = Organisation.objects.filter(pk=organisation.pk).exclude(is_core_partner=is_core_partner)
    if changed.update(is_core_partner=is_core_partner, updated_at=timezone.now()):
        log_action(
            "accounts.organisation.core_partner",
            actor=actor,
            subject=organisation,
            data={"is_core_partner": is_core_partner},
        )
    organisation.is_core_partner = is_core_partner
    return organisation


@transaction.atomic
def membership_set(
    *, organisation: Organisation, user: User, role: str = MembershipRole.MEMBER, actor: User | None = None
) -> Membership:
    membership, created = Membership.objects.get_or_create(
        organisation=organisation, user=user, defaults={"role": role}
    )
    if not created and membership.role != role:
        membership.role = role
    membership.full_clean()
    membership.save()
    log_action("accounts.membership.set", actor=actor, subject=organisation, person=user, data={"role": role})
    return membership


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Erase an account and everything personal with it.

    Every app erases what it holds about this person (its ``personal_data.erase``, see
    core.personal_data): webs, shares, follows, offers, the profile, roles, memberships, e-mail
    addresses, authenticators and the log entries *about* this person go; on what this person did for
    others (log entries, timelines, histories) their name is taken off. Then the account itself goes.
    """
    log_action("accounts.account.deleted", data={"user_id": user.pk})
    erase_all(user)
    user.delete()
