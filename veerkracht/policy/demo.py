"""Demo data for the policy register: an entry for every municipality of the region, some with history.

In Limburg every municipality has Positive Health in its local health policy (the seeds), so every demo
entry says yes, since a year from 2016 to 2024, with levels and social themes (the seeds name debt
counselling, work and income and district teams most). Document links point to example.org: we do not
invent addresses of real municipal documents. A few municipalities get two or three versions, so the
history can be seen. The demo analyst works for "Gemeente Heerlen" and can change Heerlen's entry.

Deterministic (seeded per municipality code, fixed dates) and idempotent: municipalities that already
have an entry are left alone.
"""

from __future__ import annotations

import random
from datetime import datetime
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils.text import slugify

from veerkracht.accounts import services as account_services
from veerkracht.accounts.models import Membership, MembershipRole, Organisation, OrganisationType, Role, User
from veerkracht.regions.models import Municipality, Region

from .models import MunicipalityPolicy, PolicyLevel, PolicyVersion, SocialTheme
from .services import policy_save

ANALYST_EMAIL = "analist@demo.veerkracht.nl"
REGION_ADMIN_EMAIL = "beheer@demo.veerkracht.nl"
MUNICIPALITY_ORGANISATION = ("Gemeente Heerlen", "GM0917")
TZ = ZoneInfo("Europe/Amsterdam")

# The seeds' themes first: most municipalities link Positive Health to one of these.
CORE_THEMES = [SocialTheme.DEBT, SocialTheme.WORK, SocialTheme.DISTRICT_TEAMS]
OTHER_THEMES = [t for t in SocialTheme if t not in CORE_THEMES]
TITLES = [
    "Lokale gezondheidsnota {name} {start}-{end}",
    "Positief Gezond {name}: gezondheidsbeleid {start}-{end}",
    "Samen gezond in {name}: nota volksgezondheid {start}-{end}",
    "Kadernota sociaal domein en gezondheid {name} {start}-{end}",
]
THEME_NOTES = {
    SocialTheme.DEBT: "bij schuldhulp",
    SocialTheme.WORK: "bij werk en inkomen",
    SocialTheme.DISTRICT_TEAMS: "in de sociale wijkteams",
    SocialTheme.POVERTY: "in de aanpak van armoede",
    SocialTheme.YOUTH: "in het jeugdbeleid",
    SocialTheme.ELDERLY: "bij de ondersteuning van ouderen",
    SocialTheme.LONELINESS: "in de aanpak van eenzaamheid",
    SocialTheme.HOUSING: "bij wonen",
    SocialTheme.SPORT: "bij sport en bewegen",
    SocialTheme.EDUCATION: "in het onderwijs",
    SocialTheme.CARE: "in zorg en ondersteuning",
    SocialTheme.ENVIRONMENT: "in de gezonde leefomgeving",
}


@transaction.atomic
def load(region: Region) -> list[str]:
    """Create what is missing; return the lines to print."""
    users = {u.email: u for u in User.objects.filter(email__in=[ANALYST_EMAIL, REGION_ADMIN_EMAIL])}
    organisation, member = _municipality_member(region, users.get(ANALYST_EMAIL))
    admin = users.get(REGION_ADMIN_EMAIL)
    have = set(
        MunicipalityPolicy.objects.filter(municipality__region=region).values_list(
            "municipality_id", flat=True
        )
    )
    created = 0
    for municipality in Municipality.objects.filter(region=region).order_by("code"):
        if municipality.pk in have:
            continue
        own = member if organisation and municipality.pk == organisation.municipality_id else None
        for when, state in _versions(municipality):
            _save(municipality, own or admin, state, when)
        created += 1
    lines = [f"  Policy register: {created} municipalities added"]
    if member is not None and organisation is not None:
        lines.append(
            f"  {member.email} works for {organisation.name}: can change the policy register entry of "
            f"{organisation.municipality.name}"
        )
    return lines


