from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from veerkracht.accounts.tests.factories import OrganisationFactory
from veerkracht.network.models import SupportEntry
from veerkracht.network.selectors.support import SupportFilter, support_summary

from .factories.partners import make_support

pytestmark = pytest.mark.django_db


@pytest.fixture
def heerlen(region):
    return region.municipalities.get(code="GM0917")


@pytest.fixture
def organisation(region, heerlen):
    return OrganisationFactory(name="Welzijn Heerlen", municipality=heerlen)


def test_an_entry_for_an_organisation_keeps_its_municipality(staff, organisation, heerlen):
    entry = make_support(by=staff, organisation=organisation, hours="2.25")
    assert (entry.municipality, entry.hours, entry.given_by) == (heerlen, Decimal("2.25"), staff)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({}, "Kies een organisatie of een gemeente."),
        ({"hours": "0"}, "hours"),
        ({"hours": "100.5"}, "hours"),
        ({"on": "future"}, "in de toekomst"),
    ],
)
def test_bad_entries_are_refused(staff, heerlen, fields, message):
    kwargs = {"municipality": heerlen} if fields else {}
    if fields.get("on") == "future":
        fields = {"on": timezone.localdate() + timedelta(days=2)}
    with pytest.raises(ValidationError, match=message):
        make_support(by=staff, **kwargs, **fields)
    assert not SupportEntry.objects.exists()


def test_the_summary_adds_up_per_subregion_and_per_kind(staff, organisation, region):
    venlo = region.municipalities.get(code="GM0983")
    make_support(by=staff, organisation=organisation, kind="workshop", hours="3")
    make_support(by=staff, organisation=organisation, kind="advice", hours="1.5")
    make_support(by=staff, municipality=venlo, kind="workshop", hours="2", on=date(2024, 5, 1))
    summary = support_summary(region, SupportFilter())
    assert (summary.total.count, summary.total.hours) == (3, Decimal("6.5"))
    per_kind = {row.label: (row.count, row.hours) for row in summary.per_kind}
    assert per_kind == {"advies": (1, Decimal("1.5")), "workshop": (2, Decimal("5"))}
    per_subregion = {row.label: (row.count, row.hours) for row in summary.per_subregion}
    assert per_subregion == {
        organisation.municipality.subregion.name: (2, Decimal("4.5")),
        venlo.subregion.name: (1, Decimal("2")),
    }
    only_2024 = support_summary(region, SupportFilter(year=2024))
    assert (only_2024.total.count, only_2024.total.hours) == (1, Decimal("2"))


def test_staff_add_an_entry_through_the_quick_form(staff, organisation, client_for):
    client = client_for(staff)
    url = reverse("network:support_manage")
    bad = client.post(url, {"kind": "advice", "on": "2025-02-03", "hours": "1,5", "given_by": staff.pk})
    assert bad.status_code == 400 and "Kies een organisatie of een gemeente." in bad.content.decode()
    too_much = client.post(
        url,
        {
            "organisation": organisation.pk,
            "kind": "advice",
            "on": "2025-02-03",
            "hours": "101",
            "given_by": staff.pk,
        },
    )
    assert too_much.status_code == 400 and "Vul hoogstens 100 uur in." in too_much.content.decode()
    assert not SupportEntry.objects.exists()
    ok = client.post(
        url,
        {
            "organisation": organisation.pk,
            "kind": "team_session",
            "on": "2025-02-03",
            "hours": "1,5",
            "given_by": staff.pk,
            "note": "Sessie met het wijkteam",
        },
    )
    assert ok.status_code == 302
    entry = SupportEntry.objects.get()
    assert (entry.kind, entry.hours, entry.organisation) == ("team_session", Decimal("1.5"), organisation)
    page = client.get(url, {"zoek-organisation": organisation.pk, "zoek-year": "2025"}).content.decode()
    assert "Sessie met het wijkteam" in page and "1,5" in page


def test_a_tampered_filter_shows_the_whole_log_not_an_error(staff, organisation, client_for):
    make_support(by=staff, organisation=organisation, note="Zichtbaar")
    page = client_for(staff).get(
        reverse("network:support_manage"),
        {"zoek-year": "abc", "zoek-kind": "<x>", "zoek-organisation": "9" * 20},
    )
    assert page.status_code == 200 and "Zichtbaar" in page.content.decode()


def test_staff_delete_an_entry_and_others_get_404(staff, resident, organisation, client_for):
    entry = make_support(by=staff, organisation=organisation)
    url = reverse("network:support_delete", args=[entry.pk])
    assert client_for(resident).post(url).status_code == 404
    assert client_for(staff).post(url).status_code == 302
    assert not SupportEntry.objects.exists()


def test_the_log_has_a_constant_query_count(staff, organisation, client_for, region):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(staff)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("network:support_manage")).status_code == 200
        return len(queries)

    make_support(by=staff, organisation=organisation)
    count()  # the first request of a session does more (session, roles)
    few = count()
    for i in range(10):
        make_support(by=staff, organisation=OrganisationFactory(name=f"Org {i}"), on=date(2024 - i % 3, 1, 1))
    assert count() == few
