"""The budget report (page, CSV and PDF show the same numbers), who may see it, and the coordinator's
forms with their Dutch messages."""

from __future__ import annotations

import csv
import io
import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from veerkracht.accounts.models import Role
from veerkracht.accounts.tests.factories import OrganisationFactory, UserFactory
from veerkracht.learning.models import BudgetLine, FundingSource, Target, TargetGroup
from veerkracht.learning.services.enrolments import enrolment_complete
from veerkracht.learning.signals import enrolment_seated
from veerkracht.learning.views import budget as budget_views

from .factories.budget import BudgetLineFactory, FundingSourceFactory, TargetFactory
from .factories.catalogue import CohortFactory, CourseFactory, EnrolmentFactory
from .factories.coaching import link_coach, make_org_admin

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(region):
    return UserFactory(roles=(Role.TRAINING_COORDINATOR,))


@pytest.fixture
def booked(region):
    """Two organisations, three seats of 250 euro: one completed, one still committed, one uncovered."""
    source = FundingSourceFactory(name="Scholingsplan provincie", amount_cents=100_000_000)
    BudgetLineFactory(source=source, amount_cents=40_000_000)
    course = CourseFactory(seat_cost_cents=25_000)
    first, second = OrganisationFactory(name="Wijkteam Oost"), OrganisationFactory(name="GGD Noord")
    done = EnrolmentFactory(cohort=CohortFactory(course=course), organisation=first)
    open_seat = EnrolmentFactory(cohort=CohortFactory(course=course), organisation=second)
    volunteer = CourseFactory(seat_cost_cents=5_000, target_group=TargetGroup.VOLUNTEER)
    uncovered = EnrolmentFactory(cohort=CohortFactory(course=volunteer))
    TargetFactory(people=4)
    for enrolment in (done, open_seat, uncovered):
        enrolment_seated.send(sender=type(enrolment), enrolment=enrolment)
    enrolment_complete(enrolment=done)
    return source


def _page_numbers(html: str) -> dict[str, list[str]]:
    rows = re.findall(r'data-row="([^"]+)">(.*?)</tr>', html, re.S)
    return {key: re.findall(r'numeric-data">([^<]*)<', body) for key, body in rows}


def test_page_csv_and_pdf_show_the_same_numbers(client_for, coordinator, booked, monkeypatch):
    client = client_for(coordinator)
    page = client.get(reverse("learning:budget_report")).content.decode()
    numbers = _page_numbers(page)
    assert numbers[f"sources-{booked.pk}"] == ["1.000.000,00", "250,00", "250,00", "999.500,00"]
    assert numbers["sources-total"] == ["1.000.000,00", "300,00", "250,00", "999.450,00"]
    assert numbers["sources-none"][1:3] == ["50,00", "0,00"]  # the volunteer seat no line covers
    assert numbers[f"target_groups-{TargetGroup.PROFESSIONAL}"] == [
        "400.000,00",
        "250,00",
        "250,00",
        "399.500,00",
    ]
    target = Target.objects.get()
    assert numbers[f"target-{target.pk}"] == ["4", "1", "25%"]

    response = client.get(reverse("learning:budget_report_csv"))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    csv_rows = {(row[0], row[1]): row[2:] for row in rows[1:]}
    assert csv_rows[("Per financieringsbron", "Scholingsplan provincie")] == numbers[f"sources-{booked.pk}"]
    assert csv_rows[("Per financieringsbron", "totaal")] == numbers["sources-total"]
    assert csv_rows[("Per organisatie", "Wijkteam Oost")][1:3] == ["0,00", "250,00"]
    assert csv_rows[("Per organisatie", "GGD Noord")][1:3] == ["250,00", "0,00"]

    seen = {}
    monkeypatch.setattr(
        budget_views, "html_to_pdf", lambda html, **kw: seen.setdefault("html", html).encode()
    )
    client.get(reverse("learning:budget_report_pdf"))
    for value in [*numbers[f"sources-{booked.pk}"], *numbers["sources-total"], "25%"]:
        assert value in seen["html"]


