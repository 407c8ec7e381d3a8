"""Who may see and write e-learning.

Learners: a person with an enrolment in a cohort of the course that is ENROLLED or COMPLETED; everyone
else gets a 404 (also for another learner's attempt). Authors: training coordinators and region admins,
for the courses of their region; they may also look at lessons and quizzes as a learner would.
"""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from ..models import Course, Enrolment, EnrolmentStatus, Lesson, Question, Quiz, QuizAttempt
from ..models import Module as CourseModule
from . import is_coordinator

LEARNER_STATUSES = (EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED)


def may_author(user) -> bool:
    return is_coordinator(user)


def get_enrolment_for_learner(user, slug: str, region) -> Enrolment:
    """The learner's enrolment in this course (a running one before a completed one), or 404."""
    if not user.is_authenticated:
        raise Http404
    enrolment = (
        Enrolment.objects.filter(
            user=user,
            status__in=LEARNER_STATUSES,
            cohort__course__slug=slug,
            cohort__course__region=region,
        )
        .select_related("cohort__course")
        .order_by("-status", "-created_at")  # "enrolled" sorts after "completed": running first
        .first()
    )
    if enrolment is None:
        raise Http404
    return enrolment


def get_attempt_for_learner(enrolment: Enrolment, pk: int) -> QuizAttempt:
    """An attempt of this enrolment only: someone else's attempt is a 404."""
    return get_object_or_404(QuizAttempt.objects.select_related("quiz"), pk=pk, enrolment=enrolment)


def get_course_for_author(user, pk: int, region) -> Course:
    if not may_author(user):
        raise Http404
    return get_object_or_404(Course, pk=pk, region=region)


def get_module_for_author(course: Course, pk: int) -> CourseModule:
    return get_object_or_404(CourseModule, pk=pk, course=course)


def get_lesson_for_author(course: Course, pk: int) -> Lesson:
    return get_object_or_404(Lesson.objects.select_related("module"), pk=pk, module__course=course)


def get_quiz_for_author(course: Course, pk: int) -> Quiz:
    return get_object_or_404(Quiz, pk=pk, course=course)


def get_question_for_author(course: Course, pk: int) -> Question:
    return get_object_or_404(Question.objects.select_related("quiz"), pk=pk, quiz__course=course)
