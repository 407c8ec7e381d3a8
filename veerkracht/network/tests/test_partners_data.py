"""Partners and the support log in the monitor, in "download my data", in account deletion and in the
retention rules."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import time_machine
from django.utils import timezone

from veerkracht.accounts.models import OrganisationType
from veerkracht.accounts.services import account_delete
from veerkracht.accounts.tests.factories import OrganisationFactory
from veerkracht.core.indicators import Window, get_indicator
from veerkracht.core.personal_data import export_all, summary_all
from veerkracht.core.retention import apply_all
from veerkracht.network.models import PartnerApplication, PartnerKind, PartnerRole, SupportEntry
from veerkracht.network.services import partners as services

from .factories.partners import make_application, make_support

pytestmark = pytest.mark.django_db


def _window(region, start: date, end: date) -> Window:
    as_of = timezone.make_aware(datetime.combine(end, datetime.min.time()))
    return Window(region, timezone.make_aware(datetime.combine(start, datetime.min.time())), as_of, as_of)


def test_the_partners_indicator_counts_each_organisation_by_its_role_at_the_end_of_the_period(region):
    heerlen = region.municipalities.get(code="GM0917")
    province = OrganisationFactory(name="Provincie", type=OrganisationType.PROVINCE, municipality=heerlen)
    services.partner_role_change(
        organisation=province, kind=PartnerKind.DRIVER, starts_on=date(2022, 1, 1), reason="a", actor=None
    )
    services.partner_role_change(
        organisation=province, kind=PartnerKind.CORE, starts_on=date(2024, 1, 1), reason="b", actor=None
    )
    indicator = get_indicator("partners")
    assert indicator.rows.__module__ == "veerkracht.network.indicators.partners"
    assert set(indicator.breakdowns) == {"partner_kind", "org_type", "partner_role"}
    rows_2023 = list(indicator.rows(_window(region, date(2023, 1, 1), date(2024, 1, 1))))
    assert rows_2023 == [
        ("GM0917", {"org_type": "province", "partner_kind": "other", "partner_role": "driver"})
    ]
    rows_2024 = list(indicator.rows(_window(region, date(2024, 1, 1), date(2025, 1, 1))))
    assert rows_2024 == [("GM0917", {"org_type": "province", "partner_kind": "core", "partner_role": "core"})]
    assert list(indicator.rows(_window(region, date(2021, 1, 1), date(2022, 1, 1)))) == []


def test_the_support_indicators_count_entries_and_hours_per_municipality_and_kind(staff, region):
    heerlen = region.municipalities.get(code="GM0917")
    organisation = OrganisationFactory(name="Welzijn", municipality=heerlen)
    make_support(by=staff, organisation=organisation, kind="workshop", hours="1.5", on=date(2025, 2, 1))
    make_support(by=staff, municipality=heerlen, kind="workshop", hours="1.25", on=date(2025, 3, 1))
    make_support(by=staff, organisation=organisation, kind="advice", hours="4", on=date(2024, 3, 1))
    window = _window(region, date(2025, 1, 1), date(2026, 1, 1))
    count = list(get_indicator("network_support_given").rows(window))
    assert count == [("GM0917", {"support_kind": "workshop"})] * 2
    hours = list(get_indicator("network_support_hours").rows(window))
    assert hours == [("GM0917", {"support_kind": "workshop"})] * 3  # 2.75 hours, rounded


def test_an_applicant_downloads_and_deletes_their_applications(resident, staff):
    application = make_application(resident)
    services.partner_application_accept(application=application, actor=staff)
    second = make_application(resident, name="Tweede")
    exported = export_all(resident)["network_partner_applications"]
    assert {a["organisation"] for a in exported} == {"Buurtkracht Oost", "Tweede"}
    assert exported[0]["contact_phone"] == "06 12345678"
    assert any("aanmeldingen als partner" in line for line in summary_all(resident).deleted)
    organisation = PartnerApplication.objects.get(pk=application.pk).organisation
    account_delete(user=resident)
    assert not PartnerApplication.objects.filter(pk__in=[application.pk, second.pk]).exists()
    assert PartnerRole.objects.filter(organisation=organisation).exists()  # the organisation's history stays


def test_a_staff_member_is_taken_off_decisions_roles_and_the_support_log(resident, staff, region):
    application = make_application(resident)
    services.partner_application_decline(application=application, actor=staff, reason="Nee")
    organisation = OrganisationFactory(name="Org")
    services.partner_role_change(
        organisation=organisation,
        kind=PartnerKind.SUPPORTER,
        starts_on=date(2024, 1, 1),
        reason="x",
        actor=staff,
    )
    entry = make_support(by=staff, organisation=organisation, note="Workshop gegeven")
    assert export_all(staff)["network_support_given"][0]["note"] == "Workshop gegeven"
    assert summary_all(staff).kept
    account_delete(user=staff)
    application.refresh_from_db()
    entry.refresh_from_db()
    assert application.decided_by is None and application.message == "Nee"
    assert PartnerRole.objects.get(organisation=organisation).created_by is None
    assert (entry.given_by, entry.created_by, entry.note) == (None, None, "Workshop gegeven")
    assert SupportEntry.objects.count() == 1


def test_declined_and_withdrawn_applications_go_after_six_months(resident, outsider, ambassador, staff):
    with time_machine.travel(datetime(2025, 1, 10, 12, tzinfo=timezone.get_current_timezone())):
        declined = make_application(resident)
        services.partner_application_decline(application=declined, actor=staff, reason="Nee")
        withdrawn = make_application(outsider)
        services.partner_application_withdraw(application=withdrawn, user=outsider)
        accepted = make_application(ambassador, name="Aangenomen")
        services.partner_application_accept(application=accepted, actor=staff)
    open_one = make_application(resident, name="Nieuw")
    with time_machine.travel(datetime(2025, 7, 1, 12, tzinfo=timezone.get_current_timezone())):
        apply_all(timezone.now())
    assert PartnerApplication.objects.count() == 4
    with time_machine.travel(datetime(2025, 7, 13, 12, tzinfo=timezone.get_current_timezone())):
        outcome = {o.key: o for o in apply_all(timezone.now())}["network.partner_applications"]
    assert outcome.removed == 2 and not outcome.error
    assert set(PartnerApplication.objects.values_list("pk", flat=True)) == {accepted.pk, open_one.pk}
