from __future__ import annotations

import pytest

from veerkracht.learning.demo import elearning as demo
from veerkracht.learning.models import Course, EnrolmentStatus, Lesson, LessonProgress, Question, QuizAttempt
from veerkracht.learning.selectors.elearning import elearning_requirement
from veerkracht.learning.tests.factories.catalogue import CohortFactory, CourseFactory, EnrolmentFactory

pytestmark = pytest.mark.django_db


def test_the_demo_runs_alone_and_twice(region):
    lines = demo.load(region)
    assert any("minimal course" in line for line in lines)
    basis = Course.objects.get(slug="basis-positieve-gezondheid")
    gesprek = Course.objects.get(slug="het-andere-gesprek-voeren")
    for course in (basis, gesprek):
        assert 2 <= course.modules.count() <= 3 and course.quizzes.count() == 1
        assert 5 <= Question.objects.filter(quiz__course=course).count() <= 6
    counts = (Lesson.objects.count(), Question.objects.count())
    assert demo.load(region) == []
    assert (Lesson.objects.count(), Question.objects.count()) == counts


def test_the_demo_uses_the_catalogues_courses_and_gives_learners_progress(region):
    course = CourseFactory(slug="basis-positieve-gezondheid", requires_elearning=True)
    cohort = CohortFactory(course=course)
    done = EnrolmentFactory(cohort=cohort, status=EnrolmentStatus.COMPLETED)
    running = EnrolmentFactory(cohort=cohort, status=EnrolmentStatus.ENROLLED)
    lines = demo.load(region)
    assert Course.objects.filter(slug="basis-positieve-gezondheid").count() == 1
    assert any("progress of 2 learners" in line for line in lines)
    assert elearning_requirement(done).done
    assert QuizAttempt.objects.filter(enrolment=done, passed=True).exists()
    assert (
        LessonProgress.objects.filter(enrolment=running).exists() and not elearning_requirement(running).done
    )
    assert demo.load(region) == []