def test_the_pdf_is_a_pdf(client_for, coordinator, booked):
    response = client_for(coordinator).get(reverse("learning:budget_report_pdf"))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_the_report_takes_the_same_queries_whatever_the_data(
    client_for, coordinator, booked, django_assert_num_queries
):
    client = client_for(coordinator)
    client.get(reverse("learning:budget_report"))  # the first request of a session does more
    with CaptureQueriesContext(connection) as first:
        client.get(reverse("learning:budget_report"))
    # More of everything: sources, lines, organisations, targets.
    source = FundingSourceFactory()
    BudgetLineFactory(source=source, target_group=TargetGroup.VOLUNTEER)
    TargetFactory(target_group=TargetGroup.VOLUNTEER)
    for _ in range(3):
        enrolment = EnrolmentFactory(
            cohort=CohortFactory(course=CourseFactory(target_group=TargetGroup.VOLUNTEER)),
            organisation=OrganisationFactory(),
        )
        enrolment_seated.send(sender=type(enrolment), enrolment=enrolment)
    with django_assert_num_queries(len(first)):
        assert client.get(reverse("learning:budget_report")).status_code == 200


def _urls(booked) -> list[tuple[str, str]]:
    line = BudgetLine.objects.first()
    target = Target.objects.first()
    return [
        ("get", reverse("learning:budget_report")),
        ("get", reverse("learning:budget_report_csv")),
        ("get", reverse("learning:budget_report_pdf")),
        ("get", reverse("learning:budget_source_create")),
        ("post", reverse("learning:budget_source_edit", args=[booked.pk])),
        ("post", reverse("learning:budget_line_create")),
        ("get", reverse("learning:budget_line_edit", args=[line.pk])),
        ("post", reverse("learning:budget_target_edit", args=[target.pk])),
    ]


def test_nobody_but_coordinators_sees_the_budget(client_for, booked, professional, staff):
    coach_link = link_coach()
    org_admin = make_org_admin(coach_link.organisation)
    for user in (professional, staff, coach_link.coach, org_admin):
        client = client_for(user)
        for method, url in _urls(booked):
            assert getattr(client, method)(url).status_code == 404, (user, url)
    assert client_for(None).get(reverse("learning:budget_report")).status_code == 302


def test_region_admins_see_the_budget(client_for, region_admin, booked):
    assert client_for(region_admin).get(reverse("learning:budget_report")).status_code == 200


def test_unknown_and_huge_ids_are_404(client_for, coordinator):
    client = client_for(coordinator)
    for name, prefix in (
        ("budget_source_edit", "bronnen"),
        ("budget_line_edit", "regels"),
        ("budget_target_edit", "doelen"),
    ):
        assert client.get(reverse(f"learning:{name}", args=[999])).status_code == 404
        assert client.get(f"/scholing/beheer/budget/{prefix}/{2**70}/").status_code == 404