def _municipality_member(region: Region, analyst: User | None) -> tuple[Organisation | None, User | None]:
    """The municipality organisation of the demo, with the demo analyst as a member (if both exist)."""
    name, code = MUNICIPALITY_ORGANISATION
    municipality = Municipality.objects.filter(region=region, code=code).first()
    if municipality is None:
        return None, None
    organisation = (
        Organisation.objects.filter(
            region=region, type=OrganisationType.MUNICIPALITY, municipality=municipality
        )
        .order_by("pk")
        .first()
    )
    if organisation is None:
        organisation = account_services.organisation_create(
            name=name, type=OrganisationType.MUNICIPALITY, region=region, municipality=municipality
        )
        # Not "joined today": the monitor counts partners per month.
        Organisation.objects.filter(pk=organisation.pk).update(created_at=datetime(2019, 9, 2, 10, tzinfo=TZ))
    if analyst is None or not analyst.has_role(Role.ANALYST):
        return organisation, None
    if not Membership.objects.filter(user=analyst, organisation=organisation).exists():
        account_services.membership_set(organisation=organisation, user=analyst, role=MembershipRole.MEMBER)
    return organisation, analyst


def _versions(municipality: Municipality) -> list[tuple[datetime, dict]]:
    """One to three states of the entry, oldest first, each with the moment it was saved."""
    rng = random.Random(f"policy:{municipality.code}")  # noqa: S311 - demo data, not security
    since = rng.randint(2016, 2024)
    themes = [rng.choice(CORE_THEMES), *rng.sample(OTHER_THEMES, rng.randint(0, 2))]
    themes += [t for t in CORE_THEMES if t not in themes and rng.random() < 0.45]
    levels = [
        PolicyLevel.MACRO,
        *rng.sample([PolicyLevel.NANO, PolicyLevel.MICRO, PolicyLevel.MESO], rng.randint(1, 3)),
    ]
    template = rng.choice(TITLES)
    final = _state(municipality, since, levels, themes, template, start=max(since, rng.randint(2021, 2025)))
    last_saved = datetime(2025, rng.randint(1, 10), rng.randint(1, 28), 10, tzinfo=TZ)
    history = rng.random() < 0.3 or municipality.code == MUNICIPALITY_ORGANISATION[1]
    if not history or since > 2022:
        return [(last_saved, final)]
    # An earlier document and fewer themes and levels, later completed.
    first_saved = datetime(max(since, 2021) + 1, rng.randint(1, 10), rng.randint(1, 28), 10, tzinfo=TZ)
    first = _state(municipality, since, levels[:2], themes[:1], template, start=since)
    versions = [(first_saved, first)]
    if rng.random() < 0.6:
        middle = dict(first, themes=final["themes"])
        versions.append((datetime(first_saved.year, 12, 15, 10, tzinfo=TZ), middle))
    versions.append((last_saved, final))
    return versions


def _state(municipality, since, levels, themes, template, *, start: int) -> dict:
    title = template.format(name=municipality.name, start=start, end=start + 4)
    ordered_themes = [t.value for t in SocialTheme if t in themes]
    notes = (
        "De gemeente werkt met Positieve Gezondheid " + _join([THEME_NOTES[t] for t in ordered_themes]) + "."
    )
    return {
        "in_policy": True,
        "since_year": since,
        "document_title": title,
        "document_url": f"https://example.org/{slugify(municipality.name)}/{slugify(title)}",
        "levels": [lvl.value for lvl in PolicyLevel if lvl in levels],
        "themes": ordered_themes,
        "notes": notes,
    }


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]


def _save(municipality: Municipality, user: User | None, state: dict, when: datetime) -> None:
    before = PolicyVersion.objects.filter(policy__municipality=municipality).count()
    policy = policy_save(municipality=municipality, user=user, **state)
    latest = PolicyVersion.objects.filter(policy__municipality=municipality).order_by("-pk").first()
    if latest is None or before == PolicyVersion.objects.filter(policy__municipality=municipality).count():
        return  # nothing changed, nothing saved
    # The service stamps "now"; demo history needs its own dates.
    PolicyVersion.objects.filter(pk=latest.pk).update(changed_at=when)
    MunicipalityPolicy.objects.filter(pk=policy.pk).update(updated_at=when)
