"""Demo data for `make run`: a living action centre for Limburg.

About 60 ambassadors, 30 partner organisations (some core partners), 80 initiatives over the three
subregions and all phases (with their phase history, needs, updates and partners), requests in every
status with their timelines, offers, and connections in every state. Deterministic (fixed seed) and
idempotent: nothing is added when the region already has initiatives.
"""

from __future__ import annotations

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from veerkracht.accounts import demo as accounts_demo
from veerkracht.accounts import services as account_services
from veerkracht.accounts.demo import DEMO_DOMAIN
from veerkracht.accounts.models import MembershipRole, Organisation, Role, User
from veerkracht.core.vocabulary import DIMENSIONS, THEMES
from veerkracht.regions.models import Municipality, Region

from .demo_content import (
    AVAILABILITY_CYCLE,
    EXPERTISE,
    EXTRA_ORGANISATIONS,
    FIRST_NAMES,
    INITIATIVE_KINDS,
    LAST_NAMES,
    LESSONS,
    NEWS,
    REQUESTS,
)
from .models import (
    REVISED_FIELDS,
    AmbassadorProfile,
    CloseReason,
    Connection,
    ConnectionStatus,
    EventKind,
    Follow,
    FollowKind,
    Initiative,
    InitiativePartner,
    InitiativeRevision,
    InitiativeUpdate,
    Need,
    Offer,
    PartnerProfile,
    PartnerStatus,
    Phase,
    PhaseChange,
    Request,
    RequestEvent,
    RequestStatus,
    Review,
)
from .tokens import hash_token, new_token
from .vocab import HELP_TYPES


@transaction.atomic
def load(region: Region) -> list[str]:
    if Initiative.objects.filter(region=region).exists():
        return []
    rng = random.Random(2017)  # noqa: S311 - demo data, not security
    now = timezone.now()
    munis = list(Municipality.objects.filter(region=region).select_related("subregion").order_by("code"))
    organisations = _organisations(region, munis, rng)
    ambassadors = _ambassadors(region, munis, organisations, rng)
    staff = User.objects.filter(email=f"actiecentrum@{DEMO_DOMAIN}").first()
    resident = User.objects.filter(email=f"inwoner@{DEMO_DOMAIN}").first()
    initiatives = _initiatives(region, munis, organisations, ambassadors, staff, resident, rng, now)
    _waiting_examples(initiatives, organisations, resident, now)
    offers = _offers(region, munis, organisations, ambassadors, rng, now)
    requests = _requests(region, munis, staff, resident, initiatives, rng, now)
    _connections(region, initiatives, requests, offers, ambassadors, staff, rng, now)
    return []


def _pick(rng: random.Random, flags, low: int, high: int) -> int:
    return flags.mask(rng.sample(flags.keys, rng.randint(low, high)))


def _organisations(region, munis, rng) -> list[Organisation]:
    existing = {o.name for o in Organisation.objects.filter(region=region)}
    created = []
    for name, org_type, core in EXTRA_ORGANISATIONS:
        if name not in existing:
            place = next((m for m in munis if m.name in name), rng.choice(munis))
            created.append(
                account_services.organisation_create(
                    name=name,
                    type=org_type,
                    region=region,
                    municipality=place,
                    is_core_partner=core,
                    description=f"{name} werkt in Limburg mee aan Positieve Gezondheid.",
                )
            )
    accounts_demo.organisations_backdate(created)  # partners joined over the years, not all today
    organisations = list(Organisation.objects.filter(region=region).select_related("municipality"))
    for org in organisations:
        PartnerProfile.objects.get_or_create(
            organisation=org,
            defaults={
                "themes": _pick(rng, THEMES, 2, 4),
                "dimensions": _pick(rng, DIMENSIONS, 1, 3),
                "help_types": _pick(rng, HELP_TYPES, 1, 3),
                "subregion": org.municipality.subregion if org.municipality else None,
            },
        )
    return organisations


