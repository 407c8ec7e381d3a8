"""Writing e-learning: authors' content (modules, lessons with a checked download, quizzes, questions
with choices) and learners' progress and quiz attempts.

Progress is idempotent (marking a lesson done twice keeps the first time). A quiz attempt draws the
order of its questions once, when it starts; it is handed in once (the row is locked, so a double submit
finds it handed in). Whatever may finish the e-learning calls ``enrolment_check_completion``.
"""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from veerkracht.lib.files import (
    CONTENT_TYPES,
    DOCUMENT_SIGNATURES,
    IMAGE_SIGNATURES,
    MAX_FILE_BYTES,
    PreparedFile,
)

from ..models import (
    AttemptAnswer,
    Choice,
    Course,
    Enrolment,
    EnrolmentStatus,
    Lesson,
    LessonProgress,
    Question,
    QuestionKind,
    Quiz,
    QuizAttempt,
)
from ..models import Module as CourseModule
from ..models.elearning import elearning_storage
from ..selectors.elearning import attempt_questions
from .enrolments import enrolment_check_completion

FILE_SIGNATURES: dict[str, tuple[bytes, ...]] = {**DOCUMENT_SIGNATURES, **IMAGE_SIGNATURES}


def check_file_content(original: str, content: bytes) -> PreparedFile:
    """Size, extension and first bytes must agree; the stored name is random, the shown name safe."""
    if len(content) > MAX_FILE_BYTES:
        raise ValidationError(_("Dit bestand is te groot. Het mag hoogstens 20 MB zijn."), code="too_big")
    stem, _dot, extension = PurePath(original or "bestand").name.rpartition(".")
    extension = extension.lower()
    signatures = FILE_SIGNATURES.get(extension)
    if not stem or not signatures or not content.startswith(signatures):
        raise ValidationError(
            _("Dit soort bestand kan niet. Kies een PDF, een Office- of OpenDocument-bestand, of een foto."),
            code="file_type",
        )
    if extension == "webp" and content[8:12] != b"WEBP":
        raise ValidationError(_("Dit plaatje is geen echt WebP-bestand."), code="file_type")
    display = f"{(slugify(stem) or 'bestand')[:80]}.{extension}"
    return PreparedFile(content, f"{secrets.token_hex(16)}.{extension}", display, len(content))


def prepare_lesson_file(upload) -> PreparedFile:
    if (getattr(upload, "size", 0) or 0) > MAX_FILE_BYTES:
        raise ValidationError(_("Dit bestand is te groot. Het mag hoogstens 20 MB zijn."), code="too_big")
    upload.seek(0)
    return check_file_content(str(getattr(upload, "name", "") or ""), upload.read(MAX_FILE_BYTES + 1))


def content_type_of(lesson: Lesson) -> str:
    return CONTENT_TYPES.get(lesson.file_title.rpartition(".")[2].lower(), "application/octet-stream")


def _next_order(queryset) -> int:
    return (queryset.aggregate(top=Max("order"))["top"] or 0) + 1


# Authors -------------------------------------------------------------------------------------------


@transaction.atomic
def module_save(*, course: Course, title: str, order: int | None = None, module=None) -> CourseModule:
    module = module or CourseModule(course=course)
    module.title = title.strip()
    module.order = order if order is not None else (module.order or _next_order(course.modules.all()))
    module.full_clean()
    module.save()
    return module


@dataclass(frozen=True)
class LessonInput:
    title: str
    body: str
    video_url: str = ""
    order: int | None = None
    file: PreparedFile | None = None
    remove_file: bool = False


def _store_file(lesson: Lesson, file: PreparedFile | None, remove: bool) -> None:
    if (file is not None or remove) and lesson.file:
        old = lesson.file.name  # removed only once the change is committed
        transaction.on_commit(lambda: elearning_storage.delete(old))
        lesson.file, lesson.file_title, lesson.file_size = None, "", 0
    if file is not None:
        lesson.file_title, lesson.file_size = file.display_name, file.size
        lesson.file.save(file.name, ContentFile(file.content), save=False)


@transaction.atomic
def lesson_save(*, module: CourseModule, data: LessonInput, lesson: Lesson | None = None) -> Lesson:
    lesson = lesson or Lesson(module=module)
    lesson.module = module
    lesson.title, lesson.body, lesson.video_url = (
        data.title.strip(),
        data.body.strip(),
        data.video_url.strip(),
    )
    if lesson.video_url and not lesson.video_url.startswith("https://"):
        raise ValidationError({"video_url": _("Een videolink begint met https://")})
    if data.order is not None:
        lesson.order = data.order
    elif not lesson.pk:
        lesson.order = _next_order(module.lessons.all())
    lesson.full_clean(exclude=["file"])
    _store_file(lesson, data.file, data.remove_file)
    lesson.save()
    return lesson


