"""Personal data of coaching and the budget, and the monitor figures of both."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from veerkracht.accounts.services import account_delete
from veerkracht.core import personal_data
from veerkracht.core.indicators import Window, get_indicator
from veerkracht.learning.models import BudgetEntry, CoachLink
from veerkracht.learning.services import coaching as services
from veerkracht.learning.services.enrolments import enrolment_complete

from .factories.budget import BudgetLineFactory, FundingSourceFactory, TargetFactory
from .factories.catalogue import CohortFactory, CourseFactory, EnrolmentFactory
from .factories.coaching import link_coach

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact(region):
    link = link_coach()
    return services.coaching_contact_add(
        organisation=link.organisation,
        happened_on=timezone.localdate(),
        kind="visit",
        hours=2,
        notes="Het team oefent met het andere gesprek.",
        author=link.coach,
    )


def test_a_coach_downloads_their_links_and_contacts(contact):
    data = personal_data.export_all(contact.author)["learning_coaching"]
    assert data["organisations_coached"][0]["organisation"] == contact.plan.organisation.name
    assert data["contacts_written"][0]["notes"] == "Het team oefent met het andere gesprek."


def test_deleting_a_coach_keeps_the_notes_with_the_organisation_without_their_name(contact):
    coach = contact.author
    summary = personal_data.summary_all(coach)
    assert any("zonder je naam" in text for text in summary.kept)
    assert any("implementatiecoach" in text for text in summary.deleted)
    account_delete(user=coach)
    contact.refresh_from_db()
    assert contact.author is None and contact.notes.startswith("Het team")
    assert not CoachLink.objects.exists()


def test_a_coordinator_who_added_a_source_is_forgotten(region, professional):
    source = FundingSourceFactory(created_by=professional)
    account_delete(user=professional)
    source.refresh_from_db()
    assert source.created_by is None


def _window(region, start: date, end: date) -> Window:
    def moment(day):
        return timezone.make_aware(datetime.combine(day, datetime.min.time()))

    return Window(region=region, start=moment(start), end=moment(end), as_of=moment(end))


def test_budget_figures_are_euros_and_percentages(region):
    BudgetLineFactory(source=FundingSourceFactory(amount_cents=1_000_000))
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=CourseFactory(seat_cost_cents=25_000)))
    enrolment_complete(enrolment=enrolment)
    TargetFactory(people=4)
    today = timezone.localdate()
    window = _window(region, today.replace(day=1), today + timedelta(days=1))
    assert list(get_indicator("learning_budget_spent").rows(window)) == [(None, 250.0)]
    assert list(get_indicator("learning_budget_spent_share").rows(window)) == [(None, 2.5)]
    assert list(get_indicator("learning_target_progress").rows(window)) == [(None, 25)]
    earlier = _window(region, date(2020, 1, 1), date(2020, 2, 1))
    assert list(get_indicator("learning_budget_spent").rows(earlier)) == [(None, 0.0)]


def test_coaching_figures(contact, region):
    today = timezone.localdate()
    window = _window(region, today.replace(day=1), today + timedelta(days=1))
    assert len(list(get_indicator("learning_coaches_active").rows(window))) == 1
    assert len(list(get_indicator("learning_organisations_coached").rows(window))) == 1
    assert get_indicator("learning_coaches_active").about_residents


def test_the_ledger_is_declared_as_keeping_no_person():
    declared = personal_data._registered["learning"]
    assert "learning.BudgetEntry" in declared.not_personal
    assert {"learning.FundingSource", "learning.CoachLink", "learning.CoachingContact"} <= set(
        declared.models
    )
    assert BudgetEntry._meta.get_field("enrolment").remote_field.on_delete.__name__ == "SET_NULL"