def _ambassadors(region, munis, organisations, rng) -> list[AmbassadorProfile]:
    users = list(User.objects.filter(role_assignments__role=Role.AMBASSADOR))
    created = []
    n = 0
    while len(users) < 60:
        n += 1
        first, last = FIRST_NAMES[n % len(FIRST_NAMES)], LAST_NAMES[(n * 7) % len(LAST_NAMES)]
        email = f"ambassadeur{n:02d}@{DEMO_DOMAIN}"
        if User.objects.filter(email=email).exists():
            continue
        created.append(
            account_services.user_create(
                email=email,
                display_name=f"{first} {last}",
                roles=[Role.AMBASSADOR],
                municipality=rng.choice(munis),
            )
        )
        users.append(created[-1])
    accounts_demo.roles_backdate(created)  # ambassadors trained since 2019, more in recent years
    profiles = []
    for i, user in enumerate(users):
        place = user.profile.municipality or rng.choice(munis)
        organisation = rng.choice(organisations) if i % 3 else None
        if organisation is not None:
            account_services.membership_set(organisation=organisation, user=user, role=MembershipRole.MEMBER)
        profile, _created = AmbassadorProfile.objects.get_or_create(
            user=user,
            defaults={
                "region": region,
                "expertise": EXPERTISE[i % len(EXPERTISE)],
                "bio": "Ik werk met Positieve Gezondheid en denk graag mee over jouw idee.",
                "organisation": organisation,
                "municipality": place,
                "subregion": place.subregion,
                "themes": _pick(rng, THEMES, 2, 4),
                "dimensions": _pick(rng, DIMENSIONS, 1, 3),
                "help_types": HELP_TYPES.mask(["knowledge", "contacts"]),
                "availability": AVAILABILITY_CYCLE[i % len(AVAILABILITY_CYCLE)],
            },
        )
        profiles.append(profile)
    return profiles


def _initiatives(region, munis, organisations, ambassadors, staff, resident, rng, now) -> list[Initiative]:
    # 80 initiatives: phases in a realistic spread, a few still waiting for approval.
    phases = [Phase.INSPIRE] * 24 + [Phase.CONNECT] * 26 + [Phase.ACCELERATE] * 20 + [Phase.STOPPED] * 10
    rng.shuffle(phases)
    initiatives = []
    for i, phase in enumerate(phases):
        title_t, summary, themes, dims, needs = INITIATIVE_KINDS[i % len(INITIATIVE_KINDS)]
        place = munis[(i * 7) % len(munis)]
        title = title_t.format(place=place.name)
        started = now - timedelta(days=rng.randint(60, 7 * 365))
        owner_profile = ambassadors[i % len(ambassadors)] if i % 4 else None
        owner = resident if (i == 5 and resident) else (owner_profile.user if owner_profile else None)
        organisation = None if owner else organisations[i % len(organisations)]
        initiative = Initiative.objects.create(
            region=region,
            slug=_unique_slug(title),
            title=title,
            summary=summary,
            description=(
                f"{summary} We begonnen in {started:%Y} met een paar mensen uit {place.name}. "
                "Iedereen is welkom: je hoeft niets te kunnen, alleen zin te hebben om mee te doen."
            ),
            municipality=place,
            subregion=place.subregion,
            who=owner.display_name if owner else organisation.name,
            owner=owner,
            organisation=organisation,
            themes=THEMES.mask(themes),
            dimensions=DIMENSIONS.mask(dims),
            phase=phase,
            lesson=LESSONS[i % len(LESSONS)] if phase == Phase.STOPPED else "",
            review=Review.PENDING if i in (3, 41) else Review.PUBLIC,
            created_at=started,
        )
        # Demo partners agreed to be named (models/partnerships.py).
        initiative.partners.set(
            rng.sample(organisations, rng.randint(0, 3)), through_defaults={"status": PartnerStatus.ACCEPTED}
        )
        _phase_history(initiative, phase, started, now, staff, rng)
        _needs_and_news(initiative, needs, place, owner or staff, started, rng)
        initiatives.append(initiative)
    if resident:
        for initiative in initiatives[:3]:
            Follow.objects.create(
                initiative=initiative,
                user=resident,
                kind=FollowKind.FOLLOW,
                unsubscribe_hash=hash_token(new_token()),
            )
            Initiative.objects.filter(pk=initiative.pk).update(followers_count=1)
    return initiatives


