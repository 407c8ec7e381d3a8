"""Demo implementation coaching: two coaches with the organisations they support since 2021, an
implementation plan per organisation (goals, steps, some done) and a log of contacts.

The first coach's login is printed with the other demo logins; the partner admin of the demo
(Huisartsenpraktijk De Linde) sees that practice's plan and can tick off its steps.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction

from veerkracht.accounts import demo as accounts_demo
from veerkracht.accounts import services as account_services
from veerkracht.accounts.demo import DEMO_DOMAIN, DEMO_PASSWORD
from veerkracht.accounts.models import Organisation, Role, User
from veerkracht.regions.models import Region

from ..models import CoachLink
from ..services import coaching as services

ORDER = 50

COACHES = [
    (f"coach@{DEMO_DOMAIN}", "Yvonne Coenen"),  # also a demo login (accounts/demo.py)
    (f"coach2@{DEMO_DOMAIN}", "Bram Hermans (implementatiecoach)"),
]
# (coach, organisation, since, goals, steps (text, owner, due, done), contacts (date, kind, hours, notes))
PLANS = [
    (
        0,
        "Huisartsenpraktijk De Linde",
        date(2021, 3, 1),
        "Alle assistenten en praktijkondersteuners voeren het andere gesprek met patiënten met een "
        "chronische aandoening. Het spinnenweb hoort bij de jaarcontrole.",
        [
            (
                "Teamoverleg over Positieve Gezondheid",
                "praktijkmanager",
                date(2021, 4, 15),
                date(2021, 4, 12),
            ),
            (
                "Twee assistenten volgen de training",
                "praktijkmanager",
                date(2021, 10, 1),
                date(2021, 11, 3),
            ),
            ("Spinnenweb in de jaarcontrole diabetes", "POH somatiek", date(2027, 3, 1), None),
        ],
        [
            (
                date(2021, 3, 10),
                "visit",
                "2",
                "Kennismaking met de praktijkmanager en de huisartsen. Er is draagvlak, maar weinig tijd.",
            ),
            (
                date(2021, 4, 12),
                "workshop",
                "3",
                "Teamworkshop: iedereen vulde zelf het spinnenweb in. Veel herkenning.",
            ),
            (
                date(2022, 2, 8),
                "call",
                "1",
                "Twee assistenten hebben de training afgerond. Volgende stap: de jaarcontrole.",
            ),
        ],
    ),
    (
        0,
        "Sociaal wijkteam Venlo-Oost",
        date(2021, 9, 1),
        "Het wijkteam gebruikt het spinnenweb als start van elk keukentafelgesprek en bespreekt "
        "casussen in intervisie.",
        [
            ("Intervisiegroep starten", "teamleider", date(2022, 1, 31), date(2022, 2, 10)),
            ("Werkwijze vastleggen in het teamplan", "teamleider", date(2026, 12, 31), None),
        ],
        [
            (
                date(2021, 9, 20),
                "visit",
                "2",
                "Startgesprek met de teamleider. Het team wil vooral oefenen.",
            ),
            (
                date(2022, 2, 10),
                "workshop",
                "2,5",
                "Eerste intervisie: twee casussen besproken met de vragen van het spinnenweb.",
            ),
        ],
    ),
    (
        1,
        "Welzijn Roermond",
        date(2022, 1, 10),
        "Vrijwilligers in de buurthuizen maken inwoners bekend met Positieve Gezondheid.",
        [
            (
                "Vrijwilligers werven voor de training",
                "coördinator vrijwilligers",
                date(2022, 4, 1),
                date(2022, 3, 20),
            ),
            ("Inloopochtend 'Hoe gaat het echt met je?'", "buurthuis De Ster", date(2027, 1, 31), None),
        ],
        [
            (
                date(2022, 1, 25),
                "visit",
                "1,5",
                "Kennismaking; er zijn al vijf vrijwilligers die mee willen doen.",
            ),
            (
                date(2022, 6, 14),
                "call",
                "0,5",
                "Training is gestart, de buurthuizen plannen inloopochtenden.",
            ),
        ],
    ),
    (
        1,
        "Gemeente Heerlen",
        date(2022, 5, 1),
        "Positieve Gezondheid als taal in het gezondheidsbeleid en in de subsidievoorwaarden.",
        [("Beleidsmedewerkers volgen de workshop", "afdeling Sociaal Domein", date(2022, 9, 30), None)],
        [
            (
                date(2022, 5, 17),
                "other",
                "1",
                "Gesprek met de wethouder en twee beleidsmedewerkers over de nota.",
            )
        ],
    ),
]


def _coach(email: str, name: str) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = account_services.user_create(
            email=email, password=DEMO_PASSWORD, display_name=name, roles=[Role.COACH]
        )
        accounts_demo.activate_demo_totp(user)
        accounts_demo.roles_backdate([user])
    return user


@transaction.atomic
def load(region: Region) -> list[str]:
    coaches = [_coach(email, name) for email, name in COACHES]
    if CoachLink.objects.filter(organisation__region=region).exists():
        return []
    organisations = {o.name: o for o in Organisation.objects.filter(region=region)}
    linked = 0
    for coach_index, name, since, goals, steps, contacts in PLANS:
        organisation = organisations.get(name)
        if organisation is None:
            continue
        coach = coaches[coach_index]
        services.coach_link_create(coach=coach, organisation=organisation, starts_on=since)
        services.plan_goals_save(organisation=organisation, goals=goals)
        for text, owner, due, done in steps:
            step = services.plan_step_add(organisation=organisation, text=text, owner=owner, due_on=due)
            if done:
                services.plan_step_mark_done(step=step, on=done)
        for day, kind, hours, notes in contacts:
            services.coaching_contact_add(
                organisation=organisation,
                happened_on=day,
                kind=kind,
                hours=Decimal(hours.replace(",", ".")),
                notes=notes,
                author=coach,
            )
        linked += 1
    return [f"  {len(coaches)} implementatiecoaches begeleiden {linked} organisaties"]
