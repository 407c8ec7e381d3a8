"""Demo: four courses in our own words, the learning path Basis → Het andere gesprek voeren →
Implementatiecoach, cohorts from 2020 to 2027 across Noord-, Midden- and Zuid-Limburg, and over 200
professionals (plus volunteers) who completed courses in 2020–2022; some upcoming enrolments, a
waiting list and requests waiting for approval.

Past enrolments are rows made here (the services refuse cohorts that already started), seated with the
same signal the service sends, completed through ``enrolment_complete`` (so other features react, e.g.
certificates and the budget) and then backdated. Upcoming ones go through ``enrolment_request``.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from veerkracht.accounts.demo import DEMO_DOMAIN
from veerkracht.accounts.models import MembershipRole, Organisation, Role, User
from veerkracht.accounts.services import membership_set, user_create
from veerkracht.regions.models import Municipality, Region, Subregion

from ..models import Cohort, Course, Enrolment, EnrolmentStatus, LearningPath
from ..services.catalogue import cohort_save, course_publish, course_save, path_save
from ..services.enrolments import enrolment_complete, enrolment_request
from ..signals import enrolment_seated

ORDER = 10
FIRST = ["Anne", "Bas", "Carla", "Daan", "Eva", "Femke", "Gijs", "Hanneke", "Ivo", "Joyce", "Koen", "Lieke"]
LAST = ["Janssen", "Peeters", "Hendrikx", "Smeets", "Willems", "Vossen", "Claessens", "Dassen", "Kusters"]
PROFESSIONALS = 220
VOLUNTEERS = 30

COURSES = [
    {
        "slug": "basis-positieve-gezondheid",
        "title": "Basis Positieve Gezondheid",
        "summary": "Een online cursus over de kern: gezondheid als het vermogen om je aan te passen en zelf "
        "de regie te voeren. Je oefent met het gesprek over wat iemand belangrijk vindt.",
        "description": "Je leert in je eigen tempo wat Positieve Gezondheid is en waarom het werkt. Je kijkt "
        "naar de zes kanten van gezondheid, oefent met korte voorbeelden uit de praktijk en maakt aan het "
        "eind een toets. Na de cursus kun je het idee uitleggen aan collega's en cliënten.",
        "target_group": "professional",
        "format": "elearning",
        "duration": "ongeveer 4 uur online, in je eigen tempo",
        "study_hours": 4,
        "cost_kind": "plan",
        "seat_cost_cents": 7500,
        "accreditation_register": "Accreditatiebureau Sociaal Domein",
        "accreditation_points": 4,
        "requires_elearning": True,
    },
    {
        "slug": "het-andere-gesprek-voeren",
        "title": "Het andere gesprek voeren",
        "summary": "E-learning en vier bijeenkomsten in een vaste groep. Je oefent het gesprek over wat "
        "iemand belangrijk vindt, en bespreekt je eigen gesprekken met collega's.",
        "description": "Eerst doe je de e-learning. Daarna kom je vier keer bij elkaar met een vaste groep "
        "en een begeleider. Je brengt gesprekken uit je eigen werk in, oefent met elkaar en krijgt feedback. "
        "Zo wordt het andere gesprek een gewoonte.",
        "target_group": "professional",
        "format": "blended",
        "duration": "3 uur online en 4 bijeenkomsten van 2,5 uur",
        "study_hours": 14,
        "cost_kind": "plan",
        "seat_cost_cents": 45000,
        "accreditation_register": "Accreditatiebureau Sociaal Domein",
        "accreditation_points": 12,
        "requires_elearning": True,
        "min_meetings": 3,
    },
    {
        "slug": "implementatiecoach",
        "title": "Implementatiecoach",
        "summary": "Een leergang voor wie Positieve Gezondheid in een organisatie wil invoeren: je leert een "
        "plan maken, collega's meenemen en volhouden.",
        "description": "In zes dagdelen leer je hoe je een organisatie helpt om anders te gaan werken. Je "
        "maakt een plan voor je eigen organisatie, leert van andere coaches en krijgt begeleiding tijdens de "
        "invoering. De coördinator scholing kijkt eerst of de leergang bij je past.",
        "target_group": "coach",
        "format": "leergang",
        "duration": "6 dagdelen in een half jaar",
        "study_hours": 40,
        "cost_kind": "employer",
        "seat_cost_cents": 125000,
        "requires_approval": True,
    },
    {
        "slug": "vrijwilliger-positieve-gezondheid-in-je-buurt",
        "title": "Vrijwilliger: Positieve Gezondheid in je buurt",
        "summary": "Een avond voor vrijwilligers: hoe vertel je buurtgenoten in het buurthuis of bij de club "
        "over Positieve Gezondheid?",
        "description": "Samen met andere vrijwilligers oefen je hoe je het gesprek begint, met het "
        "spinnenweb als hulpmiddel. Je gaat naar huis met ideeën voor een eerste activiteit in je eigen "
        "buurt.",
        "target_group": "volunteer",
        "format": "classroom",
        "duration": "1 avond van 3 uur",
        "study_hours": 3,
        "cost_kind": "free",
        "seat_cost_cents": 0,
    },
]


def _courses(region: Region, coordinator) -> dict[str, Course]:
    found = {}
    for data in COURSES:
        course = course_save(course=Course(region=region, **data), by=coordinator)
        course_publish(course=course, by=coordinator)
        found[course.slug] = course
    Course.objects.filter(pk__in=[c.pk for c in found.values()]).update(
        published_at=timezone.make_aware(datetime(2020, 1, 6, 9))
    )
    return found


def _cohorts(courses: dict[str, Course], subregions: list[Subregion], coordinator) -> dict[str, list[Cohort]]:
    cohorts: dict[str, list[Cohort]] = {slug: [] for slug in courses}
    for year in range(2020, 2028):
        for half, month in enumerate((3, 9)):
            start = date(year, month, 1)
            for i, (slug, course) in enumerate(courses.items()):
                online = course.format == "elearning"
                cohort = Cohort(
                    course=course,
                    title=f"{'voorjaar' if half == 0 else 'najaar'} {year}",
                    subregion=None if online else subregions[(year + half + i) % len(subregions)],
                    starts_on=start + timedelta(days=7 * i),
                    ends_on=start + timedelta(days=7 * i + (10 if online else 90)),
                    enrol_until=start + timedelta(days=7 * i - 3),
                    capacity=None
                    if online
                    else (12 if slug != "vrijwilliger-positieve-gezondheid-in-je-buurt" else 20),
                    facilitator=coordinator if not online else None,
                )
                cohort_save(cohort=cohort, meetings=[], by=coordinator)
                cohorts[slug].append(cohort)
    return cohorts


def _people(region: Region, rng: random.Random) -> tuple[list[User], list[User]]:
    munis = list(Municipality.objects.filter(region=region))
    organisations = list(Organisation.objects.filter(region=region).order_by("name"))
    made: list[User] = []
    for n in range(1, PROFESSIONALS + VOLUNTEERS + 1):
        kind = "professional" if n <= PROFESSIONALS else "vrijwilliger"
        user = user_create(
            email=f"{kind}{n:03d}@{DEMO_DOMAIN}",
            display_name=f"{FIRST[n % len(FIRST)]} {LAST[(n * 5) % len(LAST)]}",
            municipality=rng.choice(munis) if munis else None,
        )
        if organisations and kind == "professional":
            membership_set(
                organisation=organisations[n % len(organisations)], user=user, role=MembershipRole.MEMBER
            )
        made.append(user)
    return made[:PROFESSIONALS], made[PROFESSIONALS:]


def _completed(cohort: Cohort, user: User, coordinator) -> Enrolment:
    enrolment = Enrolment(cohort=cohort, user=user, status=EnrolmentStatus.ENROLLED, enrolled_by=user)
    enrolment.full_clean()
    enrolment.save()
    enrolment_seated.send(sender=Enrolment, enrolment=enrolment)
    enrolment = enrolment_complete(enrolment=enrolment, by=coordinator)
    started = timezone.make_aware(datetime.combine(cohort.starts_on, time(9))) - timedelta(days=20)
    done = timezone.make_aware(datetime.combine(cohort.ends_on or cohort.starts_on, time(17)))
    Enrolment.objects.filter(pk=enrolment.pk).update(created_at=started, completed_at=done, updated_at=done)
    return enrolment


def _history(cohorts: dict[str, list[Cohort]], professionals, volunteers, coordinator, rng) -> int:
    """Completions spread over 2020–2022: everyone the basis, many the conversation course, a few the
    coaching course; the volunteers their evening."""
    past = {slug: [c for c in rows if 2020 <= c.starts_on.year <= 2022] for slug, rows in cohorts.items()}
    count = 0
    basis, talk, coach, volunteer = (past[c["slug"]] for c in COURSES)
    for i, user in enumerate(professionals):
        first = i % len(basis)
        _completed(basis[first], user, coordinator)
        count += 1
        if i % 5 < 3 and first + 1 < len(talk):
            _completed(
                talk[rng.randrange(first, len(talk))] if first < len(talk) - 1 else talk[-1],
                user,
                coordinator,
            )
            count += 1
        if i % 12 == 0 and first + 2 < len(coach):
            _completed(coach[-1], user, coordinator)
            count += 1
    for i, user in enumerate(volunteers):
        _completed(volunteer[i % len(volunteer)], user, coordinator)
        count += 1
    return count


def _meetings(cohort: Cohort, coordinator) -> None:
    """Four intervision meetings in the agenda, two weeks apart, for a cohort still to start."""
    from veerkracht.agenda.services.organise import event_create

    municipality = Municipality.objects.filter(subregion=cohort.subregion).order_by("name").first()
    events = []
    for n in range(4):
        starts = timezone.make_aware(datetime.combine(cohort.starts_on + timedelta(weeks=2 * n), time(19)))
        fields = {
            "kind": "training",
            "title": f"{cohort.course.title}: bijeenkomst {n + 1}",
            "description": "Intervisie in een vaste groep: je brengt een gesprek uit je eigen werk in.",
            "starts_at": starts,
            "ends_at": starts + timedelta(hours=2, minutes=30),
            "capacity": 20,
            "municipality": municipality,
            "subregion": cohort.subregion,
            "organiser_name": "Coördinator scholing",
        }
        events.append(event_create(region=cohort.course.region, organiser=coordinator, fields=fields))
    cohort_save(cohort=cohort, meetings=events, by=coordinator)


def _upcoming(cohorts: dict[str, list[Cohort]], people: list[User], coordinator) -> None:
    """Enrolments in the next cohorts: a full conversation group with a waiting list (its meetings in
    the agenda), and requests for the coaching course waiting for the coordinator."""
    today = timezone.localdate()
    nxt = {
        slug: next((c for c in rows if c.starts_on >= today + timedelta(days=7)), None)
        for slug, rows in cohorts.items()
    }
    talk, coach, basis = (
        nxt["het-andere-gesprek-voeren"],
        nxt["implementatiecoach"],
        nxt["basis-positieve-gezondheid"],
    )
    if talk is not None and coordinator is not None:
        _meetings(talk, coordinator)
    queue = iter(people[-40:])
    for cohort, count in ((talk, 15), (coach, 4), (basis, 10)):
        if cohort is None:
            continue
        for _ in range(count):
            enrolment_request(cohort=cohort, user=next(queue))


@transaction.atomic
def load(region: Region) -> list[str]:
    if Course.objects.filter(region=region, slug=COURSES[0]["slug"]).exists():
        return []
    coordinator = User.objects.filter(role_assignments__role=Role.TRAINING_COORDINATOR).order_by("pk").first()
    subregions = list(Subregion.objects.filter(region=region).order_by("name"))
    if not subregions:
        return []
    rng = random.Random(15)  # noqa: S311 - demo data, not security
    courses = _courses(region, coordinator)
    path = LearningPath(
        region=region,
        slug="van-basis-tot-implementatiecoach",
        title="Van basis tot implementatiecoach",
        summary="Eerst de basis, dan het andere gesprek, en wie het in de eigen organisatie wil invoeren: de "
        "leergang implementatiecoach.",
    )
    slugs = [c["slug"] for c in COURSES[:3]]
    path_save(path=path, course_order=[(courses[s], n) for n, s in enumerate(slugs, 1)], by=coordinator)
    cohorts = _cohorts(courses, subregions, coordinator)
    professionals, volunteers = _people(region, rng)
    completed = _history(cohorts, professionals, volunteers, coordinator, rng)
    _upcoming(cohorts, professionals, coordinator)
    lines = [f"learning: 4 courses, {len(professionals) + len(volunteers)} learners, {completed} completions"]
    if coordinator is not None:
        lines.append(f"  training coordinator: {coordinator.email}")
    return lines
