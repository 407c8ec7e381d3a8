"""Texts for the agenda's demo (demo.py): the theme of each month, places in Limburg, workshops, a
lecture, an online session and an in-house session for a municipality. All names of people are made up."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Theme:
    title: str
    theme: str
    themes: tuple[str, ...]  # core.vocabulary.THEMES keys
    dimensions: tuple[str, ...]  # core.vocabulary.DIMENSION_KEYS
    description: str
    speakers: str


# One theme a month, in all three parts of the region. The month of the demo's first session comes
# first; the list goes round.
MONTHLY_THEMES = [
    Theme(
        "Samen minder alleen",
        "Eenzaamheid",
        ("loneliness",),
        ("participation", "meaning"),
        "Veel mensen voelen zich soms alleen. Ook jongeren, ook mensen met een druk leven. We praten "
        "over wat helpt: een praatje bij de bakker, een buurman die even belt, een club waar je welkom "
        "bent. En we kijken samen wat je in je eigen buurt kunt beginnen.",
        "Ingrid Moonen (ervaringsdeskundige), Jos Keulen (buurtwerker)",
    ),
    Theme(
        "Geldzorgen: praten helpt",
        "Geldzorgen",
        ("money",),
        ("mind", "daily"),
        "Geldzorgen geven stress en maken je moe. Veel mensen schamen zich en zeggen niets. In deze "
        "sessie hoor je van iemand die er zelf uit kwam, en van wie je hulp kunt krijgen. Zonder "
        "oordeel, en niemand hoeft iets over zichzelf te vertellen.",
        "Mohamed Ait Said (schuldhulpmaatje), Petra Frissen (budgetcoach)",
    ),
    Theme(
        "Bewegen zonder sportschool",
        "Bewegen",
        ("movement", "nature"),
        ("body", "quality"),
        "Bewegen is goed voor je lijf en je hoofd. Maar het hoeft geen sport te zijn. Wandelen met de "
        "hond, tuinieren, dansen in de keuken: het telt allemaal. We delen ideeën en zoeken samen naar "
        "wat bij jou past.",
        "Roel Vaessen (beweegcoach), wandelgroep De Stappers",
    ),
    Theme(
        "Zorgen voor een ander, en voor jezelf",
        "Mantelzorg",
        ("care", "elderly"),
        ("mind", "daily", "meaning"),
        "Zorg je voor je moeder, je partner of je kind? Dan ben je mantelzorger. Dat geeft voldoening, "
        "maar het kost ook veel. We praten over hoe je het volhoudt, en waar je steun kunt vinden.",
        "Annie Huntjens (mantelzorger), Steunpunt Mantelzorg",
    ),
    Theme(
        "Jongeren en stress",
        "Jongeren en stress",
        ("youth", "mental", "school"),
        ("mind", "meaning"),
        "Veel jongeren voelen druk: van school, van social media, van zichzelf. Wat helpt hen, en wat "
        "kunnen ouders, scholen en de buurt doen? Jongeren vertellen zelf wat zij nodig hebben.",
        "Jongerenpanel Limburg, Sarah Bouchrit (jongerenwerker)",
    ),
    Theme(
        "Gezond eten met een kleine portemonnee",
        "Gezond eten",
        ("food", "money"),
        ("body", "daily"),
        "Gezond eten hoeft niet duur te zijn. We koken samen een eenvoudige maaltijd, delen recepten "
        "en tips voor de boodschappen, en praten over wat eten met je gezondheid doet.",
        "Buurtkok Marieke Lenders, Voedselbank-vrijwilligers",
    ),
    Theme(
        "Meedoen in je wijk",
        "Wonen en de wijk",
        ("neighbourhood", "volunteering"),
        ("participation", "meaning"),
        "Een fijne buurt maak je samen. Hoe leer je je buren kennen? Hoe begin je een moestuin, een "
        "buurtkamer of een wandelclub? Mensen die het al deden, vertellen hoe.",
        "Bewonersinitiatief De Groene Hof, Wijkraad",
    ),
    Theme(
        "Ouder worden op je eigen manier",
        "Ouder worden",
        ("elderly",),
        ("meaning", "quality", "participation"),
        "Ouder worden gaat niet alleen over kwaaltjes. Wat maakt je leven de moeite waard? Wat wil je "
        "nog doen? We praten met elkaar over zingeving, vriendschap en blijven meedoen.",
        "Frans Claessens (ouderenadviseur), seniorenvereniging KBO",
    ),
    Theme(
        "Werk dat bij je past",
        "Werk en inkomen",
        ("work",),
        ("daily", "meaning"),
        "Werk geeft structuur, contact en inkomen. Maar niet elk werk past bij iedereen. We praten over "
        "wat je goed kunt, wat je energie geeft, en hoe je stappen zet naar werk of vrijwilligerswerk.",
        "Linda Derks (jobcoach), Leerwerkbedrijf",
    ),
    Theme(
        "Je hoofd leeg maken",
        "Mentale gezondheid",
        ("mental", "nature"),
        ("mind", "body"),
        "Piekeren, slecht slapen, snel moe: iedereen heeft het weleens. We proberen samen eenvoudige "
        "dingen die rust geven, zoals ademhalen en een wandeling in de natuur, en horen wat anderen helpt.",
        "Ruud Wetzels (praktijkondersteuner GGZ), IVN-natuurgids",
    ),
    Theme(
        "Vrijwilligerswerk: geven en krijgen",
        "Vrijwilligerswerk",
        ("volunteering",),
        ("meaning", "participation"),
        "Vrijwilligers maken het verschil in Limburg. Wat levert het jou op? Hoe vind je iets dat bij je "
        "past? Vrijwilligers en organisaties vertellen, en je kunt meteen kennismaken.",
        "Vrijwilligerscentrale, Hanneke Stassen (vrijwilliger)",
    ),
    Theme(
        "Kunst, cultuur en je gezondheid",
        "Cultuur en creativiteit",
        ("culture",),
        ("mind", "meaning"),
        "Zingen in een koor, schilderen, toneelspelen: creatief bezig zijn maakt blij. We doen samen "
        "iets kleins, en praten over wat cultuur voor je gezondheid kan betekenen.",
        "Koor Vocaal Limburg, kunstenaar Bert Hermans",
    ),
]

PROGRAMME = (
    "19.00 inloop met koffie en thee\n"
    "19.30 welkom en korte uitleg over Positieve Gezondheid\n"
    "19.45 verhaal van de sprekers\n"
    "20.15 in kleine groepjes praten: wat werkt voor jou?\n"
    "21.00 ideeën delen: wat gaan we samen doen?\n"
    "21.30 afsluiting"
)


@dataclass(frozen=True)
class Place:
    municipality: str  # CBS code
    venue: str
    address: str
    public_transport: str
    step_free: bool = True
    hearing_loop: bool = False
    parking: bool = True


# Places per part of the region, in turn; the monthly session goes round them.
PLACES = {
    "noord": [
        Place(
            "GM0983", "Bibliotheek Venlo", "Begijnengang 2", "5 minuten lopen van station Venlo", True, True
        ),
        Place("GM0984", "Schouwburg Venray, foyer", "Schouwburglaan 1", "bus 29, halte Schouwburg"),
        Place("GM1507", "Gemeenschapshuis De Kaffeemölle", "Kerkstraat 12", "bus 71, halte Kerk"),
        Place(
            "GM0907", "Buurthuis De Vaart", "Zandstraat 5", "station Gennep, 10 minuten lopen", parking=False
        ),
    ],
    "midden": [
        Place(
            "GM0957",
            "ECI Cultuurfabriek",
            "Raadhuisstraat 8",
            "10 minuten lopen van station Roermond",
            True,
            True,
        ),
        Place("GM0988", "Wijkcentrum Moesel", "Biest 43", "bus 60, halte Biest"),
        Place("GM1711", "Gemeenschapshuis Echt", "Plats 1", "station Echt, 5 minuten lopen"),
        Place("GM1640", "MFC Heythuysen", "Kerkplein 3", "bus 65, halte Kerkplein", parking=True),
    ],
    "zuid": [
        Place("GM0935", "Centre Céramique", "Avenue Céramique 50", "bus 1, halte Céramique", True, True),
        Place("GM0917", "Wijkcentrum Heerlerheide", "Passart 2", "bus 33, halte Passart"),
        Place(
            "GM1883",
            "Stadsschouwburg Sittard, foyer",
            "Wilhelminastraat 1",
            "station Sittard, 5 minuten lopen",
        ),
        Place(
            "GM0928",
            "Buurthuis Bleijerheide",
            "Pannesheiderstraat 4",
            "bus 21, halte Kerk",
            hearing_loop=True,
        ),
    ],
}

# (subregion slug part, title of the series, rule, (nth, weekday 0 = Monday))
SERIES = [
    ("noord", "Inspiratiesessies Noord-Limburg", "Elke tweede dinsdag van de maand, 19.30–21.30 uur", (2, 1)),
    (
        "midden",
        "Inspiratiesessies Midden-Limburg",
        "Elke derde donderdag van de maand, 19.30–21.30 uur",
        (3, 3),
    ),
    ("zuid", "Inspiratiesessies Zuid-Limburg", "Elke eerste woensdag van de maand, 19.30–21.30 uur", (1, 2)),
]

FIRST_NAMES = [
    "Anne",
    "Bram",
    "Chantal",
    "Daan",
    "Esther",
    "Frank",
    "Gerda",
    "Hans",
    "Ilse",
    "Jeroen",
    "Karin",
    "Luc",
    "Mieke",
    "Nick",
    "Olga",
    "Paul",
    "Rianne",
    "Sjef",
    "Tineke",
    "Umut",
    "Vera",
    "Wiel",
    "Yara",
    "Zeynep",
    "Bart",
    "Carla",
    "Dirk",
    "Els",
    "Fons",
    "Greet",
    "Hatice",
    "Joep",
    "Lieke",
    "Mustafa",
]
LAST_NAMES = [
    "Janssen", "Smeets", "Peeters", "Hendriks", "Vossen", "Willems", "Coenen", "Jacobs", "Bastiaens",
    "Kusters", "Lemmens", "Dassen", "Geurts", "Houben", "Schreurs", "Nijsten", "Bouwens", "Ramakers",
    "Yilmaz", "Bosch", "Crombach", "Pluijmen",
]  # fmt: skip

NEXT_STEPS = [
    "Ik ga mijn buurvrouw vragen om mee te wandelen.",
    "Ik wil meedoen met de moestuin in onze wijk.",
    "Ik ga het spinnenweb invullen en bespreken met mijn huisarts.",
    "Ik bel de budgetcoach voor een afspraak.",
    "Ik wil een koffieochtend beginnen in ons buurthuis.",
    "Ik vraag op mijn werk of we dit ook kunnen doen.",
    "",
    "",
]

QUESTIONS = [
    "Heb je een dieetwens?",
    "Heb je hulp nodig om te komen of mee te doen?",
    "Waar wil je het over hebben?",
]


@dataclass(frozen=True)
class Special:
    """A session outside the monthly series; `days` from today (negative: it was)."""

    key: str
    kind: str
    title: str
    theme: str
    themes: tuple[str, ...]
    dimensions: tuple[str, ...]
    description: str
    programme: str
    speakers: str
    days: int
    place: Place | None  # None: online
    capacity: int
    hours: float = 2.5
    closed: bool = False
    by_ambassador: bool = False


SPECIALS = [
    Special(
        "workshop-spinnenweb",
        "workshop",
        "Workshop: het spinnenweb in je gesprek",
        "Positieve Gezondheid in de praktijk",
        ("care",),
        ("body", "mind", "meaning", "quality", "participation", "daily"),
        "Voor iedereen die met mensen praat over hun leven: wijkverpleging, huisartsenpraktijk, "
        "welzijnswerk, vrijwilligers. Je oefent met het spinnenweb en met 'het andere gesprek': vragen "
        "naar wat iemand belangrijk vindt, in plaats van naar wat er mis is.",
        "14.00 welkom\n14.15 het spinnenweb zelf invullen\n14.45 oefenen in tweetallen\n"
        "15.45 wat neem je mee?\n16.30 einde",
        "Marlies Thijssen (trainer Positieve Gezondheid)",
        -45,
        PLACES["midden"][0],
        20,
    ),
    Special(
        "workshop-initiatief",
        "workshop",
        "Workshop: zelf een initiatief beginnen",
        "Van idee naar initiatief",
        ("volunteering", "neighbourhood"),
        ("participation", "meaning"),
        "Heb je een idee voor je buurt, maar weet je niet hoe je begint? In deze workshop maak je je idee "
        "klein en concreet, zoek je wie kan helpen, en hoor je hoe het actiecentrum je kan steunen.",
        "19.30 welkom\n19.45 je idee in één zin\n20.15 wie heb je nodig?\n21.00 eerste stap\n21.30 einde",
        "Wim Hendrix (ambassadeur), een medewerker van het actiecentrum",
        18,
        PLACES["noord"][0],
        16,
        by_ambassador=True,
    ),
    Special(
        "workshop-mantelzorg",
        "workshop",
        "Workshop: even niet zorgen",
        "Mantelzorg",
        ("care",),
        ("mind", "daily"),
        "Een ochtend voor mantelzorgers, om even op adem te komen. Met een korte wandeling, een "
        "ontspanningsoefening en tijd om met andere mantelzorgers te praten.",
        "10.00 koffie\n10.15 wandeling\n11.00 ontspannen\n11.30 praten met elkaar\n12.30 einde",
        "Steunpunt Mantelzorg Zuid",
        32,
        PLACES["zuid"][1],
        15,
    ),
    Special(
        "lezing",
        "lecture",
        "Lezing: wat is gezond eigenlijk?",
        "Positieve Gezondheid",
        ("care", "neighbourhood"),
        ("body", "mind", "meaning", "quality", "participation", "daily"),
        "Gezondheid is meer dan niet ziek zijn. Het gaat ook om meedoen, zingeving en kunnen omgaan met "
        "wat het leven brengt. Een lezing voor iedereen, met voorbeelden uit Limburg en tijd voor vragen.",
        "20.00 lezing\n20.45 pauze\n21.00 vragen en gesprek\n21.30 einde",
        "dr. Karin Lousberg (huisarts en onderzoeker)",
        25,
        PLACES["zuid"][2],
        120,
    ),
    Special(
        "online",
        "inspiration",
        "Online: geldzorgen bespreekbaar maken",
        "Geldzorgen",
        ("money",),
        ("mind", "daily"),
        "Een online sessie van een uur, vanuit je eigen huis. Je hoeft je camera niet aan te zetten. We "
        "praten over hoe je geldzorgen bespreekbaar maakt, met een budgetcoach en een ervaringsdeskundige.",
        "19.30 welkom\n19.40 twee korte verhalen\n20.00 vragen in de chat\n20.30 einde",
        "Petra Frissen (budgetcoach), Mohamed Ait Said (ervaringsdeskundige)",
        10,
        None,
        60,
        hours=1,
    ),
    Special(
        "op-maat-heerlen",
        "in_house",
        "Sessie op maat: Positieve Gezondheid in het sociaal domein van Heerlen",
        "Ondersteuning in de wijk",
        ("care", "neighbourhood"),
        ("participation", "daily", "meaning"),
        "Een sessie voor de gemeente Heerlen: medewerkers, wijkteams en inwoners praten samen over de "
        "ondersteuning in de wijk. Met korte presentaties, gesprekken met inwoners over wat zij nodig "
        "hebben, en iedereen probeert zelf het spinnenweb. Na afloop vragen we iedereen om een korte "
        "evaluatie.",
        "13.30 welkom door de wethouder\n13.45 presentatie: wat is Positieve Gezondheid?\n"
        "14.15 het spinnenweb zelf proberen\n14.45 in gesprek met inwoners\n15.45 wat nemen we mee?\n"
        "16.15 evaluatie en einde",
        "Actiecentrum Limburg Positief Gezond, inwoners van Heerlen-Noord",
        21,
        Place(
            "GM0917", "Stadhuis Heerlen, raadzaal", "Geleenstraat 27", "5 minuten lopen van station Heerlen"
        ),
        40,
        hours=3,
        closed=True,
    ),
    Special(
        "ambassadeurs",
        "ambassadors",
        "Ambassadeursbijeenkomst: een jaar Positieve Gezondheid in Limburg",
        "Terugblik en vooruitblik",
        ("volunteering",),
        ("meaning", "participation"),
        "Voor alle ambassadeurs: we kijken terug op het jaar, delen wat goed ging en wat lastig was, en "
        "maken plannen voor volgend jaar. Met een hapje en een drankje.",
        "17.00 inloop\n17.30 terugblik\n18.15 eten\n19.00 plannen maken\n20.00 einde",
        "Het actiecentrum en ambassadeurs uit de drie regio's",
        40,
        PLACES["midden"][0],
        80,
        hours=3,
    ),
]

# Ideas from past monthly sessions that became an initiative (title, summary) or a request.
IDEA_INITIATIVES = [
    ("Wandelmaatjes Venlo-Oost", "Elke week samen wandelen, zodat niemand alleen hoeft."),
    ("Kookclub met een kleine portemonnee", "Samen goedkoop en gezond koken in het buurthuis."),
]
IDEA_REQUEST = (
    "Koffieochtend voor mantelzorgers",
    "Na de inspiratiesessie willen we een koffieochtend voor mantelzorgers beginnen. Wie kan helpen met "
    "een ruimte?",
)
