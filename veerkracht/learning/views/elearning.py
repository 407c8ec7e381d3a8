"""E-learning pages. Learners (an enrolment that is running or completed): the course outline with their
progress, lessons, the "done, next lesson" button, quizzes, attempts and results. Authors (training
coordinators, region admins) under /scholing/beheer/e-learning/: modules, lessons with a preview,
quizzes, questions and their statistics, and a look at a lesson or quiz as a learner sees it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from veerkracht.regions.selectors import get_region_or_404

from ..forms.elearning import LessonForm, ModuleForm, QuestionForm, QuizAnswerForm, QuizForm
from ..permissions import elearning as permissions
from ..presenters.elearning import render_markdown
from ..selectors import elearning as selectors
from ..services import elearning as services


def _learner(request: HttpRequest, slug: str):
    return permissions.get_enrolment_for_learner(request.user, slug, get_region_or_404(request))


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


def _posted(request: HttpRequest) -> tuple:
    """The form data of a POST (also when empty, so an empty form shows its errors); None on GET."""
    if request.method == "POST":
        return request.POST, request.FILES
    return None, None


# Learners ------------------------------------------------------------------------------------------


@login_required
@require_safe
def course(request: HttpRequest, slug: str) -> HttpResponse:
    enrolment = _learner(request, slug)
    outline = selectors.course_outline(enrolment.cohort.course, enrolment)
    context = {"outline": outline, "course": outline.course, "enrolment": enrolment, "preview": False}
    return render(request, "learning/elearning/course.html", context)


@login_required
@require_safe
def lesson(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    enrolment = _learner(request, slug)
    page = selectors.lesson_page(enrolment.cohort.course, pk, enrolment)
    if not page.seen:
        services.lesson_mark_seen(enrolment=enrolment, lesson=page.lesson)
    context = {
        "page": page,
        "course": enrolment.cohort.course,
        "body": render_markdown(page.lesson.body),
        "preview": False,
    }
    return render(request, "learning/elearning/lesson.html", context)


@login_required
@require_POST
def lesson_done(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    enrolment = _learner(request, slug)
    page = selectors.lesson_page(enrolment.cohort.course, pk)
    try:
        services.lesson_mark_done(enrolment=enrolment, lesson=page.lesson)
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect("learning:elearning_course", slug=slug)
    if page.next_id is not None:
        return redirect("learning:elearning_lesson", slug=slug, pk=page.next_id)
    messages.success(request, _("Je hebt de laatste les gedaan. Kijk hieronder of er nog een toets is."))
    return redirect("learning:elearning_course", slug=slug)


def _file_response(lesson) -> HttpResponse:
    """Always a download with our own type and name, so a browser never runs it as a page of this site."""
    if not lesson.file:
        raise Http404
    try:
        handle = lesson.file.open("rb")
    except OSError as exc:
        raise Http404 from exc
    response = FileResponse(
        handle, as_attachment=True, filename=lesson.file_title, content_type=services.content_type_of(lesson)
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, max-age=0"
    return response


@login_required
@require_safe
def lesson_file(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    enrolment = _learner(request, slug)
    return _file_response(selectors.lesson_of_course(enrolment.cohort.course, pk))


@login_required
def quiz(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """GET: the quiz's intro and earlier attempts. POST: start (or continue) an attempt."""
    enrolment = _learner(request, slug)
    the_quiz = selectors.quiz_of_course(enrolment.cohort.course, pk)
    if request.method == "POST":
        try:
            attempt = services.quiz_attempt_start(enrolment=enrolment, quiz=the_quiz)
        except ValidationError as error:
            messages.error(request, _error_text(error))
            return redirect("learning:elearning_quiz", slug=slug, pk=pk)
        return redirect("learning:elearning_attempt", slug=slug, pk=attempt.pk)
    attempts = selectors.quiz_attempts(enrolment, the_quiz)
    context = {
        "course": enrolment.cohort.course,
        "quiz": the_quiz,
        "attempts": attempts,
        "open_attempt": next((a for a in attempts if a.is_open), None),
        "passed": any(a.passed for a in attempts),
        "left": services.attempts_left(the_quiz, len(attempts)),
    }
    return render(request, "learning/elearning/quiz.html", context)


