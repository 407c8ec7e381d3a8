from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from veerkracht.accounts import services
from veerkracht.accounts.backends import RolePermissionBackend
from veerkracht.accounts.models import MembershipRole, Profile, Role, User
from veerkracht.accounts.permissions import get_organisation_for_user, is_org_admin, needs_mfa
from veerkracht.accounts.tests.factories import OrganisationFactory, UserFactory
from veerkracht.core.models import AuditLogEntry

pytestmark = pytest.mark.django_db


def test_email_is_the_login_and_is_normalised(region):
    user = UserFactory(email="Anouk@Example.ORG")
    assert user.email == "anouk@example.org"
    assert not user.has_usable_password()
    assert EmailAddress.objects.get(user=user).verified


def test_every_user_gets_a_profile_also_via_createsuperuser(db):
    user = User.objects.create_superuser("ops@example.org", "a-long-password-123")
    assert Profile.objects.filter(user=user).exists()


def test_a_duplicate_email_is_refused(region):
    UserFactory(email="dubbel@example.org")
    with pytest.raises(ValidationError):
        UserFactory(email="DUBBEL@example.org")


def test_everyone_is_a_resident_and_can_hold_several_roles(region):
    user = UserFactory(roles=[Role.PROFESSIONAL, Role.AMBASSADOR])
    assert user.roles == {Role.RESIDENT, Role.PROFESSIONAL, Role.AMBASSADOR}
    assert user.has_role(Role.AMBASSADOR)
    assert not user.has_role(Role.STAFF)


def test_role_changes_are_in_the_audit_log(region, region_admin, resident):
    services.role_grant(user=resident, role=Role.AMBASSADOR, actor=region_admin)
    services.role_grant(user=resident, role=Role.AMBASSADOR, actor=region_admin)  # no double entry
    services.role_revoke(user=resident, role=Role.AMBASSADOR, actor=region_admin)
    codes = list(AuditLogEntry.objects.filter(person=resident).values_list("code", "actor", "data"))
    assert codes == [
        ("accounts.role.revoked", region_admin.pk, {"role": "ambassador"}),
        ("accounts.role.granted", region_admin.pk, {"role": "ambassador"}),
    ]
    resident.refresh_from_db()
    assert not resident.has_role(Role.AMBASSADOR)


def test_resident_is_not_a_grantable_role(resident):
    with pytest.raises(ValueError, match="cannot be granted"):
        services.role_grant(user=resident, role=Role.RESIDENT)


def test_an_inactive_user_has_no_roles(professional):
    professional.is_active = False
    assert not professional.has_role(Role.PROFESSIONAL)


@pytest.mark.parametrize(
    ("persona", "required"),
    [
        ("resident", False),
        ("ambassador", False),
        ("professional", True),
        ("staff", True),
        ("partner_admin", True),
        ("analyst", True),
        ("region_admin", True),
    ],
)
def test_two_step_login_is_required_for_staff_roles(request, persona, required):
    assert needs_mfa(request.getfixturevalue(persona)) is required


def test_only_region_admins_get_back_office_model_permissions(region_admin, staff, analyst):
    backend = RolePermissionBackend()
    assert backend.has_perm(region_admin, "accounts.change_organisation")
    assert backend.has_perm(region_admin, "regions.view_municipality")
    assert not backend.has_perm(region_admin, "regions.delete_municipality")
    assert not backend.has_perm(region_admin, "core.change_auditlogentry")
    # Second-factor secrets are never back-office data.
    assert not backend.has_perm(region_admin, "mfa.view_authenticator")
    assert not backend.has_module_perms(region_admin, "mfa")
    for other in (staff, analyst):
        assert not backend.has_perm(other, "accounts.view_user")
        assert not other.has_perm("accounts.use_back_office")
    assert region_admin.has_perm("accounts.use_back_office")


def test_organisations_and_memberships(region, partner_admin, resident):
    org = OrganisationFactory(name="Huisartsenpraktijk De Linde")
    twin = OrganisationFactory(name="Huisartsenpraktijk De Linde")
    assert (org.slug, twin.slug) == ("huisartsenpraktijk-de-linde", "huisartsenpraktijk-de-linde-2")
    services.membership_set(organisation=org, user=partner_admin, role=MembershipRole.ADMIN)
    services.membership_set(organisation=org, user=resident, role=MembershipRole.MEMBER)
    assert is_org_admin(partner_admin, org)
    assert not is_org_admin(resident, org)
    assert not is_org_admin(partner_admin, twin)
    assert get_organisation_for_user(partner_admin, org.pk, write=True) == org
    assert get_organisation_for_user(resident, org.pk) == org
    with pytest.raises(PermissionDenied):
        get_organisation_for_user(resident, org.pk, write=True)
    with pytest.raises(Http404):
        get_organisation_for_user(resident, 999_999)


def test_an_organisation_needs_a_known_type(region):
    with pytest.raises(ValidationError):
        OrganisationFactory(type="bakery")


def test_deleting_an_account_removes_everything_personal(region, resident, region_admin):
    services.role_grant(user=resident, role=Role.AMBASSADOR, actor=region_admin)
    pk = resident.pk
    services.account_delete(user=resident)
    assert not User.objects.filter(pk=pk).exists()
    assert not Profile.objects.filter(user_id=pk).exists()
    assert not EmailAddress.objects.filter(user_id=pk).exists()
    assert not AuditLogEntry.objects.filter(person_id=pk).exists()
    assert AuditLogEntry.objects.filter(code="accounts.account.deleted").count() == 1
