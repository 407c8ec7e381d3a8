from __future__ import annotations

from datetime import date, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from veerkracht.accounts.models import Membership, MembershipRole, Organisation, OrganisationType, Role
from veerkracht.accounts.tests.factories import OrganisationFactory, UserFactory
from veerkracht.actioncentre.models import PartnerProfile
from veerkracht.core.models import AuditLogEntry, OutgoingMail
from veerkracht.network.models import PartnerApplication, PartnerApplicationStatus, PartnerKind, PartnerRole
from veerkracht.network.selectors.partners import partner_roles_on
from veerkracht.network.services import partners as services

from .factories.partners import make_application

pytestmark = pytest.mark.django_db
Status = PartnerApplicationStatus


def test_an_application_is_stored_with_the_account_email_and_mailed(
    resident, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        application = make_application(resident, name="  Buurtkracht Oost ")
    assert application.organisation_name == "Buurtkracht Oost"
    assert application.contact_email == resident.email and application.status == Status.SUBMITTED
    assert OutgoingMail.objects.filter(to=resident.email, subject__contains="aanmelding als partner").exists()


def test_a_second_open_application_is_refused_with_a_clear_message(resident):
    make_application(resident)
    with pytest.raises(ValidationError, match="al een aanmelding als partner die nog loopt"):
        make_application(resident, name="Nog een")
    assert PartnerApplication.objects.count() == 1


def test_the_database_holds_one_open_application_per_person(resident, region):
    first = make_application(resident)
    second = PartnerApplication(**{f.attname: getattr(first, f.attname) for f in first._meta.concrete_fields})
    second.pk = None
    with pytest.raises(IntegrityError), transaction.atomic():
        second.save()


def test_after_withdrawing_one_may_apply_again(resident):
    first = make_application(resident)
    services.partner_application_withdraw(application=first, user=resident)
    second = make_application(resident, name="Tweede poging")
    first.refresh_from_db()
    assert first.status == Status.WITHDRAWN and second.is_open


def test_accepting_makes_the_organisation_its_admin_a_first_role_and_a_hidden_page(
    resident, staff, django_capture_on_commit_callbacks
):
    application = make_application(resident, organisation_type=OrganisationType.PROVINCE)
    OrganisationFactory(name="Buurtkracht Oost")  # the slug is taken: the new one gets another
    with django_capture_on_commit_callbacks(execute=False):
        services.partner_application_accept(application=application, actor=staff, message="Welkom!")
    application.refresh_from_db()
    organisation = application.organisation
    assert application.status == Status.ACCEPTED and application.decided_by == staff
    assert organisation.type == OrganisationType.PROVINCE and organisation.slug == "buurtkracht-oost-2"
    assert organisation.municipality.code == "GM0935" and not organisation.is_core_partner
    assert Membership.objects.get(organisation=organisation, user=resident).role == MembershipRole.ADMIN
    resident.refresh_from_db()
    assert resident.has_role(Role.PARTNER_ADMIN)
    role = PartnerRole.objects.get(organisation=organisation)
    assert (role.kind, role.starts_on, role.ends_on, role.reason) == (
        PartnerKind.SUPPORTER,
        timezone.localdate(),
        None,
        "aangemeld via het platform",
    )
    assert PartnerProfile.objects.get(organisation=organisation).is_public is False
    mail = OutgoingMail.objects.get(to=resident.email, subject="Welkom als partner")
    assert "Welkom!" in mail.body and "/netwerk/partner-worden/mijn-aanmelding/" in mail.body
    assert AuditLogEntry.objects.filter(code="network.partner_application.accepted", actor=staff).exists()


def test_a_decided_application_cannot_be_decided_again(resident, staff):
    application = make_application(resident)
    services.partner_application_decline(application=application, actor=staff, reason="Past niet.")
    with pytest.raises(ValidationError, match="al besloten"):
        services.partner_application_accept(application=application, actor=staff)
    assert not Organisation.objects.filter(name="Buurtkracht Oost").exists()


def test_declining_needs_a_reason(resident, staff):
    application = make_application(resident)
    with pytest.raises(ValidationError):
        services.partner_application_decline(application=application, actor=staff, reason="  ")
    application.refresh_from_db()
    assert application.is_open


# --- Role history -------------------------------------------------------------------------------


@pytest.fixture
def organisation(region):
    organisation = OrganisationFactory(name="Provincie", type=OrganisationType.PROVINCE)
    services.partner_role_change(
        organisation=organisation,
        kind=PartnerKind.DRIVER,
        starts_on=date(2022, 1, 1),
        reason="start",
        actor=None,
    )
    return organisation


def test_a_role_change_closes_the_previous_role_the_day_before_and_syncs_the_core_mark(organisation, staff):
    services.partner_role_change(
        organisation=organisation,
        kind=PartnerKind.CORE,
        starts_on=date(2024, 3, 1),
        reason="stuurgroep",
        actor=staff,
    )
    roles = list(PartnerRole.objects.filter(organisation=organisation).order_by("starts_on"))
    assert [(r.kind, r.starts_on, r.ends_on) for r in roles] == [
        (PartnerKind.DRIVER, date(2022, 1, 1), date(2024, 2, 29)),
        (PartnerKind.CORE, date(2024, 3, 1), None),
    ]
    organisation.refresh_from_db()
    assert organisation.is_core_partner is True
    services.partner_role_change(
        organisation=organisation,
        kind=PartnerKind.SUPPORTER,
        starts_on=date(2025, 1, 1),
        reason="minder",
        actor=staff,
    )
    organisation.refresh_from_db()
    assert organisation.is_core_partner is False


@pytest.mark.parametrize(
    ("kind", "starts_on", "message"),
    [
        (PartnerKind.CORE, date(2022, 1, 1), "Kies een datum na 01-01-2022"),
        (PartnerKind.CORE, date(2021, 6, 1), "Kies een datum na"),
        (PartnerKind.DRIVER, date(2023, 1, 1), "heeft die rol nu al"),
        (PartnerKind.CORE, None, "niet in de toekomst"),
        ("boss", date(2023, 1, 1), "Kies een rol uit de lijst"),
    ],
)
def test_a_role_change_that_would_overlap_or_is_wrong_is_refused(organisation, kind, starts_on, message):
    starts_on = starts_on or timezone.localdate() + timedelta(days=1)
    with pytest.raises(ValidationError, match=message):
        services.partner_role_change(
            organisation=organisation, kind=kind, starts_on=starts_on, reason="waarom", actor=None
        )
    assert PartnerRole.objects.filter(organisation=organisation).count() == 1


def test_partners_on_a_date_count_by_the_role_then_and_fall_back_without_history(organisation, region):
    services.partner_role_change(
        organisation=organisation, kind=PartnerKind.CORE, starts_on=date(2024, 3, 1), reason="x", actor=None
    )
    with time_machine.travel(date(2023, 6, 1)):
        legacy = OrganisationFactory(name="Zonder geschiedenis", is_core_partner=True)
    assert sorted(partner_roles_on(region, date(2021, 12, 31))) == []
    assert partner_roles_on(region, date(2023, 6, 1)) == [
        (None, OrganisationType.PROVINCE, PartnerKind.DRIVER),
        (None, OrganisationType.WELFARE, PartnerKind.CORE),
    ]
    assert (None, OrganisationType.PROVINCE, PartnerKind.CORE) in partner_roles_on(region, date(2024, 3, 1))
    assert legacy.pk  # counted from the day it came, by its mark


def test_the_data_migration_gives_existing_organisations_a_role_from_their_creation(region):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("veerkracht.network.migrations.0003_partners")
    with time_machine.travel(date(2020, 5, 4)):
        core = OrganisationFactory(name="Kern", is_core_partner=True)
    other = OrganisationFactory(name="Ander")
    migration.roles_from_existing_organisations(apps, None)
    migration.roles_from_existing_organisations(apps, None)  # twice: nothing doubles
    assert PartnerRole.objects.get(organisation=core).kind == PartnerKind.CORE
    assert PartnerRole.objects.get(organisation=core).starts_on == date(2020, 5, 4)
    assert PartnerRole.objects.get(organisation=other).kind == PartnerKind.SUPPORTER


def test_only_staff_of_the_network_decide(resident):
    other = UserFactory(email="iemand@example.org")
    application = make_application(resident)
    # The services trust their caller; the pages check the role (see the view tests). Here: the applicant
    # cannot withdraw someone else's application through the service either.
    with pytest.raises(PartnerApplication.DoesNotExist):
        services.partner_application_withdraw(application=application, user=other)