@login_required
def attempt(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    enrolment = _learner(request, slug)
    the_attempt = permissions.get_attempt_for_learner(enrolment, pk)
    if not the_attempt.is_open:
        if request.method == "POST":
            messages.info(request, _("Deze poging is al ingeleverd. Hier is je uitslag."))
        return redirect("learning:elearning_result", slug=slug, pk=pk)
    questions = selectors.attempt_questions(the_attempt)
    form = QuizAnswerForm(_posted(request)[0], questions=questions)
    if request.method == "POST" and form.is_valid():
        try:
            services.quiz_attempt_submit(attempt=the_attempt, answers=form.answers())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("learning:elearning_result", slug=slug, pk=pk)
    context = {
        "course": enrolment.cohort.course,
        "attempt": the_attempt,
        "quiz": the_attempt.quiz,
        "form": form,
    }
    return render(request, "learning/elearning/attempt.html", context)


@login_required
@require_safe
def result(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    enrolment = _learner(request, slug)
    the_attempt = permissions.get_attempt_for_learner(enrolment, pk)
    if the_attempt.is_open:
        return redirect("learning:elearning_attempt", slug=slug, pk=pk)
    used = len(selectors.quiz_attempts(enrolment, the_attempt.quiz))
    context = {
        "course": enrolment.cohort.course,
        "attempt": the_attempt,
        "quiz": the_attempt.quiz,
        "rows": selectors.attempt_result(the_attempt),
        "left": services.attempts_left(the_attempt.quiz, used),
    }
    return render(request, "learning/elearning/result.html", context)


# Authors -------------------------------------------------------------------------------------------


def _author_course(request: HttpRequest, course_pk: int):
    return permissions.get_course_for_author(request.user, course_pk, get_region_or_404(request))


def _to_course(course) -> HttpResponse:
    return redirect("learning:elearning_manage_course", course_pk=course.pk)


@login_required
@require_safe
def manage_index(request: HttpRequest) -> HttpResponse:
    region = get_region_or_404(request)
    if not permissions.may_author(request.user):
        raise Http404
    context = {"courses": selectors.authored_courses(region)}
    return render(request, "learning/elearning/manage_index.html", context)


@login_required
@require_safe
def manage_course(request: HttpRequest, course_pk: int) -> HttpResponse:
    the_course = _author_course(request, course_pk)
    context = {
        "course": the_course,
        "outline": selectors.course_outline(the_course),
        "quizzes": selectors.author_quizzes(the_course),
        "module_form": ModuleForm(),
    }
    return render(request, "learning/elearning/manage_course.html", context)


@login_required
def module_edit(request: HttpRequest, course_pk: int, pk: int | None = None) -> HttpResponse:
    the_course = _author_course(request, course_pk)
    module = permissions.get_module_for_author(the_course, pk) if pk else None
    form = ModuleForm(_posted(request)[0], instance=module)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.module_save(course=the_course, title=data["title"], order=data.get("order"), module=module)
        messages.success(request, _("De module is opgeslagen."))
        return _to_course(the_course)
    context = {"course": the_course, "form": form, "module": module}
    return render(request, "learning/elearning/manage_module.html", context)


@login_required
def lesson_edit(
    request: HttpRequest, course_pk: int, module_pk: int | None = None, pk: int | None = None
) -> HttpResponse:
    """Write a lesson. The "preview" button renders the Markdown on the server without saving."""
    the_course = _author_course(request, course_pk)
    the_lesson = permissions.get_lesson_for_author(the_course, pk) if pk else None
    module = the_lesson.module if the_lesson else permissions.get_module_for_author(the_course, module_pk)
    form = LessonForm(*_posted(request), instance=the_lesson)
    preview = None
    if request.method == "POST" and form.is_valid():
        if "preview" in request.POST:
            preview = render_markdown(form.cleaned_data["body"])
        else:
            try:
                services.lesson_save(module=module, data=form.to_input(), lesson=the_lesson)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("De les is opgeslagen."))
                return _to_course(the_course)
    context = {"course": the_course, "module": module, "lesson": the_lesson, "form": form, "preview": preview}
    return render(request, "learning/elearning/manage_lesson.html", context)


@login_required
@require_safe
def lesson_preview(request: HttpRequest, course_pk: int, pk: int) -> HttpResponse:
    the_course = _author_course(request, course_pk)
    page = selectors.lesson_page(the_course, pk)
    context = {"page": page, "course": the_course, "body": render_markdown(page.lesson.body), "preview": True}
    return render(request, "learning/elearning/lesson.html", context)


@login_required
@require_safe
def manage_lesson_file(request: HttpRequest, course_pk: int, pk: int) -> HttpResponse:
    return _file_response(permissions.get_lesson_for_author(_author_course(request, course_pk), pk))


@login_required
def quiz_edit(request: HttpRequest, course_pk: int, pk: int | None = None) -> HttpResponse:
    the_course = _author_course(request, course_pk)
    the_quiz = permissions.get_quiz_for_author(the_course, pk) if pk else None
    form = QuizForm(_posted(request)[0], instance=the_quiz, course=the_course)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.quiz_save(course=the_course, data=form.to_input(), quiz=the_quiz)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De toets is opgeslagen."))
            return redirect("learning:elearning_manage_quiz", course_pk=the_course.pk, pk=saved.pk)
    questions = selectors.quiz_questions(the_quiz) if the_quiz else []
    context = {"course": the_course, "quiz": the_quiz, "form": form, "questions": questions}
    return render(request, "learning/elearning/manage_quiz.html", context)


@login_required
def question_edit(
    request: HttpRequest, course_pk: int, quiz_pk: int | None = None, pk: int | None = None
) -> HttpResponse:
    the_course = _author_course(request, course_pk)
    question = permissions.get_question_for_author(the_course, pk) if pk else None
    the_quiz = question.quiz if question else permissions.get_quiz_for_author(the_course, quiz_pk)
    initial = QuestionForm.initial_for(question) if question else {"kind": "single"}
    form = QuestionForm(_posted(request)[0], initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.question_save(
                quiz=the_quiz, text=data["text"], kind=data["kind"], choices=form.choices(), question=question
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De vraag is opgeslagen."))
            return redirect("learning:elearning_manage_quiz", course_pk=the_course.pk, pk=the_quiz.pk)
    context = {"course": the_course, "quiz": the_quiz, "question": question, "form": form}
    return render(request, "learning/elearning/manage_question.html", context)


def _right(question, chosen: list[int]) -> bool:
    return set(chosen) == {choice.pk for choice in question.choices.all() if choice.correct}


@login_required
def quiz_preview(request: HttpRequest, course_pk: int, pk: int) -> HttpResponse:
    """The quiz as a learner sees it; handing it in shows the feedback and saves nothing."""
    the_course = _author_course(request, course_pk)
    the_quiz = permissions.get_quiz_for_author(the_course, pk)
    questions = selectors.quiz_questions(the_quiz)
    form = QuizAnswerForm(_posted(request)[0], questions=questions)
    checked = None
    if request.method == "POST" and form.is_valid():
        answers = form.answers()
        checked = [
            (q, [c for c in q.choices.all() if c.pk in answers[q.pk]], _right(q, answers[q.pk]))
            for q in questions
        ]
    context = {"course": the_course, "quiz": the_quiz, "form": form, "checked": checked}
    return render(request, "learning/elearning/quiz_preview.html", context)


@login_required
@require_safe
def statistics(request: HttpRequest, course_pk: int) -> HttpResponse:
    the_course = _author_course(request, course_pk)
    context = {"course": the_course, "quizzes": selectors.question_statistics(the_course)}
    return render(request, "learning/elearning/statistics.html", context)


_DELETABLE = {
    "module": (permissions.get_module_for_author, _("module")),
    "les": (permissions.get_lesson_for_author, _("les")),
    "toets": (permissions.get_quiz_for_author, _("toets")),
    "vraag": (permissions.get_question_for_author, _("vraag")),
}


@login_required
def content_delete(request: HttpRequest, course_pk: int, kind: str, pk: int) -> HttpResponse:
    """Ask first (GET), then delete (POST) a module, lesson, quiz or question of the course."""
    the_course = _author_course(request, course_pk)
    if kind not in _DELETABLE:
        raise Http404
    lookup, label = _DELETABLE[kind]
    item = lookup(the_course, pk)
    if request.method == "POST":
        services.content_delete(item=item)
        messages.success(request, _("De %(kind)s is verwijderd.") % {"kind": label})
        return _to_course(the_course)
    context = {"course": the_course, "item": item, "label": label}
    return render(request, "learning/elearning/manage_delete.html", context)
