"""Demo: an intervision group of "Het andere gesprek voeren" with six members and its facilitator,
three meetings that took place (with check-ins and reflections) and three to come.

The catalogue's demo (ORDER 10) makes the course, its cohorts and enrolments; when it is not there,
this loader makes a small course, cohort and learners of its own, so it also runs alone."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from veerkracht.accounts.demo import DEMO_DOMAIN
from veerkracht.accounts.models import Role, User
from veerkracht.accounts.services import user_create
from veerkracht.agenda.services.organise import event_record_held
from veerkracht.regions.models import Region

from ..models import Cohort, CostKind, Course, CourseFormat, Enrolment, EnrolmentStatus, TargetGroup
from ..models.intervision import IntervisionGroup
from ..services.intervision import (
    intervision_group_create,
    intervision_meetings_link,
    intervision_meetings_plan,
    reflection_save,
)

ORDER = 30
SLUG = "het-andere-gesprek-voeren"
MEMBERS = 6
LEARNERS = [
    ("Fleur Hendriks", "praktijkondersteuner"),
    ("Bram Vos", "wijkverpleegkundige"),
    ("Yasmina El Idrissi", "maatschappelijk werker"),
    ("Joep Smeets", "fysiotherapeut"),
    ("Lotte Coenen", "jeugdverpleegkundige"),
    ("Ruud Bemelmans", "buurtsportcoach"),
]
REFLECTIONS = [
    "Ik merkte dat ik sneller met oplossingen kom dan nodig is. Volgende keer vraag ik eerst door.",
    "Mooi om te horen hoe anderen het spinnenweb gebruiken. Ik probeer het bij een nieuwe cliënt.",
    "De oefening met stiltes vond ik lastig, maar ik zag wat het doet: de ander gaat zelf verder.",
    "Ik neem mee dat ik vaker vraag wat voor iemand belangrijk is, in plaats van wat er mis is.",
]


def _person(email: str, name: str, *roles: str) -> User:
    user = User.objects.filter(email=email).first()
    return user or user_create(email=email, display_name=name, roles=roles)


def _course(region: Region) -> Course:
    course = Course.objects.filter(region=region, slug=SLUG).first()
    if course is not None:
        return course
    return Course.objects.create(
        region=region,
        slug=SLUG,
        title="Het andere gesprek voeren",
        summary="Je oefent met een gesprek over wat voor iemand belangrijk is, niet alleen over klachten.",
        description="Online leer je de basis; in een intervisiegroep oefen je samen met collega's.",
        target_group=TargetGroup.PROFESSIONAL,
        format=CourseFormat.BLENDED,
        duration="4 uur online en 4 bijeenkomsten van 2 uur",
        study_hours=12,
        cost_kind=CostKind.PLAN,
        seat_cost_cents=35000,
        accreditation_register="Kwaliteitsregister V&VN",
        accreditation_points=8,
        min_meetings=3,
        published_at=timezone.now() - timedelta(days=400),
    )


def _cohort(course: Course, facilitator: User) -> Cohort:
    # A cohort that has begun (its meetings are partly past), the latest; else any.
    started = course.cohorts.filter(starts_on__lte=timezone.localdate())
    cohort = (
        started.order_by("-starts_on", "pk").first() or course.cohorts.order_by("starts_on", "pk").first()
    )
    if cohort is None:
        start = timezone.localdate() - timedelta(weeks=14)
        cohort = Cohort.objects.create(
            course=course, title="Intervisie Heerlen", starts_on=start, capacity=16
        )
    if cohort.facilitator_id is None:
        cohort.facilitator = facilitator
        cohort.save(update_fields=["facilitator", "updated_at"])
    return cohort


def _learners(cohort: Cohort) -> list[User]:
    """Seated learners of the cohort; demo learners of our own when there are too few."""
    seated = [
        e.user
        for e in cohort.enrolments.filter(status__in=(EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED))
        .select_related("user__profile")
        .order_by("pk")[:MEMBERS]
    ]
    for i, (name, job) in enumerate(LEARNERS[len(seated) :], start=len(seated) + 1):
        user = _person(f"intervisie{i}@{DEMO_DOMAIN}", f"{name} ({job})", Role.PROFESSIONAL)
        Enrolment.objects.get_or_create(
            cohort=cohort, user=user, defaults={"status": EnrolmentStatus.ENROLLED}
        )
        seated.append(user)
    return seated[:MEMBERS]


def _past_meetings(group: IntervisionGroup, facilitator: User, members: list[User]) -> list:
    today = timezone.localdate()
    events = []
    for weeks_ago, absent in ((12, 5), (8, 2), (4, None)):
        day = today - timedelta(weeks=weeks_ago)
        starts = timezone.make_aware(datetime.combine(day, time(19, 30)))
        attendees = [(m.display_name, m.email, m) for i, m in enumerate(members) if i != absent]
        fields = {
            "kind": "training",
            "visibility": "closed",
            "title": f"Intervisie: {group.name}",
            "description": f"Bijeenkomst van de intervisiegroep {group.name}.",
            "starts_at": starts,
            "ends_at": starts + timedelta(hours=2),
            "capacity": 9,
            "max_places": 1,
            "organiser_name": group.cohort.course.region.name,
            "venue": "Buurthuis De Kern, Heerlen",
        }
        events.append(
            event_record_held(
                region=group.cohort.course.region, organiser=facilitator, fields=fields, attendees=attendees
            )
        )
    intervision_meetings_link(group=group, events=events)
    return events


@transaction.atomic
def load(region: Region) -> list[str]:
    if IntervisionGroup.objects.filter(cohort__course__region=region, cohort__course__slug=SLUG).exists():
        return []
    facilitator = _person(f"begeleider@{DEMO_DOMAIN}", "Miriam Kersten (begeleider intervisie)", Role.COACH)
    coordinator = User.objects.filter(role_assignments__role=Role.TRAINING_COORDINATOR).first() or facilitator
    cohort = _cohort(_course(region), facilitator)
    members = _learners(cohort)
    group = intervision_group_create(
        cohort=cohort, name="Intervisiegroep Heerlen", members=members, actor=coordinator
    )
    past = _past_meetings(group, facilitator, members)
    for n, event in enumerate(past):
        for i, member in enumerate(members[:4]):
            reflection_save(group=group, event_id=event.pk, author=member, text=REFLECTIONS[(n + i) % 4])
    intervision_meetings_plan(
        group=group,
        actor=coordinator,
        first=timezone.localdate() + timedelta(weeks=2),
        starts=time(19, 30),
        ends=time(21, 30),
        count=3,
        weeks_between=4,
        place="Buurthuis De Kern, Heerlen",
    )
    return [f"learning: intervisiegroep '{group.name}' met {len(members)} deelnemers en 6 bijeenkomsten"]
