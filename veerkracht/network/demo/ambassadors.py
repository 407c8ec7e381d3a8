"""Demo ambassadors: the sixty demo people with the ambassador role (made by the accounts and action-centre
demos) get a plausible history: about 45 active, some still starting, 3 paused and 4 stopped with a
reason; spread over most Limburg municipalities (several have none, on purpose); and 5 open applications
(2 invited). The demo ambassador (ambassadeur@…) is active with a complete checklist.

Rows are written in bulk: the whole module takes well under a second."""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from veerkracht.accounts import services as account_services
from veerkracht.accounts.demo import DEMO_DOMAIN, demo_since
from veerkracht.accounts.models import Role, RoleAssignment, User
from veerkracht.core.vocabulary import DIMENSIONS, THEMES
from veerkracht.regions.models import Municipality, Region

from ..models import (
    Ambassador,
    AmbassadorApplication,
    AmbassadorEvent,
    AmbassadorStatus,
    ApplicationStatus,
    Background,
    EventKind,
    TimeAvailable,
)

ORDER = 10
TOTAL = 60
LEAD = f"ambassadeur@{DEMO_DOMAIN}"
Status = AmbassadorStatus
# Municipalities without an ambassador (CBS codes), so coverage shows gaps.
WITHOUT = {"GM0882", "GM0888", "GM0899", "GM0965", "GM0981", "GM0986", "GM1640"}
STOP_REASONS = [
    "Ik heb een nieuwe baan met onregelmatige diensten. Er bleef te weinig tijd over.",
    "Ik miste contact met andere ambassadeurs in mijn buurt; alleen is het lastig volhouden.",
    "Mijn eigen gezondheid vraagt nu alle aandacht.",
    "Ik ben verhuisd naar Brabant.",
]
PAUSE_REASONS = ["Mantelzorg voor mijn moeder", "Even rust na een drukke periode", ""]
MOTIVATIONS = [
    "Als wijkverpleegkundige zie ik hoe mensen opbloeien als je vraagt wat zij belangrijk vinden.",
    "Ik organiseer al jaren de koffieochtend in ons dorp en wil dit gesprek daar vaker voeren.",
    "Na mijn eigen ziekte merkte ik hoeveel het spinnenweb mij hielp. Dat wil ik doorgeven.",
    "Ik werk bij de schuldhulp en wil collega's laten zien dat het gesprek anders kan.",
    "Ik ben trainer bij de voetbalclub en wil ouders en jongeren bereiken.",
]
APPLICANTS = ["Noor Smeets", "Bram Vliegen", "Esra Yilmaz", "Tom Hermans", "Ilse Bours"]


def _users() -> list[User]:
    users = list(
        User.objects.filter(role_assignments__role=Role.AMBASSADOR, email__endswith=f"@{DEMO_DOMAIN}")
        .select_related("profile")
        .order_by("email")
    )
    n = 0
    while len(users) < TOTAL:  # without the action-centre demo: make the rest
        n += 1
        email = f"ambassadeur-netwerk{n:02d}@{DEMO_DOMAIN}"
        if not User.objects.filter(email=email).exists():
            users.append(
                account_services.user_create(
                    email=email, display_name=f"Ambassadeur {n}", roles=[Role.AMBASSADOR]
                )
            )
    lead = [u for u in users if u.email == LEAD]
    return lead + [u for u in users if u.email != LEAD][: TOTAL - len(lead)]


def _plan(count: int) -> list[str]:
    """The status of each ambassador after the lead (who is active)."""
    plan = [Status.STOPPED] * 4 + [Status.PAUSED] * 3 + [Status.ONBOARDING] * 8
    return [Status.ACTIVE, *(plan + [Status.ACTIVE] * (count - 1 - len(plan)))[: count - 1]]


def _shape(ambassador: Ambassador, status: str, place, rng: random.Random, since: date, today: date) -> None:
    ambassador.status = status
    ambassador.municipality = place
    ambassador.background = Background.PROFESSIONAL if rng.random() < 0.7 else Background.RESIDENT
    ambassador.themes = THEMES.mask(rng.sample(THEMES.keys, rng.randint(1, 3)))
    ambassador.dimensions = DIMENSIONS.mask(rng.sample(DIMENSIONS.keys, rng.randint(1, 2)))
    ambassador.started_on = since
    done = status != Status.ONBOARDING
    ambassador.intro_held_on = since + timedelta(days=7) if done or rng.random() < 0.6 else None
    workshop = since + timedelta(days=30)
    ambassador.workshop_on = workshop if (done or rng.random() < 0.3) and workshop < today else None
    ambassador.onboarded_on = min(since + timedelta(days=45), today) if done else None


def _history(ambassador: Ambassador, region: Region, i: int, today: date) -> list[AmbassadorEvent]:
    def step(kind, on, reason=""):
        return AmbassadorEvent(ambassador=ambassador, region=region, kind=kind, on=on, reason=reason)

    since = ambassador.started_on
    events = [step(EventKind.STARTED, since)]
    later = since + (today - since) * 2 // 3
    if ambassador.status == Status.STOPPED:
        events.append(step(EventKind.STOPPED, later, STOP_REASONS[i % len(STOP_REASONS)]))
    elif ambassador.status == Status.PAUSED:
        events.append(step(EventKind.PAUSED, later, PAUSE_REASONS[i % len(PAUSE_REASONS)]))
    elif ambassador.status == Status.ACTIVE and i % 9 == 5 and (today - since).days > 200:
        events += [step(EventKind.PAUSED, since + timedelta(days=90)), step(EventKind.RESUMED, later)]
    return events


