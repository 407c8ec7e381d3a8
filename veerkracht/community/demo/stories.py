# ruff: noqa: E501 - prose, one sentence a line
"""Demo stories, in our own words: (title, municipality code, level, interpretations, themes,
dimensions, text). Paragraphs are separated by an empty line. Some are linked to a demo initiative or
session, most have inspirations and some a response; the last two wait for moderation."""

from __future__ import annotations

from django.db import transaction

from veerkracht.regions.models import Region

STORIES = [
    (
        "Koffie op dinsdag",
        "GM0983",
        "micro",
        ("movement",),
        ("loneliness",),
        ("participation",),
        "Elke dinsdag zet Riet koffie in het buurthuis. Eerst kwamen er drie buren, nu zijn het er vijftien.\n\n"
        '"Ik vroeg niet hoe het met hun gezondheid ging, maar waar ze blij van worden. Toen ging het gesprek ineens over '
        'de moestuin, over kleinkinderen en over de oude fanfare."',
    ),
    (
        "Wat wil jij eigenlijk?",
        "GM0917",
        "nano",
        ("reflection",),
        ("care",),
        ("meaning",),
        "Bij de huisarts vulde Anouk voor het eerst het spinnenweb in. Ze schrok van hoe laag ze zingeving scoorde.\n\n"
        "Ze besloot weer te gaan zingen. Een half jaar later staat ze met een koor op het podium.",
    ),
    (
        "Een wijkteam dat anders vraagt",
        "GM0983",
        "meso",
        ("change",),
        ("neighbourhood", "care"),
        ("daily",),
        "Het sociaal wijkteam in Venlo-Oost begint elk keukentafelgesprek nu met de vraag wat iemand zelf belangrijk vindt.\n\n"
        "De gesprekken duren eerst iets langer, maar mensen komen minder vaak terug met hetzelfde probleem.",
    ),
    (
        "Wandelen tegen de somberheid",
        "GM0957",
        "micro",
        ("approach",),
        ("movement", "mental"),
        ("body", "mind"),
        "Vier vrouwen uit Roermond spraken af om elke ochtend een rondje te lopen. Inmiddels is het een groep van twintig.\n\n"
        'Niemand noemt het een beweegprogramma. "We lopen gewoon, en we praten. Dat helpt meer dan je denkt."',
    ),
    (
        "Samen aan tafel in Kerkrade",
        "GM0928",
        "micro",
        ("movement",),
        ("food", "loneliness"),
        ("participation", "body"),
        "Een keer per maand koken vrijwilligers voor wie dat wil. Iedereen betaalt wat hij kan.\n\n"
        'Jan (78) zegt: "Ik eet nu vaker warm, maar vooral: ik heb weer iets om naar uit te kijken."',
    ),
    (
        "De gemeente luistert mee",
        "GM0935",
        "macro",
        ("framework",),
        ("neighbourhood",),
        ("quality",),
        "In Maastricht gebruikt de gemeente de zes kanten van gezondheid om nieuw beleid te toetsen.\n\n"
        'Een ambtenaar vertelt: "We vragen nu bij elk plan: wat betekent dit voor meedoen, voor zingeving? '
        'Dat levert andere keuzes op."',
    ),
    (
        "Schuldenvrij, en weer slapen",
        "GM1883",
        "nano",
        ("approach",),
        ("money",),
        ("mind", "body"),
        "Mohamed had jaren schulden. Een vrijwilliger van de schuldhulp vroeg hem niet alleen naar zijn rekeningen, "
        'maar ook naar zijn dromen.\n\n"Ik wil weer goed slapen," zei hij. Dat werd het eerste doel. Het lukte.',
    ),
    (
        "Jongeren maken een podcast",
        "GM0988",
        "micro",
        ("movement",),
        ("youth", "culture"),
        ("meaning", "participation"),
        "Vijf jongeren uit Weert maken een podcast over wat gezond leven voor hen betekent. Geen preken, wel eerlijke "
        "verhalen.\n\nDe afleveringen worden op school besproken.",
    ),
    (
        "Een school die vraagt hoe het gaat",
        "GM1711",
        "meso",
        ("change",),
        ("school", "youth"),
        ("mind",),
        "Op een basisschool in Echt beginnen de lessen op maandag met een kringgesprek over hoe het thuis ging.\n\n"
        "De juf merkt dat kinderen rustiger zijn en eerder zeggen als er iets is.",
    ),
    (
        "Praten over wat je belangrijk vindt",
        "GM0984",
        "nano",
        ("reflection",),
        ("elderly",),
        ("meaning", "quality"),
        "In het verzorgingshuis in Venray praten bewoners met hun verzorgenden over wat voor hen een goede dag is.\n\n"
        "Voor mevrouw Peters is dat: de krant lezen bij het raam, met een kopje thee. Nu staat haar stoel daar.",
    ),
    (
        "Moestuin achter de flat",
        "GM0899",
        "micro",
        ("movement",),
        ("nature", "neighbourhood"),
        ("body", "participation"),
        "Een kaal grasveld in Brunssum werd een moestuin. Buren die elkaar nooit spraken, delen nu tomaten en "
        'tuintips.\n\n"Het gaat niet om de groente," zegt Ingrid. "Het gaat erom dat je elkaar groet."',
    ),
    (
        "Huisarts schrijft een wandelgroep voor",
        "GM0917",
        "micro",
        ("approach",),
        ("care", "movement"),
        ("body", "mind"),
        "Een huisarts in Heerlen verwijst mensen met klachten zonder duidelijke oorzaak naar een wandelgroep in de "
        "wijk.\n\nNa drie maanden komen ze minder vaak op het spreekuur.",
    ),
    (
        "Een netwerk van ambassadeurs",
        "GM0957",
        "meso",
        ("movement",),
        ("volunteering",),
        ("participation",),
        "In Midden-Limburg komen ambassadeurs elke maand bij elkaar om ervaringen te delen.\n\n"
        '"Je hoort van anderen wat werkt. Dan hoef je niet alles zelf te bedenken."',
    ),
    (
        "Samenwerken met één taal",
        "GM1640",
        "meso",
        ("framework",),
        ("care",),
        ("daily",),
        "In Leudal spreken de thuiszorg, het welzijnswerk en de huisartsen nu dezelfde taal: die van de zes kanten "
        "van gezondheid.\n\nOverdrachten gaan sneller en mensen hoeven hun verhaal minder vaak te vertellen.",
    ),
    (
        "Werk dat bij je past",
        "GM0928",
        "nano",
        ("reflection",),
        ("work",),
        ("meaning", "daily"),
        "Sandra zat twee jaar thuis. Met een jobcoach keek ze niet naar wat ze niet kon, maar naar wat haar energie "
        'geeft.\n\nNu werkt ze drie ochtenden in een kringloopwinkel. "Ik ben weer iemand."',
    ),
    (
        "Beweegtuin voor iedereen",
        "GM1894",
        "micro",
        ("movement",),
        ("movement", "elderly"),
        ("body",),
        "In Peel en Maas staat een beweegtuin naast de bibliotheek. Ouderen oefenen er samen met kinderen van de "
        "school ernaast.\n\nDe oudste deelnemer is 91.",
    ),
    (
        "Van klacht naar vraag",
        "GM1883",
        "meso",
        ("change",),
        ("care",),
        ("daily",),
        "Een zorgorganisatie in Sittard-Geleen veranderde haar intake. Eerst vroegen ze: wat is uw klacht? Nu: "
        "wat wilt u weer kunnen?\n\nMedewerkers vinden hun werk er leuker door.",
    ),
    (
        "Beleid met inwoners samen",
        "GM0983",
        "macro",
        ("framework",),
        ("neighbourhood",),
        ("participation",),
        "Venlo schreef haar nieuwe gezondheidsbeleid samen met inwoners. In zes avonden praatten zij mee over wat "
        "een gezonde stad is.\n\nDe uitkomst: minder regels, meer ruimte voor initiatieven uit de wijk.",
    ),
    (
        "Een kunstproject over veerkracht",
        "GM0935",
        "micro",
        ("movement",),
        ("culture", "mental"),
        ("mind", "meaning"),
        "Kunstenaars en bewoners van een Maastrichtse wijk maakten samen een muurschildering over veerkracht.\n\n"
        "Iedereen die meeschilderde, kreeg een eigen stukje muur.",
    ),
    (
        "Mantelzorg zonder schuldgevoel",
        "GM1669",
        "nano",
        ("reflection",),
        ("care",),
        ("mind", "quality"),
        "Els zorgt al jaren voor haar man. In een gesprek met het Steunpunt Mantelzorg ontdekte ze dat ze ook aan "
        'zichzelf mag denken.\n\nNu gaat ze elke donderdag zwemmen. "Dan ben ik daarna weer een betere mantelzorger."',
    ),
    (
        "Buurtapp wordt buurtclub",
        "GM1954",
        "micro",
        ("movement",),
        ("neighbourhood", "loneliness"),
        ("participation",),
        "Wat begon als een appgroep voor de buurt in Beekdaelen, werd een club die samen fietst, kookt en klust.\n\n"
        '"We hebben de app bijna niet meer nodig. We zien elkaar gewoon."',
    ),
    (
        "Positieve gezondheid in de sportclub",
        "GM0946",
        "meso",
        ("change",),
        ("movement", "youth"),
        ("body", "participation"),
        "Een voetbalclub in Nederweert vraagt trainers om niet alleen op prestaties te letten, maar ook op hoe het "
        "met de kinderen gaat.\n\nEr zijn minder kinderen die stoppen.",
    ),
    (
        "Eén gesprek, andere keuzes",
        "GM0917",
        "nano",
        ("approach",),
        ("care",),
        ("meaning",),
        "Kees (67) wilde eigenlijk geen operatie. Zijn specialist vroeg wat hij belangrijk vond: kleinkinderen "
        "oppassen en vissen.\n\nSamen kozen ze een behandeling die daarbij past.",
    ),
    (
        "De bibliotheek als huiskamer",
        "GM0984",
        "meso",
        ("change",),
        ("culture", "loneliness"),
        ("participation",),
        "De bibliotheek in Venray is op woensdag een huiskamer. Er is koffie, een spelletje en een luisterend oor.\n\n"
        "Medewerkers kregen een training in het gesprek over wat mensen belangrijk vinden.",
    ),
    (
        "Regionaal kader, lokale keuzes",
        "GM0957",
        "macro",
        ("framework",),
        ("care",),
        ("quality",),
        "De gemeenten in Midden-Limburg spraken af om Positieve Gezondheid als gezamenlijk kader te gebruiken. "
        "Elke gemeente kiest zelf hoe.\n\nZo leren ze van elkaar zonder dat alles hetzelfde hoeft.",
    ),
    (
        "Ontbijt op school",
        "GM0899",
        "micro",
        ("movement",),
        ("food", "school"),
        ("body",),
        "Ouders in Brunssum zetten elke ochtend ontbijt klaar op school. Kinderen die thuis niet eten, krijgen zo een "
        "goede start.\n\nHet mooiste: de ouders leren elkaar ook kennen.",
    ),
    (
        "Leren van tegenslag",
        "GM1641",
        "nano",
        ("reflection",),
        ("mental",),
        ("mind",),
        'Na een burn-out gebruikte Tom het spinnenweb om te kijken waar hij stond. "Het liet zien dat ik alleen nog '
        'werkte."\n\nHij maakt nu elke week tijd voor muziek en vrienden.',
    ),
    (
        "Nieuwe Nederlanders vertellen",
        "GM0935",
        "micro",
        ("approach",),
        ("loneliness", "culture"),
        ("participation", "meaning"),
        "In een taalcafé in Maastricht vertellen nieuwe Nederlanders wat gezondheid in hun land betekent.\n\n"
        '"Bij ons is gezond: samen eten met familie," zegt Amina. Dat herkende iedereen.',
    ),
    (
        "Een woonzorgcentrum zonder vaste tijden",
        "GM1729",
        "meso",
        ("change",),
        ("elderly",),
        ("daily", "quality"),
        "In Gulpen-Wittem bepalen bewoners zelf wanneer ze opstaan en eten.\n\n"
        "Het personeel moest wennen, maar de sfeer is veel rustiger geworden.",
    ),
    (
        "Wethouder op de fiets",
        "GM0988",
        "macro",
        ("movement",),
        ("neighbourhood",),
        ("participation",),
        "De wethouder van Weert fietste een maand lang langs initiatieven in de wijken.\n\n"
        '"Ik heb meer geleerd dan in een jaar vergaderen." Het budget voor bewonersinitiatieven gaat omhoog.',
    ),
    (
        "Natuur als medicijn",
        "GM0994",
        "micro",
        ("approach",),
        ("nature", "mental"),
        ("mind", "body"),
        "In Valkenburg organiseert een boswachter wandelingen voor mensen met stress.\n\n"
        "Telefoons blijven in de tas. Na afloop drinken ze samen thee onder de bomen.",
    ),
    (
        "Iedereen een maatje",
        "GM1507",
        "micro",
        ("movement",),
        ("loneliness", "volunteering"),
        ("participation",),
        "In Horst aan de Maas koppelt een vrijwilligersgroep mensen die alleen zijn aan een maatje.\n\n"
        "Wil (84) en Lisa (23) gaan elke week samen naar de markt.",
    ),
    (
        "Zelf de regie over je zorg",
        "GM1883",
        "nano",
        ("reflection",),
        ("care",),
        ("daily",),
        "Fatma bereidde het gesprek met haar wijkverpleegkundige voor met het spinnenweb.\n\n"
        '"Voor het eerst ging het gesprek over wat ík wilde, en niet over wat er mis was."',
    ),
    (
        "Gezondheid in de bouwvakschool",
        "GM1954",
        "meso",
        ("change",),
        ("school", "work"),
        ("body", "meaning"),
        "Leerlingen van een bouwopleiding praten in de les over slapen, eten en stress.\n\n"
        'Een docent: "Ze zijn jong, maar ze dragen veel. Daar is nu ruimte voor."',
    ),
    (
        "Een regio die leert",
        "GM0917",
        "macro",
        ("movement",),
        ("care",),
        ("participation",),
        "Op de regiodag kwamen honderd mensen uit zorg, welzijn, gemeenten en wijken samen.\n\n"
        "Ze deelden wat werkt en maakten afspraken om elkaar vaker op te zoeken.",
    ),
    (
        "Armoede bespreekbaar maken",
        "GM0928",
        "meso",
        ("framework",),
        ("money",),
        ("quality", "mind"),
        "Scholen, de schuldhulp en de voedselbank in Kerkrade werken samen met één aanpak.\n\n"
        "Ouders hoeven hun verhaal niet meer drie keer te vertellen.",
    ),
    (
        "Dansen met Parkinson",
        "GM0957",
        "nano",
        ("approach",),
        ("movement", "care"),
        ("body", "meaning"),
        "Harrie heeft Parkinson. Elke vrijdag danst hij in een groep in Roermond.\n\n"
        '"Ik ben niet mijn ziekte. Op de dansvloer ben ik gewoon Harrie."',
    ),
    (
        "Sterke wijken, sterke mensen",
        "GM0983",
        "meso",
        ("movement",),
        ("neighbourhood",),
        ("participation", "quality"),
        "In drie wijken in Venlo zijn bewoners zelf eigenaar van het buurthuis.\n\n"
        "Ze bepalen het programma. Van bingo tot een reparatiecafé.",
    ),
    (
        "Een andere blik op het werk",
        "GM0946",
        "micro",
        ("reflection",),
        ("work",),
        ("meaning", "mind"),
        "Een team van de thuiszorg in Nederweert bespreekt eens per maand wat hen energie geeft in het werk.\n\n"
        "Het ziekteverzuim daalde, en nieuwe collega's blijven langer.",
    ),
    (
        "Vrijwilligers in de hoofdrol",
        "GM1640",
        "micro",
        ("movement",),
        ("volunteering",),
        ("participation", "meaning"),
        "In Leudal werden alle vrijwilligers bedankt met een feest dat ze zelf organiseerden.\n\n"
        '"Zonder hen draait hier niets," zei de burgemeester. Daarna werd er tot laat gedanst.',
    ),
]


