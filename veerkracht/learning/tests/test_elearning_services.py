from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from veerkracht.learning.completion import requirements_for
from veerkracht.learning.models import (
    AttemptAnswer,
    EnrolmentStatus,
    LessonProgress,
    QuestionKind,
    QuizAttempt,
)
from veerkracht.learning.selectors import elearning as selectors
from veerkracht.learning.services import elearning as services
from veerkracht.learning.tests.factories.catalogue import CohortFactory, EnrolmentFactory
from veerkracht.learning.tests.factories.elearning import (
    LessonFactory,
    QuizFactory,
    course_with_content,
    question_with_choices,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(region):
    course, module, quiz = course_with_content(lessons=2, questions=2)
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    return course, module, quiz, enrolment


def _right_answers(attempt) -> dict[int, list[int]]:
    return {q.pk: [c.pk for c in q.choices.all() if c.correct] for q in selectors.attempt_questions(attempt)}


def _wrong_answers(attempt) -> dict[int, list[int]]:
    return {
        q.pk: [next(c.pk for c in q.choices.all() if not c.correct)]
        for q in selectors.attempt_questions(attempt)
    }


def test_marking_a_lesson_done_is_idempotent(setup):
    _course, module, _quiz, enrolment = setup
    lesson = module.lessons.first()
    first = services.lesson_mark_done(enrolment=enrolment, lesson=lesson)
    again = services.lesson_mark_done(enrolment=enrolment, lesson=lesson)
    assert LessonProgress.objects.filter(enrolment=enrolment).count() == 1
    assert again.done_at == first.done_at


def test_seen_then_done_keeps_one_row(setup):
    _course, module, _quiz, enrolment = setup
    lesson = module.lessons.first()
    services.lesson_mark_seen(enrolment=enrolment, lesson=lesson)
    services.lesson_mark_seen(enrolment=enrolment, lesson=lesson)
    assert LessonProgress.objects.get(enrolment=enrolment).done_at is None
    services.lesson_mark_done(enrolment=enrolment, lesson=lesson)
    assert LessonProgress.objects.get(enrolment=enrolment).done_at is not None


def test_a_lesson_of_another_course_is_refused(setup):
    _course, _module, _quiz, enrolment = setup
    with pytest.raises(ValidationError):
        services.lesson_mark_done(enrolment=enrolment, lesson=LessonFactory())


def test_single_answer_scoring(setup):
    _course, _module, quiz, enrolment = setup
    attempt = services.quiz_attempt_start(enrolment=enrolment, quiz=quiz)
    answers = _right_answers(attempt)
    first = attempt.question_order[0]
    answers[first] = _wrong_answers(attempt)[first]
    result = services.quiz_attempt_submit(attempt=attempt, answers=answers)
    assert result.score == 50 and not result.passed  # pass mark 60
    assert AttemptAnswer.objects.filter(attempt=attempt, correct=False).count() == 1


def test_multiple_answer_needs_exactly_the_right_set(region):
    quiz = QuizFactory(pass_mark=100)
    question = question_with_choices(quiz, kind=QuestionKind.MULTIPLE, right=(0, 2), count=3)
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=quiz.course))
    a, _b, c = [choice.pk for choice in question.choices.order_by("order")]
    attempt = services.quiz_attempt_start(enrolment=enrolment, quiz=quiz)
    assert services.quiz_attempt_submit(attempt=attempt, answers={question.pk: [a]}).score == 0
    attempt = services.quiz_attempt_start(enrolment=enrolment, quiz=quiz)
    result = services.quiz_attempt_submit(attempt=attempt, answers={question.pk: [a, c]})
    assert result.score == 100 and result.passed


def test_single_answer_question_refuses_two_choices_and_unknown_ids(setup):
    _course, _module, quiz, enrolment = setup
    attempt = services.quiz_attempt_start(enrolment=enrolment, quiz=quiz)
    question = selectors.attempt_questions(attempt)[0]
    answers = _right_answers(attempt)
    answers[question.pk] = [c.pk for c in question.choices.all()][:2]
    with pytest.raises(ValidationError):
        services.quiz_attempt_submit(attempt=attempt, answers=answers)
    answers[question.pk] = [999999]
    with pytest.raises(ValidationError):
        services.quiz_attempt_submit(attempt=attempt, answers=answers)
    assert not AttemptAnswer.objects.exists()
    attempt.refresh_from_db()
    assert attempt.is_open


def test_the_attempts_limit(setup):
    _course, _module, quiz, enrolment = setup
    for _ in range(quiz.max_attempts):
        attempt = services.quiz_attempt_start(enrolment=enrolment, quiz=quiz)
        services.quiz_attempt_submit(attempt=attempt, answers=_wrong_answers(attempt))
    with pytest.raises(ValidationError) as refused:
        services.quiz_attempt_start(enrolment=enrolment, quiz=quiz)
    assert "alle 2 pogingen" in str(refused.value)
    assert QuizAttempt.objects.filter(enrolment=enrolment).count() == 2


