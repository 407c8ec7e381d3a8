"""The demo of coaching and the budget: idempotent, and without the catalogue's demo it makes its own
small course so the budget is partly spent."""

from __future__ import annotations

import pytest

from veerkracht.accounts import demo as accounts_demo
from veerkracht.learning.demo import budget as budget_demo
from veerkracht.learning.demo import coaching as coaching_demo
from veerkracht.learning.models import BudgetEntry, CoachingContact, CoachLink, FundingSource, Target
from veerkracht.learning.selectors.budget import budget_report

pytestmark = pytest.mark.django_db


def test_the_demo_loads_once_and_the_budget_is_partly_spent(region):
    accounts_demo.load(region)
    lines = coaching_demo.load(region) + budget_demo.load(region)
    assert any("implementatiecoaches" in line for line in lines)
    counts = (CoachLink.objects.count(), CoachingContact.objects.count(), BudgetEntry.objects.count())
    assert counts[0] == 4 and counts[1] > 4 and counts[2] > 0
    assert coaching_demo.load(region) == []
    assert budget_demo.load(region) == []
    assert (CoachLink.objects.count(), CoachingContact.objects.count(), BudgetEntry.objects.count()) == counts
    assert FundingSource.objects.count() == 1 and Target.objects.count() == 3
    row = budget_report(region).sources[0]
    assert row.budget == 100_000_000 and 0 < row.spent < row.budget and row.committed > 0
    assert sum(line.amount_cents for line in FundingSource.objects.get().lines.all()) == row.budget


def test_after_the_catalogue_demo_the_plan_pays_for_its_seats(region):
    from veerkracht.learning.demo import catalogue as catalogue_demo

    accounts_demo.load(region)
    catalogue_demo.load(region)  # completes enrolments before there is a plan: booked "not covered"
    budget_demo.load(region)
    assert not BudgetEntry.objects.filter(line__isnull=True).exists()
    row = budget_report(region).sources[0]
    assert 0 < row.spent < row.budget
