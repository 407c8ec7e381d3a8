"""Demo accounts and organisations for `make run` (one login per role)."""

from __future__ import annotations

import time as clock
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from veerkracht.regions.models import Municipality, Region

from . import services
from .models import (
    MFA_REQUIRED_ROLES,
    MembershipRole,
    Organisation,
    OrganisationType,
    Role,
    RoleAssignment,
    User,
)

DEMO_DOMAIN = "demo.veerkracht.nl"
DEMO_PASSWORD = "Veerkracht-demo-2026"  # noqa: S105 - printed by `make run` on purpose


@dataclass(frozen=True)
class DemoAccount:
    email: str
    name: str
    role: str | None
    municipality: str  # CBS code
    age_band: str
    also: tuple[str, ...] = ()  # more roles of the same person

    @property
    def roles(self) -> list[str]:
        return [role for role in (self.role, *self.also) if role]


DEMO_ACCOUNTS = [
    DemoAccount(f"inwoner@{DEMO_DOMAIN}", "Anouk", None, "GM0917", "35-44"),
    DemoAccount(
        f"professional@{DEMO_DOMAIN}", "Sanne Janssen (huisarts)", Role.PROFESSIONAL, "GM0917", "45-54"
    ),
    # The ambassador also organises sessions in the agenda (and so logs in in two steps).
    DemoAccount(
        f"ambassadeur@{DEMO_DOMAIN}",
        "Wim Hendrix",
        Role.AMBASSADOR,
        "GM0983",
        "55-64",
        also=(Role.ORGANISER,),
    ),
    DemoAccount(f"actiecentrum@{DEMO_DOMAIN}", "Fatima El Amrani", Role.STAFF, "GM0957", "25-34"),
    DemoAccount(f"partner@{DEMO_DOMAIN}", "Ruud Peeters", Role.PARTNER_ADMIN, "GM0935", "45-54"),
    DemoAccount(f"analist@{DEMO_DOMAIN}", "Lotte Vos", Role.ANALYST, "GM1883", "25-34"),
    DemoAccount(f"beheer@{DEMO_DOMAIN}", "Marco Smeets", Role.REGION_ADMIN, "GM0935", "35-44"),
    DemoAccount(f"scholing@{DEMO_DOMAIN}", "Ingrid Coenen", Role.TRAINING_COORDINATOR, "GM0957", "45-54"),
    DemoAccount(f"coach@{DEMO_DOMAIN}", "Yvonne Coenen", Role.COACH, "GM0917", "45-54"),
]

# Organisations named in the Limburg documents, plus a few local ones.
DEMO_ORGANISATIONS = [
    ("GGD Zuid Limburg", OrganisationType.GGD, True, "GM0917"),
    ("GGD Limburg-Noord", OrganisationType.GGD, True, "GM0983"),
    ("Burgerkracht Limburg", OrganisationType.CITIZENS, True, "GM0957"),
    ("Zuyd Hogeschool", OrganisationType.EDUCATION, True, "GM0917"),
    ("Gemeente Heerlen", OrganisationType.MUNICIPALITY, False, "GM0917"),
    ("Huisartsenpraktijk De Linde", OrganisationType.GP_PRACTICE, False, "GM0917"),
    ("Sociaal wijkteam Venlo-Oost", OrganisationType.DISTRICT_TEAM, False, "GM0983"),
    ("Welzijn Roermond", OrganisationType.WELFARE, False, "GM0957"),
]


def demo_user(role: str | None) -> User | None:
    for account in DEMO_ACCOUNTS:
        if account.role == role:
            return User.objects.filter(email=account.email).first()
    return None


