"""The words of the action centre's demo: names, expertise, organisations, initiatives, requests and
news, all made up (any likeness to real people is chance) but shaped like Limburg's."""

from __future__ import annotations

from veerkracht.accounts.models import OrganisationType

from .models import Availability, RequestKind

FIRST_NAMES = [
    "Anne", "Bram", "Chantal", "Daan", "Esther", "Frank", "Gerda", "Hans", "Ilse", "Jeroen", "Karin",
    "Luc", "Mieke", "Nick", "Olga", "Paul", "Rianne", "Sjef", "Tineke", "Umut", "Vera", "Wiel", "Yara",
    "Zeynep", "Bart", "Carla", "Dirk", "Els", "Fons", "Greet",
]  # fmt: skip
LAST_NAMES = [
    "Janssen", "Smeets", "Peeters", "Hendriks", "Vossen", "Willems", "Coenen", "Jacobs", "Bastiaens",
    "Kusters", "Lemmens", "Dassen", "Geurts", "Houben", "Schreurs", "Nijsten", "Bouwens", "Ramakers",
]  # fmt: skip
EXPERTISE = [
    "Het andere gesprek voeren in de spreekkamer",
    "Positieve Gezondheid in het sociaal wijkteam",
    "Schuldhulp met aandacht voor wat iemand zelf wil",
    "Bewegen in de wijk voor ouderen",
    "Gezond opgroeien: school en jeugd",
    "Vrijwilligers begeleiden bij een buurtinitiatief",
    "Positieve Gezondheid invoeren in een organisatie",
    "Werk en inkomen: mensen weer op weg helpen",
    "Eenzaamheid samen aanpakken met de buurt",
    "Gezond eten met weinig geld",
]
# (name, type, core partner)
EXTRA_ORGANISATIONS = [
    ("Provincie Limburg", OrganisationType.PROVINCE, True),
    ("Fontys Hogescholen", OrganisationType.EDUCATION, True),
    ("Zorgverzekeraar CZ", OrganisationType.INSURER, True),
    ("Zorgverzekeraar VGZ", OrganisationType.INSURER, False),
    ("Ziekenhuis Parkstad", OrganisationType.HOSPITAL, True),
    ("Ziekenhuis Noord-Limburg", OrganisationType.HOSPITAL, False),
    ("Gemeente Maastricht", OrganisationType.MUNICIPALITY, False),
    ("Gemeente Venlo", OrganisationType.MUNICIPALITY, False),
    ("Gemeente Roermond", OrganisationType.MUNICIPALITY, False),
    ("Gemeente Sittard-Geleen", OrganisationType.MUNICIPALITY, False),
    ("Sociaal wijkteam Heerlen-Noord", OrganisationType.DISTRICT_TEAM, False),
    ("Sociaal wijkteam Maastricht-West", OrganisationType.DISTRICT_TEAM, False),
    ("Huisartsenpraktijk Maasoever", OrganisationType.GP_PRACTICE, False),
    ("Huisartsenpraktijk Op de Berg", OrganisationType.GP_PRACTICE, False),
    ("Thuiszorg Heuvelland", OrganisationType.CARE, False),
    ("Ouderenzorg De Maasvallei", OrganisationType.CARE, False),
    ("GGZ Midden-Limburg", OrganisationType.CARE, False),
    ("Welzijn Westelijke Mijnstreek", OrganisationType.WELFARE, False),
    ("Welzijn Peel en Maas", OrganisationType.WELFARE, False),
    ("Bouwbedrijf Kusters", OrganisationType.EMPLOYER, False),
    ("Sportservice Limburg", OrganisationType.OTHER, False),
    ("Buurtkracht Venray", OrganisationType.CITIZENS, False),
]
# (title template, summary, themes, dimensions, needs)
INITIATIVE_KINDS = [
    (
        "Wandelgroep {place}",
        "Elke week samen wandelen en een kop koffie drinken.",
        ["movement", "loneliness"],
        ["body", "participation"],
        ["people", "publicity"],
    ),
    (
        "Moestuin {place}",
        "Samen groente kweken en koken met wat de tuin geeft.",
        ["food", "nature", "neighbourhood"],
        ["body", "meaning"],
        ["place", "knowledge"],
    ),
    (
        "Samen aan tafel in {place}",
        "Een maaltijd voor buurtgenoten die vaak alleen eten.",
        ["loneliness", "food", "elderly"],
        ["participation", "quality"],
        ["people", "money"],
    ),
    (
        "Geldmaatjes {place}",
        "Vrijwilligers helpen mensen met hun post en geldzaken.",
        ["money", "volunteering"],
        ["daily", "mind"],
        ["people", "knowledge"],
    ),
    (
        "Het andere gesprek in de praktijk ({place})",
        "Huisarts en wijkteam vragen eerst: wat vind jij belangrijk?",
        ["care", "mental"],
        ["mind", "meaning"],
        ["knowledge", "contacts"],
    ),
    (
        "Gezonde school {place}",
        "Leerlingen en ouders kijken samen naar wat hen gezond houdt.",
        ["school", "youth", "food"],
        ["body", "daily"],
        ["knowledge", "money"],
    ),
    (
        "Werkplaats {place}",
        "Mensen zonder werk leren een vak en bouwen aan hun netwerk.",
        ["work", "volunteering"],
        ["participation", "meaning"],
        ["place", "contacts"],
    ),
    (
        "Buurtkamer {place}",
        "Een open huiskamer in de wijk, iedere dag koffie en een praatje.",
        ["neighbourhood", "loneliness"],
        ["participation", "quality"],
        ["place", "people"],
    ),
    (
        "Zingen voor je gezondheid ({place})",
        "Een koor voor mensen met longklachten of somberheid.",
        ["culture", "mental"],
        ["body", "mind"],
        ["people", "publicity"],
    ),
    (
        "Jongerenpanel {place}",
        "Jongeren bepalen mee wat er in hun wijk gebeurt.",
        ["youth", "neighbourhood"],
        ["meaning", "participation"],
        ["contacts", "publicity"],
    ),
]
AVAILABILITY_CYCLE = [Availability.AVAILABLE] * 3 + [Availability.LIMITED, Availability.UNAVAILABLE]
LESSONS = [
    "We wilden te veel tegelijk. Volgende keer beginnen we klein, met de mensen die al energie hebben.",
    "Zonder vaste plek hielden we het niet vol. Een plek regelen is stap één.",
    "De vrijwilligers raakten op. We hadden eerder een tweede trekker moeten zoeken.",
]
REQUESTS = [
    (RequestKind.IDEA, "Beweegbankjes in het park", "Ik wil bankjes waar ouderen oefeningen kunnen doen."),
    (
        RequestKind.QUESTION,
        "Hoe start ik een eetgroep?",
        "Ik kook graag en wil buren uitnodigen. Waar begin ik?",
    ),
    (
        RequestKind.SUPPORT,
        "Ruimte gezocht voor onze buurtkamer",
        "We hebben vrijwilligers maar geen plek meer.",
    ),
    (RequestKind.IDEA, "Repair café voor jongeren", "Jongeren leren spullen maken en ontmoeten elkaar."),
    (
        RequestKind.QUESTION,
        "Positieve Gezondheid in ons team",
        "Wij willen als wijkteam het gesprek anders voeren.",
    ),
    (
        RequestKind.SUPPORT,
        "Folders voor onze wandelgroep",
        "Hoe vinden meer mensen de weg naar onze groep?",
    ),
    (RequestKind.IDEA, "Samen sporten met je kind", "Een uur per week bewegen voor ouders en kinderen."),
    (
        RequestKind.QUESTION,
        "Subsidie voor een buurtmoestuin?",
        "Wie kan ons helpen met geld voor zaden en gereedschap?",
    ),
]


NEWS = [
    "Vandaag waren we met twaalf mensen. Er kwamen drie nieuwe buren bij!",
    "We hebben een vaste plek gevonden. Dank aan iedereen die meedacht.",
    "De gemeente komt volgende maand kijken. Kom ook!",
]
