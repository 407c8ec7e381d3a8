from __future__ import annotations

import pytest

from veerkracht.core.personal_data import declared_models, export_all
from veerkracht.learning.models import AttemptAnswer, LessonProgress, QuizAttempt
from veerkracht.learning.personal_data import elearning as part
from veerkracht.learning.selectors import elearning as selectors
from veerkracht.learning.services import elearning as services
from veerkracht.learning.tests.factories.catalogue import CohortFactory, EnrolmentFactory
from veerkracht.learning.tests.factories.elearning import course_with_content

pytestmark = pytest.mark.django_db


@pytest.fixture
def learner(region):
    course, module, quiz = course_with_content(lessons=2, questions=2)
    mine = EnrolmentFactory(cohort=CohortFactory(course=course))
    other = EnrolmentFactory(cohort=mine.cohort)
    for enrolment in (mine, other):
        services.lesson_mark_done(enrolment=enrolment, lesson=module.lessons.first())
        attempt = services.quiz_attempt_start(enrolment=enrolment, quiz=quiz)
        answers = {q.pk: [q.choices.first().pk] for q in selectors.attempt_questions(attempt)}
        services.quiz_attempt_submit(attempt=attempt, answers=answers)
    return mine.user, other.user


def test_progress_attempts_and_answers_are_in_the_download(learner):
    user, _other = learner
    data = part.PART.export(user)
    assert len(data["learning_lesson_progress"]) == 1
    [attempt] = data["learning_quiz_attempts"]
    assert len(attempt["answers"]) == 2 and all(answer["chosen"] for answer in attempt["answers"])


def test_erasing_takes_only_the_persons_own_rows(learner):
    user, other = learner
    assert [line.kind for line in part.PART.summary(user)] == ["deleted", "deleted"]
    part.PART.erase(user)
    assert not LessonProgress.objects.filter(enrolment__user=user).exists()
    assert not QuizAttempt.objects.filter(enrolment__user=user).exists()
    assert not AttemptAnswer.objects.filter(attempt__enrolment__user=user).exists()
    assert LessonProgress.objects.filter(enrolment__user=other).count() == 1
    assert AttemptAnswer.objects.filter(attempt__enrolment__user=other).count() == 2


def test_the_models_are_declared_for_the_app():
    assert {"learning.lessonprogress", "learning.quizattempt", "learning.attemptanswer"} <= declared_models()


def test_the_site_wide_download_holds_the_attempts(learner):
    user, _other = learner
    data = export_all(user)
    assert "learning_quiz_attempts" in str(data)
