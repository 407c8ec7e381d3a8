"""E-learning: a learner's progress per lesson, quiz attempts and the answers they gave. All of it is
theirs: in their download, and deleted with their account (before their enrolments go)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from veerkracht.core.personal_data import DELETED, Line

from ..models import AttemptAnswer, LessonProgress, QuizAttempt
from . import Part


def _export(user) -> dict:
    progress = LessonProgress.objects.filter(enrolment__user=user).select_related(
        "lesson", "enrolment__cohort__course"
    )
    attempts = (
        QuizAttempt.objects.filter(enrolment__user=user)
        .select_related("quiz", "enrolment__cohort__course")
        .prefetch_related("answers__question", "answers__choices")
        .order_by("started_at", "pk")
    )
    return {
        "learning_lesson_progress": [
            {
                "course": row.enrolment.cohort.course.title,
                "lesson": row.lesson.title,
                "seen_at": row.seen_at.isoformat(),
                "done_at": row.done_at.isoformat() if row.done_at else None,
            }
            for row in progress
        ],
        "learning_quiz_attempts": [
            {
                "course": attempt.enrolment.cohort.course.title,
                "quiz": attempt.quiz.title,
                "number": attempt.number,
                "started_at": attempt.started_at.isoformat(),
                "submitted_at": attempt.submitted_at.isoformat() if attempt.submitted_at else None,
                "score": attempt.score,
                "passed": attempt.passed,
                "answers": [
                    {
                        "question": answer.question.text,
                        "chosen": [choice.text for choice in answer.choices.all()],
                        "correct": answer.correct,
                    }
                    for answer in attempt.answers.all()
                ],
            }
            for attempt in attempts
        ],
    }


def _erase(user) -> None:
    AttemptAnswer.objects.filter(attempt__enrolment__user=user).delete()
    QuizAttempt.objects.filter(enrolment__user=user).delete()
    LessonProgress.objects.filter(enrolment__user=user).delete()


def _summary(user) -> list[Line]:
    lines = []
    lessons = LessonProgress.objects.filter(enrolment__user=user).count()
    if lessons:
        lines.append(
            Line(
                DELETED,
                ngettext(
                    "Je voortgang in %(count)d les van een e-learning.",
                    "Je voortgang in %(count)d lessen van e-learnings.",
                    lessons,
                )
                % {"count": lessons},
            )
        )
    attempts = QuizAttempt.objects.filter(enrolment__user=user).count()
    if attempts:
        lines.append(
            Line(
                DELETED,
                _("Je pogingen bij toetsen en de antwoorden die je gaf (%(count)d).") % {"count": attempts},
            )
        )
    return lines


PART = Part(
    models=("learning.LessonProgress", "learning.QuizAttempt", "learning.AttemptAnswer"),
    export=_export,
    erase=_erase,
    summary=_summary,
    order=30,
)
