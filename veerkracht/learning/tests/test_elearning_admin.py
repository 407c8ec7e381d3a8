from __future__ import annotations

import importlib

from django.contrib import admin

from veerkracht.learning.models import AttemptAnswer, Lesson, LessonProgress, Question, Quiz, QuizAttempt


def test_content_is_in_the_back_office_but_answers_are_not():
    importlib.import_module("veerkracht.learning.admin.elearning")
    registered = admin.site._registry
    assert all(model in registered for model in (Lesson, Quiz, Question))
    assert not any(model in registered for model in (LessonProgress, QuizAttempt, AttemptAnswer))
