"""Demo questions to the movement, with answers (in our own words)."""

from __future__ import annotations

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from veerkracht.accounts.demo import DEMO_DOMAIN
from veerkracht.accounts.models import User
from veerkracht.actioncentre.selectors.connect import public_ambassadors
from veerkracht.core.vocabulary import THEMES
from veerkracht.regions.models import Municipality, Region

QUESTIONS = [
    (
        "Hoe begin ik een wandelgroep in mijn wijk?",
        "Ik wandel graag en wil dat samen met buren doen. Hoe vind ik mensen en moet ik iets regelen?",
        ("movement", "loneliness"),
        (
            "Hang een briefje op bij de bakker en in het buurthuis. Begin met één vaste ochtend in de "
            "week; dan weten mensen waar ze aan toe zijn. Een verzekering is voor een wandelgroep meestal "
            "niet nodig."
        ),
    ),
    (
        "Waar vind ik vrijwilligers voor een koffieochtend?",
        "We willen in ons buurthuis een koffieochtend voor ouderen starten, maar we zijn met z'n tweeën.",
        ("elderly", "loneliness"),
        (
            "Het vrijwilligerspunt van je gemeente heeft een vacaturebank. Vraag ook bezoekers zelf: veel "
            "mensen helpen graag een uurtje als je het ze persoonlijk vraagt."
        ),
    ),
    (
        "Hoe praat ik met mijn buurman over geldzorgen?",
        "Mijn buurman laat zijn post liggen en lijkt zich te schamen. Hoe begin ik daarover?",
        ("money",),
        (
            "Begin niet over geld, maar over hoe het met hem gaat. Vertel dat er gratis hulp is, "
            "bijvoorbeeld bij de schuldhulp van de gemeente, en bied aan om een keer mee te gaan."
        ),
    ),
    (
        "Kan ik subsidie krijgen voor een buurtmoestuin?",
        "Met vijf gezinnen willen we een stukje braakliggend land gebruiken als moestuin.",
        ("food", "nature", "neighbourhood"),
        (
            "Veel gemeenten hebben een buurtbudget of leefbaarheidsfonds. Vraag ook de woningcorporatie: "
            "die heeft soms grond en geld voor groen in de wijk."
        ),
    ),
    (
        "Hoe krijg ik jongeren mee bij een buurtactiviteit?",
        "Onze activiteiten trekken vooral vijftigplussers. Hoe bereik ik de jongeren uit de straat?",
        ("youth", "neighbourhood"),
        (
            "Laat jongeren zelf iets organiseren in plaats van ze uit te nodigen. Een jongerenwerker kan "
            "helpen om het eerste contact te leggen."
        ),
    ),
    (
        "Wat doe ik als iemand in de groep steeds negatief is?",
        "In onze gespreksgroep is één deelnemer vaak boos. Anderen haken af.",
        ("mental",),
        (
            "Spreek samen af hoe jullie met elkaar omgaan, en praat apart met die persoon. Vaak zit er "
            "iets achter; luisteren helpt meer dan corrigeren."
        ),
    ),
    (
        "Hoe maak ik een beweegactiviteit geschikt voor mensen met pijn?",
        "Ik geef stoelyoga, maar sommige mensen hebben veel pijn en durven niet.",
        ("movement", "care"),
        (
            "Laat iedereen zelf bepalen hoe ver ze gaan en bied bij elke oefening een lichte variant. Een "
            "fysiotherapeut uit de wijk wil vaak een keer meekijken."
        ),
    ),
    (
        "Hoe vraag ik de gemeente om een bankje in het park?",
        "Oudere buren kunnen niet ver lopen zonder rust. Er staat geen enkel bankje.",
        ("elderly", "neighbourhood"),
        (
            "Dien een melding in via de website van de gemeente en verzamel handtekeningen van buren. Een "
            "wijkagent of wijkcoördinator kan het verzoek ondersteunen."
        ),
    ),
    (
        "Welke gesprekskaarten zijn er over Positieve Gezondheid?",
        "Ik wil in mijn groep het gesprek aangaan over wat mensen belangrijk vinden.",
        ("mental", "care"),
        (
            "Er zijn gesprekskaarten en een spinnenweb-oefening die je samen kunt doen. Kijk in de "
            "kennisbank, daar staan ze met uitleg."
        ),
    ),
    (
        "Hoe betrek ik nieuwkomers in de wijk?",
        "Er wonen sinds kort gezinnen uit Syrië en Oekraïne in onze straat.",
        ("loneliness", "neighbourhood", "culture"),
        (
            "Een samen-kookavond werkt goed: iedereen neemt iets mee uit eigen land. Vraag een taalmaatje "
            "om te helpen met uitnodigen."
        ),
    ),
    (
        "Hoe houd ik een buurtinitiatief vol als ik het alleen doe?",
        "Ik organiseer al een jaar een repaircafé, maar ik merk dat ik moe word.",
        ("neighbourhood",),
        (
            "Vraag bezoekers om één klein taakje te doen, zoals koffie zetten. Zo groeit een team vanzelf. "
            "En neem af en toe een maand vrij: dat mag."
        ),
    ),
    (
        "Waar kan ik terecht met een idee voor een schoolplein?",
        "Ons schoolplein is alleen stenen. Ouders willen het groener maken.",
        ("school", "nature", "youth"),
        (
            "Het actiecentrum kan je in contact brengen met andere scholen die dit al deden. Ook het IVN "
            "helpt met groene schoolpleinen."
        ),
    ),
    (
        "Hoe organiseer ik een buurtmaaltijd zonder veel geld?",
        "We willen één keer per maand samen eten, maar er is geen budget.",
        ("food", "loneliness", "money"),
        (
            "Vraag een kleine bijdrage per persoon en laat wie kan iets meenemen. Supermarkten geven soms "
            "producten die bijna over datum zijn."
        ),
    ),
    (
        "Hoe spreek ik een eenzame buurvrouw aan zonder op te dringen?",
        "Ze zit veel alleen voor het raam. Ik wil iets doen maar weet niet hoe.",
        ("loneliness", "elderly"),
        (
            "Een klein gebaar is genoeg: vraag of ze zin heeft in koffie, of breng iets uit de tuin. Laat "
            "de keuze bij haar."
        ),
    ),
    (
        "Wat is een goede plek om te vergaderen met een werkgroep?",
        "We zijn met acht mensen en hebben geen eigen ruimte.",
        ("neighbourhood",),
        (
            "Bibliotheken en buurthuizen hebben vaak gratis ruimtes voor vrijwilligers. Vraag ook kerken "
            "of de school na schooltijd."
        ),
    ),
    (
        "Hoe meet ik of onze activiteit iets oplevert?",
        "De gemeente vraagt wat onze wandelgroep bijdraagt aan gezondheid.",
        ("movement", "care"),
        (
            "Vraag deelnemers na een paar maanden wat er veranderd is, bijvoorbeeld met het spinnenweb. "
            "Verhalen van deelnemers zeggen vaak meer dan cijfers."
        ),
    ),
    (
        "Hoe start ik een praatgroep voor mantelzorgers?",
        "Ik zorg voor mijn moeder en merk dat ik er veel over wil praten.",
        ("care", "mental"),
        (
            "Het steunpunt mantelzorg in je gemeente helpt met een ruimte en bekendheid. Begin met een "
            "paar mensen die je al kent."
        ),
    ),
    (
        "Mag ik foto's van deelnemers op Facebook zetten?",
        "We maken leuke foto's bij onze activiteiten en willen ze delen.",
        ("culture",),
        (
            "Alleen als mensen daar toestemming voor geven. Vraag het vooraf en zet niemand herkenbaar "
            "online die dat niet wil."
        ),
    ),
    (
        "Hoe help ik iemand die werk zoekt na lange tijd thuis?",
        "Een deelnemer van onze groep wil weer aan het werk maar weet niet waar te beginnen.",
        ("work",),
        (
            "Vrijwilligerswerk is een goede eerste stap. Het werkplein of het sociaal team van de gemeente "
            "kan ook meedenken."
        ),
    ),
    (
        "Hoe maak ik een activiteit toegankelijk voor mensen in een rolstoel?",
        "Onze ontmoetingsplek heeft een drempel en een smalle deur.",
        ("care", "neighbourhood"),
        (
            "Vraag of er een oprijplaat kan komen en kies anders een andere plek. Zet in je uitnodiging of "
            "de plek drempelvrij is."
        ),
    ),
]