@dataclass(frozen=True)
class QuizInput:
    title: str
    intro: str = ""
    module: CourseModule | None = None
    pass_mark: int = 70
    max_attempts: int = 3


@transaction.atomic
def quiz_save(*, course: Course, data: QuizInput, quiz: Quiz | None = None) -> Quiz:
    quiz = quiz or Quiz(course=course)
    if data.module is not None and data.module.course_id != course.pk:
        raise ValidationError({"module": _("Kies een module van deze cursus.")})
    quiz.title, quiz.intro, quiz.module = data.title.strip(), data.intro.strip(), data.module
    quiz.pass_mark, quiz.max_attempts = data.pass_mark, data.max_attempts
    quiz.full_clean()
    quiz.save()
    return quiz


@dataclass(frozen=True)
class ChoiceInput:
    text: str
    correct: bool = False
    feedback: str = ""


def _check_choices(kind: str, choices: list[ChoiceInput]) -> None:
    if len(choices) < 2:
        raise ValidationError(_("Geef minstens twee antwoorden."))
    right = sum(choice.correct for choice in choices)
    if right == 0:
        raise ValidationError(_("Vink minstens één goed antwoord aan."))
    if kind == QuestionKind.SINGLE and right > 1:
        raise ValidationError(_("Bij deze soort vraag is precies één antwoord goed. Vink er één aan."))


@transaction.atomic
def question_save(
    *, quiz: Quiz, text: str, kind: str, choices: list[ChoiceInput], question: Question | None = None
) -> Question:
    """Save a question and its choices. Existing choices keep their rows (by position), so answers
    given earlier still point to them; choices left empty are removed."""
    choices = [choice for choice in choices if choice.text.strip()]
    _check_choices(kind, choices)
    question = question or Question(quiz=quiz, order=_next_order(quiz.questions.all()))
    question.text, question.kind = text.strip(), kind
    question.full_clean()
    question.save()
    existing = list(question.choices.order_by("order", "pk"))
    for position, data in enumerate(choices):
        choice = existing[position] if position < len(existing) else Choice(question=question)
        choice.text, choice.correct, choice.feedback = data.text.strip(), data.correct, data.feedback.strip()
        choice.order = position
        choice.full_clean()
        choice.save()
    Choice.objects.filter(pk__in=[choice.pk for choice in existing[len(choices) :]]).delete()
    return question


def _delete_files_on_commit(lessons) -> None:
    names = [lesson.file.name for lesson in lessons if lesson.file]
    if names:
        transaction.on_commit(lambda: [elearning_storage.delete(name) for name in names])


@transaction.atomic
def content_delete(*, item: CourseModule | Lesson | Quiz | Question) -> None:
    """Delete a module (with its lessons and quizzes), a lesson, a quiz or a question. Lesson files go
    once the deletion is committed. Learners' progress and answers on it go with it."""
    if isinstance(item, CourseModule):
        _delete_files_on_commit(list(item.lessons.all()))
    elif isinstance(item, Lesson):
        _delete_files_on_commit([item])
    item.delete()


# Learners ------------------------------------------------------------------------------------------


def _check_learning(enrolment: Enrolment) -> None:
    if enrolment.status not in (EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED):
        raise ValidationError(_("Je bent niet (meer) ingeschreven voor deze cursus."))


def lesson_mark_seen(*, enrolment: Enrolment, lesson: Lesson) -> LessonProgress:
    """Remember that the learner opened this lesson (once; later visits change nothing)."""
    try:
        with transaction.atomic():
            progress, _created = LessonProgress.objects.get_or_create(
                enrolment=enrolment, lesson=lesson, defaults={"seen_at": timezone.now()}
            )
    except IntegrityError:  # the same learner in two tabs at once
        progress = LessonProgress.objects.get(enrolment=enrolment, lesson=lesson)
    return progress