def _waiting_examples(initiatives, organisations, resident, now) -> None:
    """Something in each queue: new texts and news for staff, a partner request for the demo partner."""
    initiative = next((i for i in initiatives if i.owner_id and i.owner == resident and i.is_public), None)
    if initiative is None:
        return
    texts = {name: getattr(initiative, name) for name in REVISED_FIELDS}
    InitiativeRevision.objects.create(
        initiative=initiative,
        author=resident,
        before=texts,
        created_at=now - timedelta(days=1),
        **(texts | {"summary": f"{initiative.summary} Nu ook op zaterdag!"}),
    )
    InitiativeUpdate.objects.create(
        initiative=initiative,
        author=resident,
        text="Zaterdag was er een open dag. Er kwamen veertig buren langs!",
        review=Review.PENDING,
        created_at=now - timedelta(hours=5),
    )
    linde = next((o for o in organisations if o.name == "Huisartsenpraktijk De Linde"), None)
    if linde is not None:
        InitiativePartner.objects.update_or_create(
            initiative=initiative,
            organisation=linde,
            defaults={"status": PartnerStatus.PENDING, "requested_by": resident, "requested_at": now},
        )


def _needs_and_news(initiative: Initiative, needs, place, author, started, rng) -> None:
    for help_type in needs:
        Need.objects.create(
            initiative=initiative,
            help_type=help_type,
            description=_need_text(help_type, place.name),
            is_open=initiative.phase != Phase.STOPPED and rng.random() < 0.7,
            created_at=started + timedelta(days=3),
        )
    for k in range(rng.randint(1, 3)):
        InitiativeUpdate.objects.create(
            initiative=initiative,
            author=author,
            text=NEWS[k],
            created_at=started + timedelta(days=30 * (k + 1)),
        )