def demo_people(region: Region) -> list[User]:
    people = list(User.objects.filter(email__endswith=f"@{DEMO_DOMAIN}").order_by("email"))
    people += [p.user for p in public_ambassadors(region)[:20]]
    return list(dict.fromkeys(people))


@transaction.atomic
def load(region: Region) -> list[str]:
    from ..models import Answer, Question

    if Question.objects.filter(region=region).exists():
        return []
    people = demo_people(region)
    if len(people) < 2:
        return []
    rng = random.Random(14)  # noqa: S311 - demo data, not security
    munis = list(Municipality.objects.filter(region=region).order_by("code"))
    now = timezone.now()
    for i, (title, text, themes, answer_text) in enumerate(QUESTIONS):
        asker = people[i % len(people)]
        question = Question.objects.create(
            region=region,
            author=asker,
            title=title,
            text=text,
            themes=THEMES.mask(themes),
            municipality=rng.choice(munis) if munis and i % 3 else None,
        )
        asked = now - timedelta(days=3 + 7 * i, hours=rng.randint(0, 20))
        if i % 5 == 4:  # every fifth question still waits for an answer
            Question.objects.filter(pk=question.pk).update(created_at=asked)
            continue
        helper = next(p for p in rng.sample(people, len(people)) if p != asker)
        answer = Answer.objects.create(question=question, author=helper, text=answer_text)
        answered = asked + timedelta(hours=rng.randint(2, 60))
        Answer.objects.filter(pk=answer.pk).update(created_at=answered)
        Question.objects.filter(pk=question.pk).update(
            created_at=asked, first_answer_at=answered, helpful_answer=answer if i % 2 == 0 else None
        )
    return [f"community: {len(QUESTIONS)} questions to the movement"]