@transaction.atomic
def lesson_mark_done(*, enrolment: Enrolment, lesson: Lesson) -> LessonProgress:
    """Mark a lesson done (idempotent: the first time stays) and check whether the course is complete."""
    _check_learning(enrolment)
    if lesson.module.course_id != enrolment.cohort.course_id:
        raise ValidationError(_("Deze les hoort niet bij je cursus."))
    now = timezone.now()
    progress, created = LessonProgress.objects.select_for_update().get_or_create(
        enrolment=enrolment, lesson=lesson, defaults={"seen_at": now, "done_at": now}
    )
    if not created and progress.done_at is None:
        progress.done_at = now
        progress.save(update_fields=["done_at"])
        created = True
    if created:
        enrolment_check_completion(enrolment=enrolment)
    return progress


def attempts_left(quiz: Quiz, used: int) -> int:
    return max(quiz.max_attempts - used, 0)


@transaction.atomic
def quiz_attempt_start(*, enrolment: Enrolment, quiz: Quiz) -> QuizAttempt:
    """The open attempt, or a new one with its own random order of questions. Refused when every
    attempt is used. The enrolment row is locked so two clicks never make two attempts."""
    _check_learning(enrolment)
    if quiz.course_id != enrolment.cohort.course_id:
        raise ValidationError(_("Deze toets hoort niet bij je cursus."))
    Enrolment.objects.select_for_update().filter(pk=enrolment.pk).first()
    attempts = list(QuizAttempt.objects.filter(enrolment=enrolment, quiz=quiz))
    open_attempt = next((attempt for attempt in attempts if attempt.is_open), None)
    if open_attempt is not None:
        return open_attempt
    if len(attempts) >= quiz.max_attempts:
        raise ValidationError(
            _("Je hebt alle %(count)s pogingen voor deze toets gebruikt. Je kunt hem niet nog eens maken.")
            % {"count": quiz.max_attempts},
            code="no_attempts_left",
        )
    order = list(quiz.questions.values_list("pk", flat=True))
    if not order:
        raise ValidationError(_("Deze toets heeft nog geen vragen."))
    random.SystemRandom().shuffle(order)
    attempt = QuizAttempt(
        enrolment=enrolment,
        quiz=quiz,
        number=len(attempts) + 1,
        question_order=order,
        started_at=timezone.now(),
    )
    attempt.full_clean()
    attempt.save()
    return attempt


def _check_answers(questions: list[Question], answers: dict[int, list[int]]) -> dict[int, set[int]]:
    checked: dict[int, set[int]] = {}
    for question in questions:
        valid = {choice.pk for choice in question.choices.all()}
        chosen = {int(pk) for pk in answers.get(question.pk, [])}
        if not chosen:
            raise ValidationError(_("Beantwoord elke vraag voordat je de toets inlevert."), code="unanswered")
        if not chosen <= valid:
            raise ValidationError(_("Kies een antwoord uit de lijst."), code="unknown_choice")
        if question.kind == QuestionKind.SINGLE and len(chosen) > 1:
            raise ValidationError(_("Kies bij deze vraag één antwoord."), code="one_answer")
        checked[question.pk] = chosen
    return checked


@transaction.atomic
def quiz_attempt_submit(*, attempt: QuizAttempt, answers: dict[int, list[int]]) -> QuizAttempt:
    """Hand in an attempt: score it, keep the answers, and when passed check whether the course is done.
    ``answers`` maps question ids to chosen choice ids. An attempt is handed in once only."""
    attempt = (
        QuizAttempt.objects.select_for_update(of=("self",))
        .select_related("quiz", "enrolment__cohort")
        .get(pk=attempt.pk)
    )
    if not attempt.is_open:
        raise ValidationError(_("Deze poging is al ingeleverd."), code="submitted")
    _check_learning(attempt.enrolment)
    questions = attempt_questions(attempt)
    checked = _check_answers(questions, answers)
    rows = []
    for question in questions:
        right = {choice.pk for choice in question.choices.all() if choice.correct}
        rows.append(AttemptAnswer(attempt=attempt, question=question, correct=checked[question.pk] == right))
    AttemptAnswer.objects.bulk_create(rows)
    through = AttemptAnswer.choices.through
    through.objects.bulk_create(
        [
            through(attemptanswer_id=row.pk, choice_id=pk)
            for row in rows
            for pk in sorted(checked[row.question_id])
        ]
    )
    good = sum(row.correct for row in rows)
    attempt.score = round(100 * good / len(rows)) if rows else 0
    attempt.passed = attempt.score >= attempt.quiz.pass_mark
    attempt.submitted_at = timezone.now()
    attempt.save(update_fields=["score", "passed", "submitted_at"])
    if attempt.passed:
        enrolment_check_completion(enrolment=attempt.enrolment)
    return attempt
