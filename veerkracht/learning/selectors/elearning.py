"""Reading e-learning: a learner's course outline with progress, a lesson with its neighbours, quiz
attempts, the authors' overview and per-question statistics. Every page reads in a fixed number of
queries, whatever the number of learners or rows of progress.

The "elearning" completion requirement (completion.py) is registered at the bottom of this module.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..completion import Requirement, register_requirement
from ..models import (
    AttemptAnswer,
    Choice,
    Course,
    Enrolment,
    Lesson,
    LessonProgress,
    Question,
    Quiz,
    QuizAttempt,
)
from ..models import Module as CourseModule


@dataclass
class LessonRow:
    lesson: Lesson
    seen: bool = False
    done: bool = False


@dataclass
class QuizRow:
    quiz: Quiz
    passed: bool = False
    attempts: int = 0


@dataclass
class ModuleRow:
    module: CourseModule
    lessons: list[LessonRow] = field(default_factory=list)
    quizzes: list[QuizRow] = field(default_factory=list)


@dataclass
class Outline:
    course: Course
    modules: list[ModuleRow]
    final_quizzes: list[QuizRow]
    lessons_total: int
    lessons_done: int
    quizzes_total: int
    quizzes_passed: int
    resume: Lesson | None

    @property
    def percent(self) -> int:
        total = self.lessons_total + self.quizzes_total
        return round(100 * (self.lessons_done + self.quizzes_passed) / total) if total else 0

    @property
    def finished(self) -> bool:
        total = self.lessons_total + self.quizzes_total
        return (
            bool(total)
            and self.lessons_done == self.lessons_total
            and self.quizzes_passed == self.quizzes_total
        )


def _modules(course: Course) -> list[CourseModule]:
    lessons = Lesson.objects.only("pk", "title", "module_id", "order", "video_url", "file_size")
    return list(course.modules.prefetch_related(Prefetch("lessons", queryset=lessons)))


def _attempt_counts(enrolment: Enrolment | None) -> dict[int, tuple[int, bool]]:
    if enrolment is None:
        return {}
    rows = (
        QuizAttempt.objects.filter(enrolment=enrolment, submitted_at__isnull=False)
        .values("quiz_id")
        .annotate(tries=Count("pk"), passes=Count("pk", filter=Q(passed=True)))
    )
    return {row["quiz_id"]: (row["tries"], row["passes"] > 0) for row in rows}


def _progress(enrolment: Enrolment | None) -> dict[int, LessonProgress]:
    if enrolment is None:
        return {}
    return {row.lesson_id: row for row in LessonProgress.objects.filter(enrolment=enrolment)}


def course_outline(course: Course, enrolment: Enrolment | None = None) -> Outline:
    """Modules with their lessons and quizzes, and the learner's progress (none for an author's preview)."""
    progress, attempts = _progress(enrolment), _attempt_counts(enrolment)
    rows = {module.pk: ModuleRow(module) for module in _modules(course)}
    ordered: list[LessonRow] = []
    for row in rows.values():
        for lesson in row.module.lessons.all():
            state = progress.get(lesson.pk)
            row.lessons.append(LessonRow(lesson, seen=state is not None, done=bool(state and state.done_at)))
        ordered += row.lessons
    finals: list[QuizRow] = []
    for quiz in course.quizzes.all():
        tries, passed = attempts.get(quiz.pk, (0, False))
        quiz_row = QuizRow(quiz, passed=passed, attempts=tries)
        (rows[quiz.module_id].quizzes if quiz.module_id in rows else finals).append(quiz_row)
    quiz_rows = [q for row in rows.values() for q in row.quizzes] + finals
    resume = next((row.lesson for row in ordered if not row.done), None)
    return Outline(
        course=course,
        modules=list(rows.values()),
        final_quizzes=finals,
        lessons_total=len(ordered),
        lessons_done=sum(row.done for row in ordered),
        quizzes_total=len(quiz_rows),
        quizzes_passed=sum(row.passed for row in quiz_rows),
        resume=resume,
    )


@dataclass
class LessonPage:
    lesson: Lesson
    previous_id: int | None
    next_id: int | None
    position: int
    total: int
    done: bool
    seen: bool = False


def lesson_page(course: Course, pk: int, enrolment: Enrolment | None = None) -> LessonPage:
    """A lesson of this course (404 otherwise), where it sits, and whether the learner finished it."""
    lesson = get_object_or_404(Lesson.objects.select_related("module"), pk=pk, module__course=course)
    ids = list(
        Lesson.objects.filter(module__course=course)
        .order_by("module__order", "module_id", "order", "pk")
        .values_list("pk", flat=True)
    )
    index = ids.index(lesson.pk)
    progress = None
    if enrolment is not None:
        progress = LessonProgress.objects.filter(enrolment=enrolment, lesson=lesson).first()
    return LessonPage(
        lesson=lesson,
        previous_id=ids[index - 1] if index > 0 else None,
        next_id=ids[index + 1] if index + 1 < len(ids) else None,
        position=index + 1,
        total=len(ids),
        done=bool(progress and progress.done_at),
        seen=progress is not None,
    )


def lesson_of_course(course: Course, pk: int) -> Lesson:
    return get_object_or_404(Lesson, pk=pk, module__course=course)


def quiz_of_course(course: Course, pk: int) -> Quiz:
    return get_object_or_404(Quiz, pk=pk, course=course)


def quiz_attempts(enrolment: Enrolment, quiz: Quiz) -> list[QuizAttempt]:
    return list(QuizAttempt.objects.filter(enrolment=enrolment, quiz=quiz).order_by("number"))


def _questions(quiz: Quiz, ids=None) -> dict[int, Question]:
    queryset = quiz.questions.prefetch_related(
        Prefetch("choices", queryset=Choice.objects.order_by("order", "pk"))
    )
    if ids is not None:
        queryset = queryset.filter(pk__in=ids)
    return {question.pk: question for question in queryset}


def quiz_questions(quiz: Quiz) -> list[Question]:
    """The questions in the author's order (a preview)."""
    return list(_questions(quiz).values())


