"""Demo e-learning for "Basis Positieve Gezondheid" and "Het andere gesprek voeren", in our own words
(no licensed texts): modules, lessons and one quiz each. The catalogue's demo (ORDER 10) makes the
courses; when it has not run, this loader makes minimal ones with the same slugs so it also works alone.
Learners with a completed enrolment get their lessons done and a passed attempt; running enrolments get
some progress."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from veerkracht.regions.models import Region

from ..models import (
    AttemptAnswer,
    Choice,
    Cohort,
    CostKind,
    Course,
    CourseFormat,
    Enrolment,
    EnrolmentStatus,
    Lesson,
    LessonProgress,
    Question,
    QuestionKind,
    Quiz,
    QuizAttempt,
    TargetGroup,
)
from ..models import Module as CourseModule

ORDER = 20
S, M = QuestionKind.SINGLE, QuestionKind.MULTIPLE

BASIS = {
    "slug": "basis-positieve-gezondheid",
    "title": "Basis Positieve Gezondheid",
    "summary": "In een paar uur online leer je wat Positieve Gezondheid is en hoe het spinnenweb "
    "een gesprek opent.",
    "format": CourseFormat.ELEARNING,
    "modules": [
        (
            "Wat is Positieve Gezondheid?",
            [
                (
                    "Gezondheid als vermogen",
                    "Vaak denken we bij gezondheid aan *niet ziek zijn*. Positieve Gezondheid kijkt anders: "
                    "gezondheid is het vermogen om je aan te passen en zelf de regie te voeren als het leven "
                    "lichamelijk, emotioneel of sociaal iets van je vraagt.\n\n"
                    "Iemand met een chronische ziekte kan zich dus best gezond voelen, en iemand zonder "
                    "diagnose soms juist niet.\n\n## Wat betekent dat voor jouw werk?\n\n"
                    "- Je kijkt naar de hele mens, niet alleen naar de klacht.\n"
                    "- Je vraagt wat iemand zelf belangrijk vindt.\n"
                    "- Je zoekt samen naar wat iemand zelf kan en wil.",
                ),
                (
                    "Waarom een bredere kijk helpt",
                    "Veel vragen die bij een huisarts, wijkteam of buurthuis binnenkomen gaan niet "
                    "alleen over het lichaam. Eenzaamheid, geldzorgen of geen zinvolle dag hebben, "
                    "maken mensen ook ziek.\n\n"
                    "Door breder te kijken kom je sneller bij wat er echt speelt. En mensen vinden vaak zelf "
                    "oplossingen als ze de ruimte krijgen om te vertellen wat voor hen telt.\n\n"
                    "> Begin bij de mens, niet bij het probleem.",
                ),
            ],
        ),
        (
            "De zes dimensies",
            [
                (
                    "Lichaam en geest",
                    "Positieve Gezondheid gebruikt zes dimensies. De eerste twee:\n\n"
                    "1. **Lichaamsfuncties**: hoe voelt je lichaam, slaap je goed, heb je energie, "
                    "kun je bewegen?\n"
                    "2. **Mentaal welbevinden**: kun je dingen onthouden en je concentreren, voel je je "
                    "vrolijk, kun je omgaan met spanning en verandering?\n\n"
                    "Het gaat steeds om hoe iemand het zelf ervaart, niet om wat een meting zegt.",
                ),
                (
                    "Zin en kwaliteit van leven",
                    "De volgende twee dimensies:\n\n"
                    "3. **Zingeving**: heb je idealen, doelen, dingen waar je voor wilt gaan? Voel je je "
                    "nuttig, heb je vertrouwen in je eigen toekomst?\n"
                    "4. **Kwaliteit van leven**: geniet je, voel je je gelukkig, is je woonsituatie goed, "
                    "heb je genoeg geld om van te leven?",
                ),
                (
                    "Meedoen en dagelijks leven",
                    "De laatste twee dimensies:\n\n"
                    "5. **Meedoen**: heb je goed contact met anderen, hoor je erbij, doe je mee in je buurt, "
                    "op je werk of bij een club?\n"
                    "6. **Dagelijks functioneren**: kun je voor jezelf zorgen, je grenzen kennen, je geld "
                    "regelen, werken of iets anders doen wat je wilt?\n\n"
                    "Samen geven de zes dimensies een breed beeld van hoe het met iemand gaat.",
                ),
            ],
        ),
        (
            "Het spinnenweb als gesprekshulp",
            [
                (
                    "Wat is het spinnenweb?",
                    "Het spinnenweb is een plaatje met zes assen, één voor elke dimensie. Iemand geeft "
                    "zichzelf op elke as een cijfer van 0 tot 10. Zo ontstaat een web dat laat zien "
                    "waar het goed gaat "
                    "en waar iemand iets zou willen veranderen.\n\n"
                    "Het spinnenweb is **geen test en geen meting**. Er is geen goed of fout web. Het is een "
                    "hulpmiddel om het gesprek te beginnen.",
                ),
                (
                    "Het spinnenweb samen bespreken",
                    "Na het invullen praat je samen over het web. Goede vragen zijn bijvoorbeeld:\n\n"
                    "- Wat valt je zelf op als je naar je web kijkt?\n"
                    "- Waar ben je tevreden over?\n"
                    "- Wil je op een van de dimensies iets veranderen? Wat zou je willen?\n"
                    "- Wat is een eerste kleine stap, en wie of wat kan daarbij helpen?\n\n"
                    "De persoon zelf kiest waar het gesprek over gaat. Jij helpt met vragen, niet met "
                    "adviezen.",
                ),
            ],
        ),
    ],
    "quiz": (
        "Toets Basis Positieve Gezondheid",
        None,
        [
            (
                "Wat is gezondheid volgens Positieve Gezondheid?",
                S,
                [
                    (
                        "Niet ziek zijn en geen klachten hebben.",
                        False,
                        "Dat is de oude kijk: alleen naar ziekte.",
                    ),
                    (
                        "Het vermogen om je aan te passen en zelf regie te voeren.",
                        True,
                        "Juist: het gaat om wat iemand kan en wil, ook met een ziekte.",
                    ),
                    (
                        "Een goede score op een medische test.",
                        False,
                        "Het gaat om hoe iemand het zelf ervaart.",
                    ),
                ],
            ),
            (
                "Hoeveel dimensies heeft het spinnenweb?",
                S,
                [
                    ("Vier", False, "Er zijn er meer: tel de assen van het web."),
                    ("Zes", True, "Goed: van lichaamsfuncties tot dagelijks functioneren."),
                    ("Tien", False, "Tien is het hoogste cijfer op een as, niet het aantal dimensies."),
                ],
            ),
            (
                "Welke van deze horen bij de zes dimensies?",
                M,
                [
                    ("Zingeving", True, "Ja: idealen, doelen en je nuttig voelen."),
                    ("Meedoen", True, "Ja: contact met anderen en erbij horen."),
                    (
                        "Inkomen in euro's",
                        False,
                        "Geld speelt mee bij kwaliteit van leven, maar is geen dimensie.",
                    ),
                    ("Mentaal welbevinden", True, "Ja: omgaan met spanning en je goed voelen."),
                ],
            ),
            (
                "Wat is het spinnenweb?",
                S,
                [
                    ("Een test met goede en foute antwoorden.", False, "Nee, er is geen goed of fout web."),
                    ("Een hulpmiddel om het gesprek te beginnen.", True, "Precies: het opent het gesprek."),
                    ("Een diagnose door een professional.", False, "De persoon vult het zelf in."),
                ],
            ),
            (
                "Wie kiest waar het gesprek over het spinnenweb over gaat?",
                S,
                [
                    ("De professional.", False, "Jij helpt met vragen; de ander kiest."),
                    ("De persoon die het web invulde.", True, "Goed: die weet zelf wat telt."),
                    ("De huisarts.", False, "Het gesprek is van de persoon zelf."),
                ],
            ),
            (
                "Welke vragen passen goed bij het bespreken van het web?",
                M,
                [
                    ("Wat valt je zelf op?", True, "Een open vraag: de ander kijkt zelf."),
                    ("Waarom scoor je zo laag?", False, "Dit klinkt als een oordeel en sluit het gesprek."),
                    (
                        "Wat zou een eerste kleine stap kunnen zijn?",
                        True,
                        "Ja: klein en van de persoon zelf.",
                    ),
                ],
            ),
        ],
    ),
}

GESPREK = {
    "slug": "het-andere-gesprek-voeren",
    "title": "Het andere gesprek voeren",
    "summary": "Oefen een gesprek dat begint bij wat iemand belangrijk vindt: online en in een "
    "intervisiegroep.",
    "format": CourseFormat.BLENDED,
    "modules": [
        (
            "Van klacht naar wat telt",
            [
                (
                    "Wat is het andere gesprek?",
                    "In een gewoon gesprek met een hulpverlener gaat het vaak meteen over de klacht: *wat is "
                    "er aan de hand, en wat gaan we eraan doen?* Het andere gesprek begint ergens anders: "
                    "**wat vind jij belangrijk in je leven?**\n\n"
                    "Door eerst te vragen wat iemand drijft, komt er ruimte voor eigen ideeën. De klacht "
                    "verdwijnt niet, maar krijgt een plek in een groter verhaal.",
                ),
                (
                    "Vragen die openen",
                    "Open vragen helpen iemand zelf na te denken. Een paar voorbeelden:\n\n"
                    "- Wat maakt een goede dag voor jou?\n"
                    "- Waar word je blij van?\n"
                    "- Wat zou je anders willen, als het kon?\n\n"
                    "Vermijd vragen die al een antwoord in zich hebben (*Je wilt toch zeker wel meer "
                    "bewegen?*). Die sluiten het gesprek.",
                ),
            ],
        ),
        (
            "Het gesprek in de praktijk",
            [
                (
                    "Luisteren en doorvragen",
                    "Het andere gesprek vraagt vooral goed luisteren. Vat samen wat je hoort, vraag door op "
                    "wat iemand belangrijk noemt, en laat stiltes bestaan.\n\n"
                    "Geef niet meteen advies. Vraag liever: *Wat heb je zelf al geprobeerd?* en *Wat zou "
                    "je willen proberen?*",
                ),
                (
                    "Van wens naar een kleine stap",
                    "Als duidelijk is wat iemand wil, zoek je samen een eerste stap. Die stap is klein, "
                    "haalbaar en gekozen door de persoon zelf.\n\n"
                    "Vraag ook wie kan helpen: familie, buren, een club of een vrijwilliger. In de "
                    "intervisiebijeenkomsten oefen je dit met collega's en bespreek je je eigen gesprekken.",
                ),
            ],
        ),
    ],
    "quiz": (
        "Toets Het andere gesprek",
        None,
        [
            (
                "Waar begint het andere gesprek?",
                S,
                [
                    ("Bij de klacht en de oplossing.", False, "Dat is het gewone gesprek."),
                    ("Bij wat iemand belangrijk vindt.", True, "Goed: eerst wat telt, dan de rest."),
                    ("Bij het advies van de hulpverlener.", False, "Advies komt later, als het al komt."),
                ],
            ),
            (
                "Welke vragen zijn open vragen?",
                M,
                [
                    ("Wat maakt een goede dag voor jou?", True, "Ja: de ander vertelt zelf."),
                    ("Je wilt toch zeker wel meer bewegen?", False, "Hier zit het antwoord al in de vraag."),
                    ("Waar word je blij van?", True, "Ja: een open vraag over wat telt."),
                ],
            ),
            (
                "Wat doe je als iemand vertelt wat hij belangrijk vindt?",
                S,
                [
                    ("Meteen een oplossing geven.", False, "Dan neem je het gesprek over."),
                    ("Samenvatten en doorvragen.", True, "Goed: zo laat je merken dat je luistert."),
                    ("Over iets anders beginnen.", False, "Dan mis je wat er echt speelt."),
                ],
            ),
            (
                "Hoe ziet een goede eerste stap eruit?",
                M,
                [
                    ("Klein en haalbaar.", True, "Ja: een kleine stap lukt eerder."),
                    ("Gekozen door de persoon zelf.", True, "Ja: dan is het ook echt van hem of haar."),
                    ("Zo groot mogelijk, dan gaat het sneller.", False, "Een te grote stap ontmoedigt."),
                ],
            ),
            (
                "Wat doe je in de intervisiebijeenkomsten?",
                S,
                [
                    ("Een examen maken.", False, "Nee, je leert samen."),
                    ("Oefenen en je eigen gesprekken bespreken met collega's.", True, "Precies."),
                    ("Alleen naar een presentatie luisteren.", False, "Je doet zelf mee."),
                ],
            ),
        ],
    ),
}


def _course(region: Region, spec: dict) -> tuple[Course, bool]:
    course = Course.objects.filter(region=region, slug=spec["slug"]).first()
    if course is not None:
        return course, False
    course = Course.objects.create(
        region=region,
        slug=spec["slug"],
        title=spec["title"],
        summary=spec["summary"],
        description=spec["summary"],
        target_group=TargetGroup.PROFESSIONAL,
        format=spec["format"],
        duration="4 uur online",
        study_hours=4,
        cost_kind=CostKind.PLAN,
        requires_elearning=True,
        published_at=timezone.now(),
    )
    Cohort.objects.create(course=course, title="Doorlopend", starts_on=timezone.localdate())
    return course, True


def _content(course: Course, spec: dict) -> None:
    for m, (title, lessons) in enumerate(spec["modules"], start=1):
        module = CourseModule.objects.create(course=course, title=title, order=m)
        for n, (lesson_title, body) in enumerate(lessons, start=1):
            Lesson.objects.create(module=module, title=lesson_title, body=body, order=n)
    quiz_title, _module, questions = spec["quiz"]
    quiz = Quiz.objects.create(
        course=course, title=quiz_title, intro="Beantwoord alle vragen. Je hebt 3 pogingen.", pass_mark=70
    )
    for q, (text, kind, choices) in enumerate(questions, start=1):
        question = Question.objects.create(quiz=quiz, text=text, kind=kind, order=q)
        Choice.objects.bulk_create(
            Choice(question=question, text=t, correct=c, feedback=f, order=i)
            for i, (t, c, f) in enumerate(choices)
        )


def _passed_attempt(enrolment: Enrolment, quiz: Quiz, when) -> None:
    questions = list(quiz.questions.prefetch_related("choices"))
    attempt = QuizAttempt.objects.create(
        enrolment=enrolment,
        quiz=quiz,
        number=1,
        question_order=[q.pk for q in questions],
        started_at=when,
        submitted_at=when + timedelta(minutes=12),
        score=100,
        passed=True,
    )
    for question in questions:
        answer = AttemptAnswer.objects.create(attempt=attempt, question=question, correct=True)
        answer.choices.set([c for c in question.choices.all() if c.correct])


def _progress(course: Course) -> int:
    lessons = list(Lesson.objects.filter(module__course=course).order_by("module__order", "order"))
    quizzes = list(course.quizzes.all())
    enrolments = Enrolment.objects.filter(
        cohort__course=course, status__in=(EnrolmentStatus.COMPLETED, EnrolmentStatus.ENROLLED)
    ).exclude(lesson_progress__isnull=False)
    count = 0
    for index, enrolment in enumerate(enrolments.order_by("pk")):
        done = enrolment.status == EnrolmentStatus.COMPLETED
        when = enrolment.completed_at or enrolment.created_at or timezone.now()
        reached = lessons if done else lessons[: 1 + index % max(len(lessons), 1)]
        LessonProgress.objects.bulk_create(
            LessonProgress(enrolment=enrolment, lesson=lesson, seen_at=when, done_at=when)
            for lesson in reached
        )
        if done:
            for quiz in quizzes:
                _passed_attempt(enrolment, quiz, when - timedelta(hours=1))
        count += 1
    return count


@transaction.atomic
def load(region: Region) -> list[str]:
    lines = []
    for spec in (BASIS, GESPREK):
        course, made = _course(region, spec)
        if made:
            lines.append(f"Learning: made a minimal course {course.title} for its e-learning")
        if not course.modules.exists():
            _content(course, spec)
            lines.append(f"Learning: e-learning of {course.title} ({len(spec['modules'])} modules, one quiz)")
        learners = _progress(course)
        if learners:
            lines.append(f"Learning: progress of {learners} learners in {course.title}")
    return lines