def test_a_funding_source_is_added_and_changed(client_for, coordinator):
    client = client_for(coordinator)
    data = {
        "name": "Scholingsplan provincie",
        "amount": "1000000",
        "starts_on": "2020-01-01",
        "ends_on": "2022-12-31",
    }
    response = client.post(reverse("learning:budget_source_create"), data)
    assert response.status_code == 302
    source = FundingSource.objects.get()
    assert source.amount_cents == 100_000_000 and source.created_by == coordinator
    data["amount"] = "1.250.000,50"
    client.post(reverse("learning:budget_source_edit", args=[source.pk]), data)
    source.refresh_from_db()
    assert source.amount_cents == 125_000_050


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"amount": "-5"}, "Het bedrag kan niet negatief zijn."),
        ({"amount": "veel"}, "Vul een bedrag in als getal"),
        ({"amount": "10,555"}, "hoogstens 2 cijfers achter de komma"),
        ({"name": ""}, "Geef de financieringsbron een naam."),
        ({"ends_on": "2019-01-01"}, "De einddatum ligt voor de begindatum."),
        ({"starts_on": "gisteren"}, "Vul een datum in als dag-maand-jaar."),
    ],
)
def test_a_bad_funding_source_comes_back_with_a_message(client_for, coordinator, changes, message):
    data = {"name": "Fonds", "amount": "1000", "starts_on": "2020-01-01", "ends_on": "2022-12-31"} | changes
    response = client_for(coordinator).post(reverse("learning:budget_source_create"), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not FundingSource.objects.exists()


def test_lines_may_not_hold_more_than_their_source(client_for, coordinator, region):
    source = FundingSourceFactory(amount_cents=100_000)
    BudgetLineFactory(source=source, amount_cents=60_000)
    client = client_for(coordinator)
    data = {"source": source.pk, "target_group": TargetGroup.VOLUNTEER, "course": "", "amount": "500"}
    response = client.post(reverse("learning:budget_line_create"), data)
    assert "er is nog € 400,00 over om te verdelen" in response.content.decode()
    assert BudgetLine.objects.count() == 1
    data["amount"] = "400"
    assert client.post(reverse("learning:budget_line_create"), data).status_code == 302
    # The source cannot drop below its lines.
    edit = {"name": source.name, "amount": "900", "starts_on": "2020-01-01", "ends_on": "2030-12-31"}
    response = client.post(reverse("learning:budget_source_edit", args=[source.pk]), edit)
    assert "Verlaag eerst die regels" in response.content.decode()
    source.refresh_from_db()
    assert source.amount_cents == 100_000


def test_a_line_is_for_a_target_group_or_a_course_and_only_once(client_for, coordinator, region):
    source = FundingSourceFactory()
    BudgetLineFactory(source=source, target_group=TargetGroup.PROFESSIONAL)
    course = CourseFactory()
    employer_course = CourseFactory(cost_kind="employer")
    client = client_for(coordinator)
    url = reverse("learning:budget_line_create")
    cases = [
        ({"target_group": "", "course": ""}, "Kies een doelgroep of een cursus."),
        ({"target_group": TargetGroup.VOLUNTEER, "course": course.pk}, "niet allebei"),
        ({"target_group": TargetGroup.PROFESSIONAL, "course": ""}, "al een regel voor deze doelgroep"),
        ({"target_group": "", "course": employer_course.pk}, "Selecteer een geldige keuze"),
        ({"target_group": "", "course": "abc"}, "Selecteer een geldige keuze"),
    ]
    for changes, message in cases:
        response = client.post(url, {"source": source.pk, "amount": "100"} | changes)
        assert response.status_code == 200 and message in response.content.decode(), changes
    assert BudgetLine.objects.count() == 1
    response = client.post(
        url, {"source": source.pk, "amount": "100", "target_group": "", "course": course.pk}
    )
    assert response.status_code == 302
    assert BudgetLine.objects.filter(course=course).exists()


def test_targets_are_added_and_checked(client_for, coordinator, region):
    client = client_for(coordinator)
    url = reverse("learning:budget_target_create")
    data = {
        "target_group": TargetGroup.PROFESSIONAL,
        "people": "200",
        "starts_on": "2020-01-01",
        "ends_on": "2022-12-31",
    }
    for changes, message in [
        ({"people": "0"}, "Een doel is minstens 1 persoon."),
        ({"people": "twee"}, "Vul een heel getal in."),
        ({"ends_on": "2019-12-31"}, "De einddatum ligt voor de begindatum."),
        ({"target_group": "katten"}, "Selecteer een geldige keuze"),
    ]:
        response = client.post(url, data | changes)
        assert message in response.content.decode(), changes
    assert not Target.objects.exists()
    assert client.post(url, data).status_code == 302
    target = Target.objects.get()
    assert (target.people, target.starts_on) == (200, date(2020, 1, 1))


def test_a_double_submit_adds_one_source_and_one_target(client_for, coordinator, region):
    client = client_for(coordinator)
    source = {"name": "Fonds", "amount": "1000", "starts_on": "2020-01-01", "ends_on": "2022-12-31"}
    target = {
        "target_group": TargetGroup.VOLUNTEER,
        "people": "50",
        "starts_on": "2020-01-01",
        "ends_on": "2022-12-31",
    }
    for _ in range(2):
        assert client.post(reverse("learning:budget_source_create"), source).status_code == 302
        assert client.post(reverse("learning:budget_target_create"), target).status_code == 302
    assert FundingSource.objects.count() == 1 and Target.objects.count() == 1


def test_an_empty_budget_says_so_on_every_format(client_for, coordinator, region):
    client = client_for(coordinator)
    page = client.get(reverse("learning:budget_report")).content.decode()
    assert "Nog niets geboekt." in page and "Er zijn nog geen doelen." in page
    assert client.get(reverse("learning:budget_report_csv")).status_code == 200
    assert client.get(reverse("learning:budget_report_pdf")).content.startswith(b"%PDF")