def _unique_slug(title: str) -> str:
    base = slugify(title)[:120] or "initiatief"
    slug, n = base, 1
    while Initiative.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _phase_history(initiative, phase, started, now, staff, rng) -> None:
    path = {
        Phase.INSPIRE: [Phase.INSPIRE],
        Phase.CONNECT: [Phase.INSPIRE, Phase.CONNECT],
        Phase.ACCELERATE: [Phase.INSPIRE, Phase.CONNECT, Phase.ACCELERATE],
        Phase.STOPPED: [Phase.INSPIRE, Phase.CONNECT, Phase.STOPPED],
    }[phase]
    reasons = {
        Phase.INSPIRE: "Het idee is binnengekomen bij het actiecentrum.",
        Phase.CONNECT: "Er zijn mensen en een plek gevonden; we zoeken partners.",
        Phase.ACCELERATE: "Het loopt. Partners helpen om het groter te maken.",
        Phase.STOPPED: "Het initiatief is gestopt.",
    }
    span = max((now - started).days, len(path))
    previous = ""
    for step, to_phase in enumerate(path):
        PhaseChange.objects.create(
            initiative=initiative,
            from_phase=previous,
            to_phase=to_phase,
            changed_by=staff,
            reason=reasons[to_phase],
            changed_at=started + timedelta(days=span * step // len(path)),
        )
        previous = to_phase


def _need_text(help_type: str, place: str) -> str:
    return {
        "people": f"Vrijwilligers uit {place} die een uur per week willen helpen",
        "place": f"Een ruimte in {place} voor een ochtend per week",
        "money": "Een klein budget voor materiaal en koffie",
        "knowledge": "Iemand die meedenkt over hoe we dit volhouden",
        "contacts": "Contact met de huisarts en het wijkteam",
        "publicity": "Hulp om meer mensen te bereiken",
    }[help_type]


def _offers(region, munis, organisations, ambassadors, rng, now) -> list[Offer]:
    texts = {
        "people": ("Ik help een dagdeel per week", "Ik ben vrijwilliger en heb tijd over."),
        "place": ("Zaal te gebruiken", "Onze zaal is 's ochtends vaak leeg. Gebruik hem gratis."),
        "money": ("Klein budget voor buurtinitiatieven", "Tot 500 euro voor een goed idee in de buurt."),
        "knowledge": ("Meedenken over je plan", "Ik help je plan eenvoudig en haalbaar te maken."),
        "contacts": ("Ik breng je in contact", "Ik ken veel mensen in zorg en welzijn in de regio."),
        "publicity": ("Aandacht in onze nieuwsbrief", "We delen je initiatief met 3.000 lezers."),
    }
    offers = []
    for i in range(60):
        help_type = HELP_TYPES.keys[i % len(HELP_TYPES.keys)]
        title, description = texts[help_type]
        if i % 2:
            profile = ambassadors[i % len(ambassadors)]
            owner, organisation, place = profile.user, None, profile.municipality
        else:
            organisation = organisations[i % len(organisations)]
            member = organisation.memberships.select_related("user").first()
            owner = member.user if member else ambassadors[i % len(ambassadors)].user
            place = organisation.municipality if i % 3 else None
        offers.append(
            Offer.objects.create(
                region=region,
                owner=owner,
                organisation=organisation,
                help_type=help_type,
                title=title,
                description=description,
                themes=_pick(rng, THEMES, 1, 3),
                dimensions=_pick(rng, DIMENSIONS, 1, 2),
                municipality=place,
                subregion=place.subregion if place else None,
                created_at=now - timedelta(days=rng.randint(1, 700)),
            )
        )
    return offers


def _requests(region, munis, staff, resident, initiatives, rng, now) -> list[Request]:
    statuses = [RequestStatus.NEW] * 8 + [RequestStatus.HANDLING] * 8 + [RequestStatus.CONNECTED] * 6
    statuses += [RequestStatus.CLOSED] * 8
    requests = []
    for i, status in enumerate(statuses):
        kind, title, description = REQUESTS[i % len(REQUESTS)]
        place = munis[(i * 5) % len(munis)]
        first = FIRST_NAMES[(i * 3) % len(FIRST_NAMES)]
        is_demo_resident = i == 9 and resident is not None
        created = now - timedelta(days=(i % 8) * 3 + (1 if status == RequestStatus.NEW else 20), hours=i)
        if status in (RequestStatus.CLOSED, RequestStatus.CONNECTED):
            # Finished requests are spread over the last two years, so the monitor shows a history.
            created = now - timedelta(days=60 + (i * 47) % 640, hours=i)
        request = Request.objects.create(
            region=region,
            kind=kind,
            title=title,
            description=description,
            municipality=place,
            themes=_pick(rng, THEMES, 1, 2),
            dimensions=_pick(rng, DIMENSIONS, 0, 2),
            needs=_pick(rng, HELP_TYPES, 1, 2),
            name=resident.display_name if is_demo_resident else first,
            email=resident.email if is_demo_resident else f"{first.lower()}{i}@voorbeeld.nl",
            contact_consent=True,
            sender=resident if is_demo_resident else None,
            token_hash=hash_token(new_token()),
            status=status,
            close_reason=[CloseReason.DONE, CloseReason.INITIATIVE, CloseReason.REFERRED][i % 3]
            if status == RequestStatus.CLOSED
            else "",
            assignee=staff if status != RequestStatus.NEW else None,
            initiative=initiatives[i] if status == RequestStatus.CLOSED and i % 3 == 1 else None,
            created_at=created,
            status_changed_at=created + timedelta(days=2) if status != RequestStatus.NEW else created,
        )
        _request_timeline(request, staff, created)
        requests.append(request)
    return requests


def _request_timeline(request: Request, staff, created) -> None:
    """What happened to a demo request so far: arrived, picked up, its status path, a note, a reply."""
    RequestEvent.objects.create(request=request, kind=EventKind.CREATED, created_at=created)
    if request.status == RequestStatus.NEW:
        return
    RequestEvent.objects.create(
        request=request, kind=EventKind.ASSIGNED, actor=staff, created_at=created + timedelta(days=1)
    )
    path = {
        RequestStatus.HANDLING: [RequestStatus.HANDLING],
        RequestStatus.CONNECTED: [RequestStatus.HANDLING, RequestStatus.CONNECTED],
        RequestStatus.CLOSED: [RequestStatus.HANDLING, RequestStatus.CLOSED],
    }[request.status]
    previous = RequestStatus.NEW
    for step, to_status in enumerate(path):
        RequestEvent.objects.create(
            request=request,
            kind=EventKind.STATUS,
            actor=staff,
            from_status=previous,
            to_status=to_status,
            created_at=created + timedelta(days=1 + step),
        )
        previous = to_status
    RequestEvent.objects.create(
        request=request,
        kind=EventKind.NOTE,
        actor=staff,
        text="Gebeld met de indiener. Past goed bij wat er al in de buurt gebeurt.",
        created_at=created + timedelta(days=1, hours=2),
    )
    RequestEvent.objects.create(
        request=request,
        kind=EventKind.STAFF_MESSAGE,
        actor=staff,
        text="Dank voor je bericht! We zoeken iemand die je verder kan helpen.",
        created_at=created + timedelta(days=1, hours=3),
    )


def _connections(region, initiatives, requests, offers, ambassadors, staff, rng, now) -> None:
    needs = list(Need.objects.filter(initiative__in=initiatives).select_related("initiative__owner"))
    states = (
        [ConnectionStatus.ACCEPTED] * 20 + [ConnectionStatus.PROPOSED] * 6 + [ConnectionStatus.DECLINED] * 4
    )
    for i, status in enumerate(states):
        need = needs[(i * 11) % len(needs)]
        matching = [o for o in offers if o.help_type == need.help_type] or offers
        offer = matching[i % len(matching)] if i % 3 else None
        ambassador = None if offer else ambassadors[(i * 5) % len(ambassadors)]
        initiative = need.initiative
        asker = initiative.owner
        created = now - timedelta(days=rng.randint(5, 600))
        Connection.objects.create(
            region=region,
            need=need,
            offer=offer,
            ambassador=ambassador,
            asker_name=asker.display_name if asker else initiative.who,
            asker_email=asker.email if asker else f"info@{slugify(initiative.who)[:30]}.voorbeeld.nl",
            helper_name=offer.owner.display_name if offer else ambassador.user.display_name,
            helper_email=offer.owner.email if offer else ambassador.user.email,
            message=f"{need.description}: dit aanbod past goed, in de buurt en bij jullie thema.",
            proposed_by=staff,
            asker_token_hash=hash_token(new_token()),
            helper_token_hash=hash_token(new_token()),
            asker_answer=None if status == ConnectionStatus.PROPOSED else True,
            helper_answer={ConnectionStatus.ACCEPTED: True, ConnectionStatus.DECLINED: False}.get(status),
            status=status,
            created_at=created,
            decided_at=None if status == ConnectionStatus.PROPOSED else created + timedelta(days=4),
        )
    for i, request in enumerate(r for r in requests if r.status == RequestStatus.CONNECTED):
        profile = ambassadors[(i * 3) % len(ambassadors)]
        Connection.objects.create(
            region=region,
            request=request,
            ambassador=profile,
            asker_name=request.name,
            asker_email=request.email,
            helper_name=profile.user.display_name,
            helper_email=profile.user.email,
            message="Deze ambassadeur weet veel over jouw onderwerp.",
            proposed_by=staff,
            asker_token_hash=hash_token(new_token()),
            helper_token_hash=hash_token(new_token()),
            asker_answer=True,
            helper_answer=True,
            status=ConnectionStatus.ACCEPTED,
            created_at=request.status_changed_at,
            decided_at=request.status_changed_at + timedelta(days=1),
        )