def attempt_questions(attempt: QuizAttempt) -> list[Question]:
    """The attempt's questions in the order drawn when it started (questions deleted since are left out)."""
    found = _questions(attempt.quiz, attempt.question_order)
    return [found[pk] for pk in attempt.question_order if pk in found]


@dataclass
class AnswerRow:
    question: Question
    chosen: list[Choice]
    correct: bool


def attempt_result(attempt: QuizAttempt) -> list[AnswerRow]:
    """Each question with what the learner chose and whether it was right, in the attempt's order."""
    if attempt.submitted_at is None:
        raise Http404
    answers = {
        answer.question_id: answer
        for answer in AttemptAnswer.objects.filter(attempt=attempt).prefetch_related(
            Prefetch("choices", queryset=Choice.objects.order_by("order", "pk"))
        )
    }
    rows = []
    for question in attempt_questions(attempt):
        answer = answers.get(question.pk)
        chosen = list(answer.choices.all()) if answer else []
        rows.append(AnswerRow(question, chosen, bool(answer and answer.correct)))
    return rows


# Authors -------------------------------------------------------------------------------------------


def authored_courses(region) -> list[Course]:
    return list(
        Course.objects.filter(region=region)
        .annotate(
            module_count=Count("modules", distinct=True),
            quiz_count=Count("quizzes", distinct=True),
        )
        .order_by("title")
    )


def author_quizzes(course: Course) -> list[Quiz]:
    return list(course.quizzes.select_related("module").annotate(question_count=Count("questions")))


@dataclass
class QuestionStat:
    question: Question
    answered: int
    wrong: int

    @property
    def wrong_percent(self) -> int | None:
        return round(100 * self.wrong / self.answered) if self.answered else None


def question_statistics(course: Course) -> list[tuple[Quiz, list[QuestionStat]]]:
    """Per quiz, per question: how many handed-in answers there are and how many were wrong (two queries)."""
    questions = (
        Question.objects.filter(quiz__course=course)
        .annotate(
            answered=Count("answers"),
            wrong=Count("answers", filter=Q(answers__correct=False)),
        )
        .order_by("quiz_id", "order", "pk")
    )
    quizzes = {quiz.pk: (quiz, []) for quiz in course.quizzes.all()}
    for question in questions:
        quizzes[question.quiz_id][1].append(QuestionStat(question, question.answered, question.wrong))
    return list(quizzes.values())


# Completion ----------------------------------------------------------------------------------------


def _elearning_counts(enrolment: Enrolment) -> tuple[int, int, int, int]:
    course_id = enrolment.cohort.course_id
    lessons = Lesson.objects.filter(module__course_id=course_id).count()
    done = LessonProgress.objects.filter(
        enrolment=enrolment, done_at__isnull=False, lesson__module__course_id=course_id
    ).count()
    quizzes = Quiz.objects.filter(course_id=course_id).count()
    passed = (
        QuizAttempt.objects.filter(enrolment=enrolment, passed=True, quiz__course_id=course_id)
        .values("quiz_id")
        .distinct()
        .count()
    )
    return lessons, done, quizzes, passed


def elearning_requirement(enrolment: Enrolment) -> Requirement | None:
    """Done when every lesson of the course is done and every quiz is passed."""
    if not enrolment.cohort.course.requires_elearning:
        return None
    lessons, done, quizzes, passed = _elearning_counts(enrolment)
    progress = ngettext("%(done)s van de %(total)s les", "%(done)s van de %(total)s lessen", lessons) % {
        "done": done,
        "total": lessons,
    }
    if quizzes:
        progress += ", " + ngettext(
            "%(passed)s van de %(total)s toets gehaald",
            "%(passed)s van de %(total)s toetsen gehaald",
            quizzes,
        ) % {"passed": passed, "total": quizzes}
    return Requirement(
        key="elearning",
        label=_("E-learning gehaald"),
        done=bool(lessons or quizzes) and done >= lessons and passed >= quizzes,
        progress=progress,
    )


register_requirement("elearning", elearning_requirement)
