"""Demo regional networks: for 2020–2022 the movement's ambitions were "vertaald in concrete doelen" per
regional network. Three networks: Westelijke Mijnstreek reached all its goals (2020–2022), Parkstad is
on track, Noord-Limburg is behind (and missed one deadline). A mix of goals entered by hand (with
notes) and goals that follow a monitor figure.

The values by hand of the running goals are worked out from today, so the statuses hold on the day the
demo is loaded.
"""

from __future__ import annotations

import math
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from veerkracht.accounts.demo import DEMO_DOMAIN
from veerkracht.accounts.models import Organisation, User
from veerkracht.regions.models import Municipality, Region

from ..models import RegionalNetwork
from ..services import networks as services

ORDER = 40

# name, slug, coordinator, subregion slug, municipality codes, members, starts, description
NETWORKS = [
    (
        "Netwerk Positief Gezond Westelijke Mijnstreek",
        "westelijke-mijnstreek",
        f"partner@{DEMO_DOMAIN}",
        "",
        ["GM0888", "GM1883", "GM0971"],
        ["GGD Zuid Limburg", "Zuyd Hogeschool", "Burgerkracht Limburg"],
        date(2020, 1, 15),
        "Gemeenten, GGD, hogeschool en vrijwilligers in Beek, Sittard-Geleen en Stein werken samen aan "
        "Positieve Gezondheid in de wijk.",
    ),
    (
        "Netwerk Positief Gezond Parkstad",
        "parkstad",
        f"actiecentrum@{DEMO_DOMAIN}",
        "",
        ["GM0917", "GM0928", "GM0882", "GM0899", "GM0965", "GM0986", "GM1954"],
        ["Gemeente Heerlen", "Huisartsenpraktijk De Linde", "GGD Zuid Limburg", "Zuyd Hogeschool"],
        date(2023, 1, 1),
        "Huisartsen, gemeente en GGD in Parkstad maken van het andere gesprek de gewone manier van werken.",
    ),
    (
        "Netwerk Positief Gezond Noord-Limburg",
        "noord-limburg",
        f"actiecentrum@{DEMO_DOMAIN}",
        "noord-limburg",
        [],
        ["GGD Limburg-Noord", "Sociaal wijkteam Venlo-Oost"],
        date(2023, 1, 1),
        "Wijkteams en GGD in Noord-Limburg brengen Positieve Gezondheid naar de keukentafel.",
    ),
]

# network slug → goals: title, unit, target, owner, starts, deadline, source, entries [(day, value, note)]
# An entry's value None: worked out from today so the goal is on track (ON) or behind (BEHIND).
ON, BEHIND = "on", "behind"
GOALS = {
    "westelijke-mijnstreek": [
        (
            "Twintig ambassadeurs in de Westelijke Mijnstreek",
            "ambassadeurs",
            20,
            "Burgerkracht Limburg",
            date(2020, 1, 15),
            date(2022, 12, 31),
            "",
            [
                (date(2021, 3, 1), 9, "Telling in het netwerkoverleg van maart."),
                (date(2022, 10, 4), 22, "Na de tweede wervingsronde: 22 actieve ambassadeurs."),
            ],
        ),
        (
            "Elke gemeente een inspiratiesessie per kwartaal",
            "sessies",
            24,
            "GGD Zuid Limburg",
            date(2020, 1, 15),
            date(2022, 12, 31),
            "",
            [(date(2022, 12, 15), 26, "Overzicht van de GGD over 2020 tot en met 2022.")],
        ),
    ],
    "parkstad": [
        (
            "Het andere gesprek in alle huisartsenpraktijken",
            "praktijken",
            40,
            "Huisartsenpraktijk De Linde",
            date(2023, 1, 1),
            date(2027, 12, 31),
            "",
            [
                (date(2024, 1, 10), 8, "Uitvraag onder de praktijken in de regio."),
                (None, ON, "Tweede uitvraag."),
            ],
        ),
        (
            "Dertig partnerorganisaties in Parkstad",
            "organisaties",
            30,
            "Gemeente Heerlen",
            None,
            date(2028, 12, 31),
            "partners",
            [],
        ),
    ],
    "noord-limburg": [
        (
            "Vijftig professionals geschoold",
            "professionals",
            50,
            "GGD Limburg-Noord",
            date(2023, 1, 1),
            date(2027, 6, 30),
            "",
            [(None, BEHIND, "Telling van de GGD; de training startte later dan gepland.")],
        ),
        (
            "Tweehonderd bijeenkomsten in Noord-Limburg",
            "bijeenkomsten",
            200,
            "Sociaal wijkteam Venlo-Oost",
            date(2023, 1, 1),
            date(2027, 12, 31),
            "agenda_sessions",
            [],
        ),
        (
            "Spinnenweb in elk keukentafelgesprek van het wijkteam",
            "procent van de gesprekken",
            100,
            "Sociaal wijkteam Venlo-Oost",
            date(2023, 1, 1),
            date(2025, 12, 31),
            "",
            [(date(2025, 11, 20), 70, "Steekproef van het wijkteam: 7 van de 10 gesprekken.")],
        ),
    ],
}


def _value(kind: str, target: int, starts: date, deadline: date, today: date) -> int:
    elapsed = (today - starts).days / (deadline - starts).days
    if kind == ON:
        return min(target - 1, math.ceil(target * elapsed) + 2)
    return max(0, math.floor(target * elapsed * 0.5))


def _goals(network: RegionalNetwork, owners: dict[str, Organisation], today: date) -> int:
    made = 0
    for title, unit, target, owner, starts, deadline, source, entries in GOALS[network.slug]:
        starts = starts or today - timedelta(days=1)  # a figure counted from now on
        goal = services.goal_create(
            network=network,
            title=title,
            unit=unit,
            target=target,
            baseline=0,
            owner=owners.get(owner),
            starts_on=starts,
            deadline=deadline,
            source=source if source and services.selectors.parse_source(source) else "",
        )
        for day, value, note in entries:
            if day is None:
                day, value = today, _value(value, target, starts, deadline, today)
            services.goal_progress_add(goal=goal, value=value, note=note, on=day)
        made += 1
    return made


@transaction.atomic
def load(region: Region) -> list[str]:
    if RegionalNetwork.objects.filter(region=region).exists():
        return []
    today = timezone.localdate()
    organisations = {o.name: o for o in Organisation.objects.filter(region=region)}
    made = goals = 0
    for name, slug, coordinator, subregion, codes, members, starts, description in NETWORKS:
        network = services.network_create(
            region=region,
            name=name,
            slug=slug,
            starts_on=starts,
            description=description,
            subregion=region.subregions.filter(slug=subregion).first() if subregion else None,
            municipalities=Municipality.objects.filter(region=region, code__in=codes),
            members=[organisations[m] for m in members if m in organisations],
            coordinator=User.objects.filter(email=coordinator).first(),
        )
        goals += _goals(network, organisations, today)
        made += 1
    return [f"  {made} regionale netwerken met {goals} doelen"]
