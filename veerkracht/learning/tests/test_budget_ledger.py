"""The ledger through the enrolment signals: a seat commits, giving it up releases, completing spends;
each once, whatever is sent twice."""

from __future__ import annotations

from datetime import date

import pytest

from veerkracht.learning.models import BudgetEntry, CostKind, EntryKind, TargetGroup
from veerkracht.learning.selectors.budget import budget_report
from veerkracht.learning.services.budget import line_left_cents
from veerkracht.learning.services.enrolments import enrolment_complete
from veerkracht.learning.signals import enrolment_released, enrolment_seated

from .factories.budget import BudgetLineFactory, FundingSourceFactory
from .factories.catalogue import CohortFactory, CourseFactory, EnrolmentFactory

pytestmark = pytest.mark.django_db


def _kinds(enrolment) -> list[tuple[str, int]]:
    return list(
        BudgetEntry.objects.filter(enrolment=enrolment).order_by("pk").values_list("kind", "amount_cents")
    )


def _seat(enrolment) -> None:
    enrolment_seated.send(sender=type(enrolment), enrolment=enrolment)


@pytest.fixture
def line(region):
    return BudgetLineFactory(amount_cents=100_000)


@pytest.fixture
def enrolment(region, line):
    return EnrolmentFactory(cohort=CohortFactory(course=CourseFactory(seat_cost_cents=25_000)))


def test_a_seat_commits_its_cost_once(enrolment, line):
    _seat(enrolment)
    _seat(enrolment)
    assert _kinds(enrolment) == [(EntryKind.COMMITTED, 25_000)]
    entry = BudgetEntry.objects.get()
    assert entry.line == line and entry.target_group == TargetGroup.PROFESSIONAL and not entry.over_budget
    assert line_left_cents(line) == 75_000


def test_giving_up_the_seat_releases_it_once(enrolment, line):
    _seat(enrolment)
    enrolment_released.send(sender=type(enrolment), enrolment=enrolment)
    enrolment_released.send(sender=type(enrolment), enrolment=enrolment)
    assert _kinds(enrolment) == [(EntryKind.COMMITTED, 25_000), (EntryKind.RELEASED, 25_000)]
    assert line_left_cents(line) == 100_000
    # A new seat for the same enrolment commits again.
    _seat(enrolment)
    assert line_left_cents(line) == 75_000


def test_completing_turns_the_commitment_into_spending_once(enrolment, line):
    _seat(enrolment)
    enrolment_complete(enrolment=enrolment)
    enrolment_complete(enrolment=enrolment)
    assert _kinds(enrolment) == [(EntryKind.COMMITTED, 25_000), (EntryKind.SPENT, 25_000)]
    # Released after completion: nothing to release.
    enrolment_released.send(sender=type(enrolment), enrolment=enrolment)
    row = budget_report(line.source.region).sources[0]
    assert (row.committed, row.spent, row.left) == (0, 25_000, 100_000_000 - 25_000)


def test_completing_a_seat_that_was_never_committed_commits_and_spends(enrolment, line):
    enrolment_complete(enrolment=enrolment)
    assert _kinds(enrolment) == [(EntryKind.COMMITTED, 25_000), (EntryKind.SPENT, 25_000)]


def test_the_course_line_goes_before_the_target_group_line(region, line):
    course = CourseFactory(seat_cost_cents=10_000)
    course_line = BudgetLineFactory(source=line.source, target_group="", course=course, amount_cents=50_000)
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    _seat(enrolment)
    assert BudgetEntry.objects.get().line == course_line


def test_a_source_whose_period_does_not_hold_the_cohort_is_not_used(region):
    BudgetLineFactory(source=FundingSourceFactory(starts_on=date(2020, 1, 1), ends_on=date(2022, 12, 31)))
    enrolment = EnrolmentFactory(cohort=CohortFactory(starts_on=date(2024, 3, 1)))
    _seat(enrolment)
    entry = BudgetEntry.objects.get()
    assert entry.line is None
    report = budget_report(region)
    assert report.uncovered.committed == entry.amount_cents


@pytest.mark.parametrize("cost_kind", [CostKind.FREE, CostKind.EMPLOYER])
def test_courses_the_plan_does_not_pay_book_nothing(line, cost_kind):
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=CourseFactory(cost_kind=cost_kind)))
    _seat(enrolment)
    enrolment_complete(enrolment=enrolment)
    assert not BudgetEntry.objects.exists()


def test_over_commitment_is_allowed_and_flagged(region):
    BudgetLineFactory(amount_cents=30_000)
    course = CourseFactory(seat_cost_cents=25_000)
    first, second = (EnrolmentFactory(cohort=CohortFactory(course=course)) for _ in range(2))
    _seat(first)
    _seat(second)
    flags = list(BudgetEntry.objects.order_by("pk").values_list("over_budget", flat=True))
    assert flags == [False, True]
    report = budget_report(region)
    (row,) = report.lines
    assert row.left == -20_000 and row.is_over and row.over_budget == 1
    assert report.total.over_budget == 1


def test_the_money_stays_when_the_learner_deletes_their_account(enrolment, line):
    from veerkracht.accounts.services import account_delete

    _seat(enrolment)
    enrolment_complete(enrolment=enrolment)
    account_delete(user=enrolment.user)
    entry = BudgetEntry.objects.get(kind=EntryKind.SPENT)
    assert entry.enrolment_id is None and entry.amount_cents == 25_000
    assert budget_report(line.source.region).total.spent == 25_000


def test_the_rollup_rebuilt_from_the_ledger_is_what_the_bookings_kept(region, line, enrolment):
    from veerkracht.learning.services.budget import budget_totals_rebuild

    _seat(enrolment)
    others = [EnrolmentFactory(cohort=enrolment.cohort) for _ in range(3)]
    for other in others:
        _seat(other)
    enrolment_complete(enrolment=others[0])
    enrolment_released.send(sender=type(others[1]), enrolment=others[1])
    before = budget_report(region)
    budget_totals_rebuild(region=region)
    after = budget_report(region)
    for name in ("sources", "lines", "target_groups", "organisations", "subregions"):
        assert [(r.key, r.committed, r.spent) for r in getattr(before, name)] == [
            (r.key, r.committed, r.spent) for r in getattr(after, name)
        ]
    assert (after.total.committed, after.total.spent) == (50_000, 25_000)


def test_a_target_counts_each_person_once_on_completion(region, line):
    from veerkracht.learning.models import Target

    from .factories.budget import TargetFactory

    target = TargetFactory(people=10)
    learner = EnrolmentFactory().user
    for _ in range(2):  # two courses of the same group: one person
        enrolment_complete(enrolment=EnrolmentFactory(user=learner))
    enrolment_complete(enrolment=EnrolmentFactory())
    assert Target.objects.get(pk=target.pk).reached == 2
    assert budget_report(region).targets[0].reached == 2
