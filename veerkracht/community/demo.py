"""Demo data for `make run` (idempotent; in our own Dutch words). Each feature adds its loader in a
marked block and calls it from ``load``."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from veerkracht.accounts.demo import DEMO_DOMAIN
from veerkracht.accounts.models import Organisation, User
from veerkracht.core.vocabulary import DIMENSIONS, THEMES
from veerkracht.regions.models import Region

from .models import LibraryItem, LibraryKind, LibraryReview, NewsItem
from .models.library import INTERPRETATION_FLAGS, LEVEL_FLAGS, TARGET_GROUPS


def load(region: Region) -> list[str]:
    lines: list[str] = []
    # --- news ---
    lines += _load_news(region)
    # --- library ---
    lines += _load_library(region)
    return lines


def _staff() -> User | None:
    return User.objects.filter(email=f"actiecentrum@{DEMO_DOMAIN}").first()


# --- news ------------------------------------------------------------------------------------------

NEWS = [
    (
        -40,
        None,
        "Honderd ambassadeurs in Limburg",
        "Deze maand heeft de honderdste ambassadeur de training afgerond. Ambassadeurs zijn inwoners en "
        "professionals die in hun eigen buurt of werk vertellen over Positieve Gezondheid. Ze stellen de "
        "vraag: wat is voor jou belangrijk? Wil je ook ambassadeur worden? Kijk in de agenda voor de "
        "volgende training.",
    ),
    (
        -25,
        None,
        "Nieuwe praktijkgids: het goede gesprek aan de keukentafel",
        "Samen met wijkteams uit Heerlen en Venlo schreven we een gids voor het gesprek aan de keukentafel. "
        "Hij staat in de kennisbank. Er staan vragen in die je kunt stellen, en verhalen van mensen die "
        "het al deden.",
    ),
    (
        -12,
        None,
        "Inspiratiesessies in het najaar",
        "In september, oktober en november zijn er weer inspiratiesessies in Noord-, Midden- en "
        "Zuid-Limburg. Je ontmoet mensen uit je eigen regio en hoort wat zij doen. Meedoen is gratis.",
    ),
    (
        -5,
        -1,
        "Laatste kans: aanmelden voor de werkplaats beleid",
        "Voor beleidsmakers van gemeenten is er een werkplaats over Positieve Gezondheid in beleid. "
        "Aanmelden kon tot gisteren. Dit bericht is daarom verlopen.",
    ),
    (
        -2,
        None,
        "Twintig initiatieven kregen hulp via het actiecentrum",
        "Dit jaar vonden twintig initiatieven via het actiecentrum een partner, een ruimte of vrijwilligers. "
        "Van een wandelgroep in Roermond tot een moestuin bij een school in Sittard. Heb jij ook een idee? "
        "Het actiecentrum denkt met je mee.",
    ),
    (
        7,
        None,
        "Aangekondigd: de dag van de veerkracht",
        "Volgende week zetten we alle initiatieven in het zonnetje. Dit bericht staat klaar en verschijnt "
        "vanzelf op de dag zelf.",
    ),
]


def _load_news(region: Region) -> list[str]:
    if not NewsItem.objects.filter(region=region).exists():
        now, staff = timezone.now(), _staff()
        NewsItem.objects.bulk_create(
            NewsItem(
                region=region,
                title=title,
                text=text,
                published_at=now + timedelta(days=days),
                expires_at=now + timedelta(days=expires) if expires is not None else None,
                author=staff,
            )
            for days, expires, title, text in NEWS
        )
    return [f"Nieuws: {NewsItem.objects.filter(region=region).count()} berichten"]


# --- library ---------------------------------------------------------------------------------------

M, T, G, P, V, L = (
    LibraryKind.METHOD,
    LibraryKind.TOOL,
    LibraryKind.GUIDE,
    LibraryKind.PRESENTATION,
    LibraryKind.VIDEO,
    LibraryKind.LINK,
)
# (kind, title, summary, levels, interpretations, target groups, themes, dimensions, url)
LIBRARY = [
    (
        M,
        "Het andere gesprek in vijf stappen",
        "Een gesprek dat begint bij wat iemand belangrijk vindt, niet bij de klacht. Met voorbeeldvragen.",
        "nano micro",
        "approach reflection",
        "professionals",
        "care",
        "meaning daily",
        "",
    ),
    (
        M,
        "Buurtwandeling met een vraag",
        "Loop met buren door de wijk en vraag onderweg: wat maakt deze buurt fijn, wat mist er?",
        "meso",
        "movement change",
        "residents volunteers",
        "neighbourhood loneliness",
        "participation",
        "",
    ),
    (
        M,
        "Spinnenweb aan de keukentafel",
        "Hoe je het spinnenweb samen met een inwoner invult, zonder haast en zonder oordeel.",
        "nano",
        "reflection",
        "professionals volunteers",
        "care",
        "body mind meaning quality participation daily",
        "",
    ),
    (
        M,
        "Positief gezond vergaderen",
        "Begin een teamoverleg met één vraag uit het spinnenweb. Zo leert het team elkaar anders kennen.",
        "micro",
        "framework",
        "professionals organisations",
        "work",
        "mind participation",
        "",
    ),
    (
        M,
        "Wijkscan met zes kanten",
        "Bekijk een wijk langs de zes kanten van gezondheid en zoek met bewoners wat al goed gaat.",
        "meso",
        "change framework",
        "policy organisations",
        "neighbourhood",
        "quality participation",
        "",
    ),
    (
        M,
        "Leerkring voor ambassadeurs",
        "Een vaste groep ambassadeurs die elke zes weken ervaringen deelt, met een vaste opbouw.",
        "micro",
        "movement",
        "ambassadors",
        "volunteering",
        "meaning participation",
        "",
    ),
    (
        T,
        "Vragenkaartjes voor een goed gesprek",
        "Dertig kaartjes met open vragen. Print ze uit en leg ze op tafel bij een koffieochtend.",
        "nano micro",
        "reflection",
        "residents volunteers ambassadors",
        "loneliness",
        "meaning mind",
        "",
    ),
    (
        T,
        "Checklist toegankelijke bijeenkomst",
        "Waar let je op als je een bijeenkomst organiseert: drempels, ringleiding, taal en vervoer.",
        "micro meso",
        "framework",
        "organisations volunteers",
        "care",
        "participation",
        "",
    ),
    (
        T,
        "Werkblad: mijn eerste stap",
        "Een werkblad waarop iemand één kleine stap opschrijft die hij of zij deze week wil zetten.",
        "nano",
        "reflection",
        "residents",
        "mental",
        "daily mind",
        "",
    ),
    (
        T,
        "Gespreksplaat voor jongeren",
        "Een plaat met tekeningen in plaats van woorden, voor gesprekken met kinderen en jongeren.",
        "nano",
        "reflection approach",
        "professionals",
        "youth school",
        "mind meaning",
        "",
    ),
    (
        T,
        "Rekenhulp: wat kost een buurtinitiatief?",
        "Een eenvoudig rekenblad voor ruimte, koffie, materiaal en vrijwilligers, met tips voor fondsen.",
        "meso",
        "change",
        "residents volunteers",
        "money neighbourhood",
        "daily",
        "",
    ),
    (
        T,
        "Format voor een verhaal van een inwoner",
        "Vijf vragen om een ervaring op te schrijven, zodat anderen ervan kunnen leren.",
        "nano micro",
        "movement",
        "ambassadors residents",
        "culture",
        "meaning",
        "",
    ),
    (
        G,
        "Praktijkgids: het goede gesprek aan de keukentafel",
        "Hoe wijkteams het gesprek voeren over wat iemand belangrijk vindt. Met voorbeelden uit Heerlen.",
        "nano micro",
        "approach reflection",
        "professionals",
        "care neighbourhood",
        "meaning daily",
        "",
    ),
    (
        G,
        "Praktijkgids: Positieve Gezondheid in het gemeentelijk beleid",
        "Hoe een gemeente het gedachtegoed in een beleidsnota en in subsidies verwerkt.",
        "macro",
        "framework change",
        "policy",
        "care",
        "quality participation",
        "",
    ),
    (
        G,
        "Praktijkgids: samenwerken met de huisarts",
        "Hoe de huisartsenpraktijk, het wijkteam en vrijwilligers elkaar vinden rond een patiënt.",
        "micro meso",
        "framework",
        "professionals organisations",
        "care",
        "body daily",
        "",
    ),
    (
        G,
        "Praktijkgids: een wandelgroep beginnen",
        "Van het eerste briefje in de brievenbus tot een vaste groep die elke week loopt.",
        "micro",
        "movement",
        "residents volunteers",
        "movement loneliness",
        "body participation",
        "",
    ),
    (
        G,
        "Praktijkgids: gezond op het werk",
        "Hoe werkgevers met medewerkers praten over wat hen energie geeft, en wat ze daarmee doen.",
        "micro meso",
        "change",
        "organisations",
        "work",
        "mind quality",
        "",
    ),
    (
        G,
        "Praktijkgids: geldzorgen bespreekbaar maken",
        "Signalen herkennen en het gesprek over geld beginnen zonder dat iemand zich schaamt.",
        "nano micro",
        "approach",
        "professionals volunteers",
        "money",
        "mind daily",
        "",
    ),
    (
        P,
        "Presentatie: wat is Positieve Gezondheid?",
        "Twaalf dia's om in een half uur uit te leggen waar het om gaat. Vrij te gebruiken.",
        "micro meso",
        "approach",
        "ambassadors professionals",
        "care",
        "body mind meaning quality participation daily",
        "",
    ),
    (
        P,
        "Presentatie voor de gemeenteraad",
        "Een korte presentatie met cijfers uit de monitor en voorbeelden uit de regio, voor raadsleden.",
        "macro",
        "framework change",
        "policy",
        "care",
        "quality",
        "",
    ),
    (
        P,
        "Presentatie: lessen uit de proeftuinen",
        "Wat we leerden van vijf jaar proeftuinen in Limburg: wat werkte en wat niet.",
        "meso macro",
        "change movement",
        "organisations policy",
        "neighbourhood",
        "participation",
        "",
    ),
    (
        P,
        "Presentatie voor scholen",
        "Positieve Gezondheid uitgelegd aan leraren, met ideeën voor in de klas.",
        "micro",
        "approach",
        "professionals",
        "school youth",
        "mind body",
        "",
    ),
    (
        V,
        "Video: het spinnenweb in drie minuten",
        "Een korte animatie over de zes kanten van gezondheid.",
        "nano",
        "approach reflection",
        "residents",
        "care",
        "body mind meaning quality participation daily",
        "https://video.example.org/spinnenweb",
    ),
    (
        V,
        "Video: een ambassadeur vertelt",
        "Marij uit Weert vertelt waarom ze ambassadeur werd en wat het haar bracht.",
        "nano micro",
        "movement",
        "residents ambassadors",
        "volunteering",
        "meaning",
        "https://video.example.org/ambassadeur",
    ),
    (
        V,
        "Video: de moestuin bij de school",
        "Kinderen, ouders en buren werken samen in een moestuin in Sittard.",
        "meso",
        "movement change",
        "residents organisations",
        "food school nature",
        "body participation",
        "https://video.example.org/moestuin",
    ),
    (
        V,
        "Video: een wethouder over de omslag",
        "Een wethouder vertelt hoe de gemeente anders is gaan kijken naar gezondheid.",
        "macro",
        "change framework",
        "policy",
        "care",
        "quality",
        "https://video.example.org/wethouder",
    ),
    (
        L,
        "Het Instituut voor Positieve Gezondheid",
        "De website met achtergrond, onderzoek en het spinnenweb om zelf in te vullen.",
        "nano micro meso macro",
        "approach",
        "residents professionals",
        "care",
        "body mind meaning quality participation daily",
        "https://www.iph.nl/",
    ),
    (
        L,
        "Regionale sociale kaart",
        "Een overzicht van hulp en activiteiten in de buurt, per gemeente.",
        "nano meso",
        "framework",
        "professionals residents",
        "care neighbourhood",
        "daily participation",
        "https://www.example.org/sociale-kaart",
    ),
    (
        L,
        "Vrijwilligerswerk vinden in Limburg",
        "Een website met vacatures voor vrijwilligers, per plaats en onderwerp.",
        "nano",
        "movement",
        "volunteers residents",
        "volunteering",
        "participation meaning",
        "https://www.example.org/vrijwilligers",
    ),
    (
        L,
        "Subsidies voor buurtinitiatieven",
        "Een overzicht van fondsen die kleine buurtprojecten steunen.",
        "meso",
        "change",
        "residents organisations",
        "money neighbourhood",
        "participation",
        "https://www.example.org/fondsen",
    ),
]


def _load_library(region: Region) -> list[str]:
    if not LibraryItem.objects.filter(region=region).exists():
        now, staff = timezone.now(), _staff()
        partner = Organisation.objects.filter(region=region).order_by("pk").first()
        rows = []
        for i, (kind, title, summary, levels, meanings, targets, themes, dims, url) in enumerate(LIBRARY):
            rows.append(
                LibraryItem(
                    region=region,
                    kind=kind,
                    title=title,
                    summary=summary,
                    body="" if url else summary + "\n\nDeze tekst is een voorbeeld voor de demo.",
                    url=url,
                    levels=LEVEL_FLAGS.mask(levels.split()),
                    interpretations=INTERPRETATION_FLAGS.mask(meanings.split()),
                    target_groups=TARGET_GROUPS.mask(targets.split()),
                    themes=THEMES.mask(themes.split()),
                    dimensions=DIMENSIONS.mask(dims.split()),
                    # A few come from a partner organisation; the last one still waits for approval.
                    organisation=partner if i % 7 == 3 else None,
                    author=staff,
                    review=LibraryReview.PENDING
                    if i == len(LIBRARY) - 2 and partner
                    else LibraryReview.PUBLIC,
                    published_at=now - timedelta(days=3 * (len(LIBRARY) - i)),
                )
            )
        for row in rows:
            if row.review == LibraryReview.PENDING:
                row.published_at = None
        LibraryItem.objects.bulk_create(rows)
    return [f"Kennisbank: {LibraryItem.objects.filter(region=region).count()} items"]