@transaction.atomic
def load(region: Region) -> list[str]:
    """Create what is missing; return the lines to print. Safe to run on every `make run`."""
    munis = {m.code: m for m in Municipality.objects.filter(region=region)}
    orgs = {o.name: o for o in Organisation.objects.filter(region=region)}
    created_orgs = []
    for name, org_type, core, code in DEMO_ORGANISATIONS:
        if name not in orgs:
            orgs[name] = services.organisation_create(
                name=name, type=org_type, region=region, municipality=munis.get(code), is_core_partner=core
            )
            created_orgs.append(orgs[name])
    organisations_backdate(created_orgs)
    existing = set(User.objects.filter(email__endswith=f"@{DEMO_DOMAIN}").values_list("email", flat=True))
    for account in DEMO_ACCOUNTS:
        if account.email in existing:
            continue
        user = services.user_create(
            email=account.email,
            password=DEMO_PASSWORD,
            display_name=account.name,
            roles=account.roles,
            municipality=munis.get(account.municipality),
            age_band=account.age_band,
        )
        if account.role == Role.PARTNER_ADMIN:
            services.membership_set(
                organisation=orgs["Huisartsenpraktijk De Linde"], user=user, role=MembershipRole.ADMIN
            )
        if account.role == Role.PROFESSIONAL:
            services.membership_set(
                organisation=orgs["Huisartsenpraktijk De Linde"], user=user, role=MembershipRole.MEMBER
            )
        if MFA_REQUIRED_ROLES & set(account.roles):
            activate_demo_totp(user)
        roles_backdate([user])
    width = max(len(a.email) for a in DEMO_ACCOUNTS)
    lines = [
        f"  {a.email:<{width}}  {', '.join(str(Role(r).label) for r in a.roles) or Role.RESIDENT.label}"
        for a in DEMO_ACCOUNTS
    ]
    return lines


# --- Plausible history --------------------------------------------------------------------------
# Creation times are "now" when the demo is loaded, so the monitor's trends of partners and
# ambassadors would all jump in the current month. The movement started in 2019: demo organisations
# and roles get a fixed date since then (the same key always gets the same day, no random state).
MOVEMENT_START = date(2019, 1, 1)
LAST_SINCE = date(2026, 6, 30)


def demo_since(
    key: str, *, first: date = MOVEMENT_START, last: date = LAST_SINCE, later: float = 1.0
) -> datetime:
    """A fixed moment between `first` and `last` (never after yesterday) for a demo object.

    With `later` above 1 more objects get a later date, as in a growing movement.
    """
    last = min(last, timezone.localdate() - timedelta(days=1))
    first = min(first, last)
    fraction = (zlib.crc32(key.encode()) % 10_007) / 10_007
    day = first + timedelta(days=int((last - first).days * fraction ** (1 / later)))
    return timezone.make_aware(datetime.combine(day, time(10)))


def organisations_backdate(organisations: Iterable[Organisation]) -> None:
    """Core partners joined in the first three years, the others spread until now (more recently)."""
    for org in organisations:
        if org.is_core_partner:
            since = demo_since(f"organisation:{org.slug}", last=date(2021, 12, 31))
        else:
            since = demo_since(f"organisation:{org.slug}", first=date(2019, 6, 1), later=1.6)
        Organisation.objects.filter(pk=org.pk).update(created_at=since)


def roles_backdate(users: Iterable[User], *, later: float = 1.6) -> None:
    """Each user's roles (and account) date from a fixed moment since 2019."""
    for user in users:
        since = demo_since(f"roles:{user.email}", first=date(2019, 3, 1), later=later)
        RoleAssignment.objects.filter(user=user).update(created_at=since)
        User.objects.filter(pk=user.pk, date_joined__gt=since).update(date_joined=since)


def activate_demo_totp(user: User) -> None:
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(user, generate_totp_secret())
    RecoveryCodes.activate(user)


def demo_totp_codes() -> list[dict]:
    """Current two-step codes of the demo accounts, so a newcomer can try staff roles."""
    from allauth.mfa.adapter import get_adapter
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    period = getattr(settings, "MFA_TOTP_PERIOD", 30)
    counter = int(clock.time()) // period
    seconds_left = period - int(clock.time()) % period
    rows = []
    authenticators = Authenticator.objects.filter(
        type=Authenticator.Type.TOTP, user__email__endswith=f"@{DEMO_DOMAIN}"
    ).select_related("user")
    for auth in authenticators.order_by("user__email"):
        secret = get_adapter().decrypt(auth.data["secret"])
        rows.append(
            {
                "email": auth.user.email,
                "code": format_hotp_value(hotp_value(secret, counter)),
                "seconds_left": seconds_left,
            }
        )
    return rows