@transaction.atomic
def load(region: Region) -> list[str]:
    import random
    from datetime import timedelta

    from django.utils import timezone

    from veerkracht.accounts.demo import DEMO_DOMAIN
    from veerkracht.accounts.models import User
    from veerkracht.core.vocabulary import DIMENSIONS, THEMES
    from veerkracht.regions.models import Municipality

    from ..models import INTERPRETATION_FLAGS, Story, StoryStatus
    from ..selectors.stories import link_choices

    if Story.objects.filter(region=region).exists():
        return []
    users = {u.email.split("@")[0]: u for u in User.objects.filter(email__endswith=f"@{DEMO_DOMAIN}")}
    writers = [u for key, u in users.items() if key in ("inwoner", "ambassadeur", "partner", "actiecentrum")]
    if not writers:
        return []
    staff = users.get("actiecentrum")
    munis = {m.code: m for m in Municipality.objects.filter(region=region)}
    initiatives, events = link_choices(region)
    rng = random.Random(14)  # noqa: S311 - demo data
    now = timezone.now()
    for i, (title, code, level, interpretations, themes, dimensions, text) in enumerate(STORIES):
        waiting = i >= len(STORIES) - 2  # the last two wait in the moderation queue
        story = Story.objects.create(
            region=region,
            author=writers[i % len(writers)],
            title=title,
            text=text,
            municipality=munis.get(code),
            level=level,
            interpretations=INTERPRETATION_FLAGS.mask(interpretations),
            themes=THEMES.mask(themes),
            dimensions=DIMENSIONS.mask(dimensions),
            initiative=initiatives[i % len(initiatives)] if initiatives and i % 5 == 0 else None,
            event=events[i % len(events)] if events and i % 7 == 3 else None,
            status=StoryStatus.WAITING if waiting else StoryStatus.PUBLISHED,
            published_at=None if waiting else now - timedelta(days=3 + 11 * (len(STORIES) - i)),
            reviewed_by=None if waiting else staff,
            inspiration_count=0 if waiting else rng.randint(0, 12),
        )
        if not waiting:
            _reactions(story, writers, i, rng)
    return [f"Stories: {len(STORIES)} stories, two waiting for moderation."]


DEMO_RESPONSES = [
    "Wat mooi om te lezen! Dit wil ik in onze wijk ook proberen.",
    "Herkenbaar. Bij ons begon het ook klein, met koffie.",
    "Dank voor het delen. Hoe hebben jullie de eerste mensen gevonden?",
    "Hier word ik blij van. Zet zo door!",
]


def _reactions(story, writers, i: int, rng) -> None:
    from ..models import Inspiration, StoryResponse

    Inspiration.objects.bulk_create(
        [Inspiration(story=story, browser=f"demo-{story.pk}-{n}") for n in range(story.inspiration_count)]
    )
    if i % 3 == 0:
        StoryResponse.objects.create(
            story=story, author=writers[(i + 1) % len(writers)], text=rng.choice(DEMO_RESPONSES)
        )