def _since(user: User, status: str, role_dates: dict[int, date], rng: random.Random, today: date) -> date:
    if status == Status.ONBOARDING:
        return today - timedelta(days=rng.randint(5, 60))
    return role_dates.get(user.pk) or demo_since(f"ambassador:{user.email}", later=1.6).date()


def _ambassadors(
    region: Region, places: list[Municipality], rng: random.Random, today: date
) -> list[Ambassador]:
    users = _users()
    role_dates = {
        user_id: timezone.localdate(created)
        for user_id, created in RoleAssignment.objects.filter(
            user__in=users, role=Role.AMBASSADOR
        ).values_list("user_id", "created_at")
    }
    existing = {a.user_id: a for a in Ambassador.objects.filter(user__in=users)}
    ambassadors = []
    for i, (user, status) in enumerate(zip(users, _plan(len(users)), strict=True)):
        ambassador = existing.get(user.pk) or Ambassador.objects.create(
            user=user, region=region, background="resident"
        )
        own = user.profile.municipality
        place = own if own is not None and own.code not in WITHOUT else places[(i * 7) % len(places)]
        _shape(ambassador, status, place, rng, _since(user, status, role_dates, rng, today), today)
        ambassador.region = region
        ambassadors.append(ambassador)
    return ambassadors


def _lead_complete(ambassadors: list[Ambassador], today: date) -> None:
    lead = next((a for a in ambassadors if a.user.email == LEAD), None)
    if lead is not None:
        lead.status = Status.ACTIVE
        lead.intro_held_on = lead.started_on + timedelta(days=5)
        lead.workshop_on = min(lead.started_on + timedelta(days=21), today)
        lead.group_joined_on = min(lead.started_on + timedelta(days=30), today)


def _accepted_applications(region: Region, ambassadors: list[Ambassador], staff) -> None:
    starting = [a for a in ambassadors if a.status == Status.ONBOARDING]
    rows = [
        AmbassadorApplication(
            user=a.user,
            region=region,
            motivation=MOTIVATIONS[i % len(MOTIVATIONS)],
            municipality=a.municipality,
            background=a.background,
            time_available=TimeAvailable.FEW_HOURS_MONTH,
            themes=a.themes,
            dimensions=a.dimensions,
            status=ApplicationStatus.ACCEPTED,
            message="Welkom! We plannen samen je kennismaking en de workshop.",
            decided_by=staff,
            decided_at=timezone.now() - timedelta(days=(timezone.localdate() - a.started_on).days),
        )
        for i, a in enumerate(starting)
    ]
    for ambassador, application in zip(
        starting, AmbassadorApplication.objects.bulk_create(rows), strict=True
    ):
        ambassador.application = application


def _open_applications(region: Region, places: list[Municipality], staff, rng: random.Random) -> None:
    rows = []
    for i, name in enumerate(APPLICANTS):
        email = f"aanmelding{i + 1}@{DEMO_DOMAIN}"
        place = places[(i * 5 + 2) % len(places)]
        user = User.objects.filter(email=email).first() or account_services.user_create(
            email=email, display_name=name, municipality=place
        )
        invited = i < 2
        rows.append(
            AmbassadorApplication(
                user=user,
                region=region,
                motivation=MOTIVATIONS[i],
                municipality=place,
                neighbourhood="",
                background=Background.RESIDENT if i % 2 else Background.PROFESSIONAL,
                time_available=list(TimeAvailable.values)[i % 3],
                themes=THEMES.mask(rng.sample(THEMES.keys, 2)),
                dimensions=DIMENSIONS.mask(rng.sample(DIMENSIONS.keys, 1)),
                status=ApplicationStatus.INVITED if invited else ApplicationStatus.SUBMITTED,
                message="Kom je kennismaken? Dinsdag om 10 uur in het actiecentrum, Roermond."
                if invited
                else "",
            )
        )
    AmbassadorApplication.objects.bulk_create(rows)


FIELDS = [
    "region",
    "status",
    "municipality",
    "background",
    "themes",
    "dimensions",
    "started_on",
    "intro_held_on",
    "workshop_on",
    "group_joined_on",
    "onboarded_on",
    "application",
]


@transaction.atomic
def load(region: Region) -> list[str]:
    if AmbassadorApplication.objects.filter(region=region, user__email__endswith=f"@{DEMO_DOMAIN}").exists():
        return []
    rng = random.Random(2016)  # noqa: S311 - demo data, not security
    today = timezone.localdate()
    places = list(Municipality.objects.filter(region=region).exclude(code__in=WITHOUT).order_by("code"))
    if not places:
        return []
    staff = User.objects.filter(email=f"actiecentrum@{DEMO_DOMAIN}").first()
    ambassadors = _ambassadors(region, places, rng, today)
    _lead_complete(ambassadors, today)
    _accepted_applications(region, ambassadors, staff)
    Ambassador.objects.bulk_update(ambassadors, FIELDS)
    AmbassadorEvent.objects.filter(ambassador__in=ambassadors).delete()
    AmbassadorEvent.objects.bulk_create(
        [event for i, a in enumerate(ambassadors) for event in _history(a, region, i, today)]
    )
    stopped = [a.user for a in ambassadors if a.status == Status.STOPPED]
    for user in stopped:  # already STOPPED: the role's receiver adds nothing
        account_services.role_revoke(user=user, role=Role.AMBASSADOR)
    _open_applications(region, places, staff, rng)
    counts = {status: sum(a.status == status for a in ambassadors) for status in Status.values}
    return [
        "network: {n} ambassadors ({active} active, {onboarding} starting, {paused} paused, "
        "{stopped} stopped), 5 open applications".format(n=len(ambassadors), **counts)
    ]
