"""E-learning content for tests: a module with lessons, a quiz with single and multiple answer questions."""

from __future__ import annotations

import factory

from veerkracht.learning.models import Choice, Lesson, Question, QuestionKind, Quiz
from veerkracht.learning.models import Module as CourseModule

from .catalogue import CourseFactory


class ModuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CourseModule

    course = factory.SubFactory(CourseFactory, requires_elearning=True)
    title = factory.Sequence(lambda n: f"Module {n}")
    order = factory.Sequence(lambda n: n)


class LessonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lesson

    module = factory.SubFactory(ModuleFactory)
    title = factory.Sequence(lambda n: f"Les {n}")
    body = "Dit is **de les**.\n\n- een\n- twee"
    order = factory.Sequence(lambda n: n)


class QuizFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quiz

    course = factory.SubFactory(CourseFactory, requires_elearning=True)
    title = factory.Sequence(lambda n: f"Toets {n}")
    pass_mark = 60
    max_attempts = 2


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    quiz = factory.SubFactory(QuizFactory)
    text = factory.Sequence(lambda n: f"Vraag {n}?")
    kind = QuestionKind.SINGLE
    order = factory.Sequence(lambda n: n)


class ChoiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Choice

    question = factory.SubFactory(QuestionFactory)
    text = factory.Sequence(lambda n: f"Antwoord {n}")
    correct = False
    feedback = factory.Sequence(lambda n: f"Uitleg {n}")


def question_with_choices(
    quiz: Quiz, kind: str = QuestionKind.SINGLE, right=(0,), count: int = 3
) -> Question:
    """A question whose choices at the positions in ``right`` are correct."""
    question = QuestionFactory(quiz=quiz, kind=kind)
    for position in range(count):
        ChoiceFactory(question=question, correct=position in right, order=position)
    return question


def course_with_content(lessons: int = 3, questions: int = 2):
    """A course that needs its e-learning: one module with lessons and one quiz at the end."""
    module = ModuleFactory()
    course = module.course
    for _ in range(lessons):
        LessonFactory(module=module)
    quiz = QuizFactory(course=course)
    for _ in range(questions):
        question_with_choices(quiz)
    return course, module, quiz
