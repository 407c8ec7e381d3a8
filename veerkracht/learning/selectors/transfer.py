"""A course's content as one package, so another region can take it over: a ZIP with ``course.json``
(the course's own fields, its modules and lessons, quizzes, questions and choices) and the lessons'
downloads under ``media/``. Nothing about people is in it: no enrolments, progress or answers.

services/transfer.py reads the same format back (``SCHEMA`` and ``VERSION`` must match).
"""

from __future__ import annotations

import io
import json
import zipfile

from django.db.models import Prefetch

from ..models import Choice, Course, Lesson, Question, Quiz

SCHEMA = "veerkracht.learning.course"
VERSION = 1
COURSE_FIELDS = (
    "slug",
    "title",
    "summary",
    "description",
    "target_group",
    "format",
    "duration",
    "study_hours",
    "cost_kind",
    "seat_cost_cents",
    "accreditation_register",
    "accreditation_points",
    "requires_elearning",
    "min_meetings",
    "requires_approval",
)


def _course_fields(course: Course) -> dict:
    data = {name: getattr(course, name) for name in COURSE_FIELDS}
    points = data["accreditation_points"]
    data["accreditation_points"] = None if points is None else str(points)
    return data


def _lesson(lesson: Lesson, files: dict[str, Lesson]) -> dict:
    data = {"title": lesson.title, "body": lesson.body, "video_url": lesson.video_url, "order": lesson.order}
    if lesson.file:
        extension = lesson.file_title.rpartition(".")[2].lower() or "bin"
        path = f"media/lesson-{len(files) + 1}.{extension}"
        files[path] = lesson
        data["file"] = {"path": path, "title": lesson.file_title}
    return data


def _quiz(quiz: Quiz, module_index: dict[int, int]) -> dict:
    return {
        "title": quiz.title,
        "intro": quiz.intro,
        "module": module_index.get(quiz.module_id) if quiz.module_id else None,
        "pass_mark": quiz.pass_mark,
        "max_attempts": quiz.max_attempts,
        "questions": [
            {
                "text": question.text,
                "kind": question.kind,
                "order": question.order,
                "choices": [
                    {"text": c.text, "correct": c.correct, "feedback": c.feedback}
                    for c in question.choices.all()
                ],
            }
            for question in quiz.questions.all()
        ],
    }


def course_document(course: Course) -> tuple[dict, dict[str, Lesson]]:
    """The JSON-ready content of a course, and the lessons whose file goes in the package (by path)."""
    files: dict[str, Lesson] = {}
    modules = list(course.modules.prefetch_related("lessons"))
    module_index = {module.pk: index for index, module in enumerate(modules)}
    choices = Prefetch("choices", queryset=Choice.objects.order_by("order", "pk"))
    questions = Prefetch(
        "questions", queryset=Question.objects.order_by("order", "pk").prefetch_related(choices)
    )
    quizzes = course.quizzes.order_by("pk").prefetch_related(questions)
    document = {
        "schema": SCHEMA,
        "version": VERSION,
        "course": _course_fields(course),
        "modules": [
            {
                "title": module.title,
                "order": module.order,
                "lessons": [_lesson(lesson, files) for lesson in module.lessons.all()],
            }
            for module in modules
        ],
        "quizzes": [_quiz(quiz, module_index) for quiz in quizzes],
    }
    return document, files


def course_package(course: Course) -> bytes:
    """The ZIP package of a course (built in memory: a course's downloads are limited in size)."""
    document, files = course_document(course)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr("course.json", json.dumps(document, ensure_ascii=False, indent=2))
        for path, lesson in files.items():
            with lesson.file.open("rb") as handle:
                package.writestr(path, handle.read())
    return buffer.getvalue()


def courses_by_slug(slug: str, region=None) -> list[Course]:
    queryset = Course.objects.filter(slug=slug)
    return list(queryset.filter(region=region) if region is not None else queryset)