def test_an_open_attempt_is_continued_not_doubled(setup):
    _course, _module, quiz, enrolment = setup
    first = services.quiz_attempt_start(enrolment=enrolment, quiz=quiz)
    again = services.quiz_attempt_start(enrolment=enrolment, quiz=quiz)
    assert first.pk == again.pk
    assert [q.pk for q in selectors.attempt_questions(again)] == first.question_order


def test_the_order_is_random_per_attempt_and_stored(region):
    quiz = QuizFactory(max_attempts=20)
    for _ in range(6):
        question_with_choices(quiz)
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=quiz.course))
    orders = set()
    for _ in range(8):
        attempt = services.quiz_attempt_start(enrolment=enrolment, quiz=quiz)
        stored = QuizAttempt.objects.get(pk=attempt.pk).question_order
        assert [q.pk for q in selectors.attempt_questions(attempt)] == stored
        assert sorted(stored) == sorted(quiz.questions.values_list("pk", flat=True))
        orders.add(tuple(stored))
        services.quiz_attempt_submit(attempt=attempt, answers=_wrong_answers(attempt))
    assert len(orders) > 1  # 8 draws of 720 orders: all equal has a chance of 1 in 720**7


def test_a_handed_in_attempt_cannot_be_handed_in_again(setup):
    _course, _module, quiz, enrolment = setup
    attempt = services.quiz_attempt_start(enrolment=enrolment, quiz=quiz)
    services.quiz_attempt_submit(attempt=attempt, answers=_wrong_answers(attempt))
    with pytest.raises(ValidationError):
        services.quiz_attempt_submit(attempt=attempt, answers=_right_answers(attempt))
    attempt.refresh_from_db()
    assert not attempt.passed and AttemptAnswer.objects.filter(attempt=attempt).count() == 2


def test_passing_the_last_part_completes_the_enrolment(setup):
    _course, module, quiz, enrolment = setup
    for lesson in module.lessons.all():
        services.lesson_mark_done(enrolment=enrolment, lesson=lesson)
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.ENROLLED
    [requirement] = requirements_for(enrolment)
    assert requirement.progress == "2 van de 2 lessen, 0 van de 1 toets gehaald" and not requirement.done
    attempt = services.quiz_attempt_start(enrolment=enrolment, quiz=quiz)
    services.quiz_attempt_submit(attempt=attempt, answers=_right_answers(attempt))
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.COMPLETED


def test_the_last_lesson_completes_when_the_quiz_was_passed_first(setup):
    _course, module, quiz, enrolment = setup
    attempt = services.quiz_attempt_start(enrolment=enrolment, quiz=quiz)
    services.quiz_attempt_submit(attempt=attempt, answers=_right_answers(attempt))
    lessons = list(module.lessons.all())
    services.lesson_mark_done(enrolment=enrolment, lesson=lessons[0])
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.ENROLLED
    services.lesson_mark_done(enrolment=enrolment, lesson=lessons[1])
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.COMPLETED


def test_a_course_without_elearning_asks_nothing(region):
    enrolment = EnrolmentFactory()
    assert requirements_for(enrolment) == []


def test_a_cancelled_learner_cannot_start(setup):
    _course, _module, quiz, enrolment = setup
    enrolment.status = EnrolmentStatus.CANCELLED
    enrolment.save()
    with pytest.raises(ValidationError):
        services.quiz_attempt_start(enrolment=enrolment, quiz=quiz)


def test_question_save_checks_its_choices(region):
    quiz = QuizFactory()
    choices = [services.ChoiceInput("Ja", True), services.ChoiceInput("Nee", True)]
    with pytest.raises(ValidationError):
        services.question_save(quiz=quiz, text="Vraag?", kind=QuestionKind.SINGLE, choices=choices)
    with pytest.raises(ValidationError):
        services.question_save(quiz=quiz, text="Vraag?", kind=QuestionKind.MULTIPLE, choices=choices[:1])
    question = services.question_save(quiz=quiz, text="Vraag?", kind=QuestionKind.MULTIPLE, choices=choices)
    kept = list(question.choices.values_list("pk", flat=True))
    services.question_save(
        quiz=quiz,
        text="Vraag?",
        kind=QuestionKind.SINGLE,
        choices=[services.ChoiceInput("Ja", True), services.ChoiceInput("Nee", False, "Toch niet")],
        question=question,
    )
    assert list(question.choices.values_list("pk", flat=True)) == kept


def test_lesson_files_are_checked_by_their_first_bytes():
    assert services.check_file_content("les.pdf", b"%PDF-1.7 rest").display_name == "les.pdf"
    with pytest.raises(ValidationError):
        services.check_file_content("les.pdf", b"<html><script>")
    with pytest.raises(ValidationError):
        services.check_file_content("les.exe", b"MZ")
    with pytest.raises(ValidationError):
        services.check_file_content("groot.pdf", b"%PDF-" + b"x" * services.MAX_FILE_BYTES)
