"""Demo budget: the province's €1,000,000 training plan split over the target groups (and the
"Implementatiecoach" course when the catalogue has it), targets (200 professionals trained in
2020–2022 and more), and the ledger of the enrolments that are there: seats commit, completions spend.

Runs after the catalogue's demo (ORDER 60). Without any enrolment in a course the plan pays (this
feature alone), it makes one small course with a cohort in 2021 and a few learners, so the report is
never empty. Safe to run again: sources, lines and targets are made once, and the ledger books each
enrolment once (the services read what an enrolment already booked).
"""

from __future__ import annotations

from datetime import date, datetime, time

from django.db import transaction
from django.utils import timezone

from veerkracht.accounts import services as account_services
from veerkracht.accounts.demo import DEMO_DOMAIN
from veerkracht.accounts.models import User
from veerkracht.regions.models import Region

from ..models import (
    BudgetEntry,
    BudgetLine,
    Cohort,
    CostKind,
    Course,
    CourseFormat,
    Enrolment,
    EnrolmentStatus,
    FundingSource,
    Target,
    TargetGroup,
)
from ..services.budget import (
    budget_commit_seat,
    budget_spend_seat,
    budget_totals_rebuild,
    euros_text,
    target_recount,
)

ORDER = 60

PLAN_NAME = "Scholingsplan Provincie Limburg"
# Euro per target group; the coaches' part goes to the leergang "Implementatiecoach" when it exists.
SPLIT = [
    (TargetGroup.PROFESSIONAL, 450_000),
    (TargetGroup.COACH, 200_000),
    (TargetGroup.VOLUNTEER, 150_000),
    (TargetGroup.AMBASSADOR, 100_000),
    (TargetGroup.MANAGER, 100_000),
]
TARGETS = [
    (TargetGroup.PROFESSIONAL, 200, date(2020, 1, 1), date(2022, 12, 31)),
    (TargetGroup.COACH, 30, date(2020, 1, 1), date(2022, 12, 31)),
    (TargetGroup.VOLUNTEER, 100, date(2021, 1, 1), date(2023, 12, 31)),
]
SMALL_COURSE_SLUG = "scholingsplan-kennismaking"
SMALL_LEARNERS = 12
SMALL_COMPLETED = 8


def _plan(region: Region) -> FundingSource:
    source = FundingSource.objects.filter(region=region, name=PLAN_NAME).first()
    if source is not None:
        return source
    # The plan runs from 2020; its money may be used until the end of 2027.
    source = FundingSource.objects.create(
        region=region,
        name=PLAN_NAME,
        amount_cents=1_000_000 * 100,
        starts_on=date(2020, 1, 1),
        ends_on=date(2027, 12, 31),
    )
    leergang = Course.objects.filter(
        region=region, title__icontains="implementatiecoach", cost_kind=CostKind.PLAN
    ).first()
    for group, euros in SPLIT:
        if group == TargetGroup.COACH and leergang is not None:
            BudgetLine.objects.create(source=source, course=leergang, amount_cents=150_000 * 100)
            BudgetLine.objects.create(source=source, target_group=group, amount_cents=(euros - 150_000) * 100)
        else:
            BudgetLine.objects.create(source=source, target_group=group, amount_cents=euros * 100)
    for group, people, starts, ends in TARGETS:
        Target.objects.create(
            region=region, target_group=group, people=people, starts_on=starts, ends_on=ends
        )
    return source


def _small_course(region: Region) -> None:
    """One course with a cohort in 2021 and a few learners, when the catalogue's demo is not there."""
    course, _created = Course.objects.get_or_create(
        region=region,
        slug=SMALL_COURSE_SLUG,
        defaults={
            "title": "Kennismaken met Positieve Gezondheid",
            "summary": "Een middag over het andere gesprek, voor professionals.",
            "description": "Je leert wat Positieve Gezondheid is en oefent met het spinnenweb.",
            "target_group": TargetGroup.PROFESSIONAL,
            "format": CourseFormat.CLASSROOM,
            "duration": "een middag",
            "study_hours": 4,
            "cost_kind": CostKind.PLAN,
            "seat_cost_cents": 25_000,
            "published_at": timezone.make_aware(datetime(2021, 1, 4, 9)),
        },
    )
    cohort, _created = Cohort.objects.get_or_create(
        course=course, title="Voorjaar 2021", defaults={"starts_on": date(2021, 3, 15), "capacity": 20}
    )
    for n in range(SMALL_LEARNERS):
        email = f"cursist{n + 1}@{DEMO_DOMAIN}"
        user = User.objects.filter(email=email).first() or account_services.user_create(
            email=email, display_name=f"Cursist {n + 1}"
        )
        done = n < SMALL_COMPLETED
        Enrolment.objects.get_or_create(
            cohort=cohort,
            user=user,
            defaults={
                "status": EnrolmentStatus.COMPLETED if done else EnrolmentStatus.ENROLLED,
                "completed_at": timezone.make_aware(datetime(2021, 6, 1 + n, 16)) if done else None,
            },
        )


def _backfill(region: Region) -> int:
    """Book every seated or completed enrolment of a course the plan pays (each only once)."""
    enrolments = Enrolment.objects.filter(
        cohort__course__region=region,
        cohort__course__cost_kind=CostKind.PLAN,
        status__in=(EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED),
    ).select_related("cohort")
    booked = 0
    for enrolment in enrolments:
        seated_on = max(
            timezone.localtime(enrolment.created_at).date(), enrolment.cohort.starts_on.replace(day=1)
        )
        seated_on = min(seated_on, enrolment.cohort.starts_on)
        if enrolment.status == EnrolmentStatus.COMPLETED:
            budget_commit_seat(enrolment=enrolment, on=seated_on)
            done = enrolment.completed_at or timezone.make_aware(
                datetime.combine(enrolment.cohort.starts_on, time(16))
            )
            booked += budget_spend_seat(enrolment=enrolment, on=timezone.localtime(done).date()) is not None
        else:
            booked += budget_commit_seat(enrolment=enrolment, on=seated_on) is not None
    return booked


@transaction.atomic
def load(region: Region) -> list[str]:
    created = not FundingSource.objects.filter(region=region, name=PLAN_NAME).exists()
    if not Enrolment.objects.filter(
        cohort__course__region=region, cohort__course__cost_kind=CostKind.PLAN
    ).exists():
        _small_course(region)
    source = _plan(region)
    if created:
        # The catalogue's demo ran first and its seats were booked before there was a plan, so as "not
        # covered": book them again, now against the plan's lines.
        BudgetEntry.objects.filter(region=region, line__isnull=True).delete()
        budget_totals_rebuild(region=region)
    booked = _backfill(region)
    for target in Target.objects.filter(region=region):
        target_recount(target=target)
    if not created and not booked:
        return []
    from ..selectors.budget import budget_report

    row = next(row for row in budget_report(region).sources if row.key == source.pk)
    return [
        f"  {PLAN_NAME}: € {euros_text(row.budget)}, vastgelegd € {euros_text(row.committed)}, "
        f"uitgegeven € {euros_text(row.spent)}"
    ]
