from __future__ import annotations

import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from veerkracht.accounts.models import Role
from veerkracht.accounts.tests.factories import UserFactory
from veerkracht.learning.models import (
    AttemptAnswer,
    EnrolmentStatus,
    Lesson,
    LessonProgress,
    Question,
    Quiz,
    QuizAttempt,
)
from veerkracht.learning.tests.factories.catalogue import CohortFactory, EnrolmentFactory
from veerkracht.learning.tests.factories.elearning import (
    LessonFactory,
    ModuleFactory,
    QuizFactory,
    course_with_content,
    question_with_choices,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _private(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path


@pytest.fixture
def setup(region):
    course, module, quiz = course_with_content(lessons=3, questions=2)
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    return course, module, quiz, enrolment


@pytest.fixture
def coordinator(region):
    return UserFactory(roles=(Role.TRAINING_COORDINATOR,))


def _url(name: str, course, **kwargs) -> str:
    return reverse(f"learning:elearning_{name}", kwargs={"slug": course.slug, **kwargs})


def _learner_urls(course, lesson, quiz, attempt) -> list[str]:
    return [
        _url("course", course),
        _url("lesson", course, pk=lesson.pk),
        _url("lesson_file", course, pk=lesson.pk),
        _url("quiz", course, pk=quiz.pk),
        _url("attempt", course, pk=attempt.pk),
        _url("result", course, pk=attempt.pk),
    ]


@pytest.mark.parametrize(
    "status", [EnrolmentStatus.REQUESTED, EnrolmentStatus.WAITING, EnrolmentStatus.CANCELLED, None]
)
def test_only_enrolled_or_completed_learners_get_in(client_for, setup, status):
    course, module, quiz, enrolment = setup
    attempt = QuizAttempt.objects.create(
        enrolment=enrolment, quiz=quiz, number=1, question_order=[], started_at=enrolment.created_at
    )
    other = UserFactory()
    if status:
        EnrolmentFactory(cohort=enrolment.cohort, user=other, status=status)
    client = client_for(other)
    for url in _learner_urls(course, module.lessons.first(), quiz, attempt):
        assert client.get(url).status_code == 404, url
    assert client.post(_url("lesson_done", course, pk=module.lessons.first().pk)).status_code == 404
    assert client.post(_url("quiz", course, pk=quiz.pk)).status_code == 404
    assert not LessonProgress.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in(client, setup):
    course, *_rest = setup
    response = client.get(_url("course", course))
    assert response.status_code == 302 and "/accounts/" in response["Location"]


def test_another_learners_attempt_is_404(client_for, setup):
    course, _module, quiz, enrolment = setup
    attempt = QuizAttempt.objects.create(
        enrolment=enrolment, quiz=quiz, number=1, question_order=[], started_at=enrolment.created_at
    )
    classmate = EnrolmentFactory(cohort=enrolment.cohort)
    client = client_for(classmate.user)
    assert client.get(_url("course", course)).status_code == 200
    assert client.get(_url("attempt", course, pk=attempt.pk)).status_code == 404
    assert client.post(_url("attempt", course, pk=attempt.pk), {}).status_code == 404
    assert client.get(_url("result", course, pk=attempt.pk)).status_code == 404


def test_a_completed_learner_still_reads_the_lessons(client_for, setup):
    course, module, _quiz, enrolment = setup
    enrolment.status = EnrolmentStatus.COMPLETED
    enrolment.save()
    response = client_for(enrolment.user).get(_url("lesson", course, pk=module.lessons.first().pk))
    assert response.status_code == 200


def test_course_overview_has_constant_queries(client_for, setup, django_assert_max_num_queries):
    course, module, _quiz, enrolment = setup
    client = client_for(enrolment.user)
    client.get(_url("course", course))
    with django_assert_max_num_queries(20) as few:
        client.get(_url("course", course))
    second = ModuleFactory(course=course)
    for _ in range(10):
        LessonFactory(module=second)
        LessonFactory(module=module)
    QuizFactory(course=course, module=second)
    for lesson in Lesson.objects.filter(module__course=course)[:8]:
        LessonProgress.objects.create(enrolment=enrolment, lesson=lesson, seen_at=enrolment.created_at)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(_url("course", course))
    assert response.context["outline"].lessons_total == 23


def test_lesson_page_has_constant_queries(client_for, setup, django_assert_max_num_queries):
    course, module, _quiz, enrolment = setup
    lesson = module.lessons.first()
    client = client_for(enrolment.user)
    client.get(_url("lesson", course, pk=lesson.pk))
    with django_assert_max_num_queries(20) as few:
        client.get(_url("lesson", course, pk=lesson.pk))
    for _ in range(15):
        LessonFactory(module=module)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(_url("lesson", course, pk=lesson.pk))
    assert response.status_code == 200


def test_the_lesson_flow_with_resume_link(client_for, setup):
    course, module, _quiz, enrolment = setup
    first, second, _third = module.lessons.all()
    client = client_for(enrolment.user)
    page = client.get(_url("course", course)).content.decode()
    assert "Begin met de eerste les" in page
    response = client.post(_url("lesson_done", course, pk=first.pk))
    assert response["Location"] == _url("lesson", course, pk=second.pk)
    client.post(_url("lesson_done", course, pk=first.pk))  # a double click changes nothing
    assert LessonProgress.objects.filter(enrolment=enrolment, done_at__isnull=False).count() == 1
    page = client.get(_url("course", course)).content.decode()
    assert "Ga verder waar je was" in page and _url("lesson", course, pk=second.pk) in page
    assert client.get(_url("lesson_done", course, pk=first.pk)).status_code == 405


def test_the_lesson_shows_a_video_link_and_a_private_download(client_for, setup, settings):
    course, module, _quiz, enrolment = setup
    lesson = module.lessons.first()
    lesson.video_url = "https://video.example.org/les"
    lesson.file_title, lesson.file_size = "werkblad.pdf", 9
    lesson.file.save("x.pdf", SimpleUploadedFile("x.pdf", b"%PDF-1.4\n"), save=True)
    client = client_for(enrolment.user)
    page = client.get(_url("lesson", course, pk=lesson.pk)).content.decode()
    assert "https://video.example.org/les" in page and "<iframe" not in page
    response = client.get(_url("lesson_file", course, pk=lesson.pk))
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.4\n"
    assert response["Content-Type"] == "application/pdf" and "attachment" in response["Content-Disposition"]
    assert str(settings.MEDIA_ROOT) not in lesson.file.path


def _answer_data(quiz, right=True) -> dict:
    data = {}
    for question in quiz.questions.all():
        choices = [c for c in question.choices.all() if c.correct == right]
        data[f"q{question.pk}"] = str(choices[0].pk)
    return data


def test_taking_a_quiz_to_the_end(client_for, setup):
    course, _module, quiz, enrolment = setup
    client = client_for(enrolment.user)
    response = client.post(_url("quiz", course, pk=quiz.pk))
    attempt = QuizAttempt.objects.get(enrolment=enrolment)
    assert response["Location"] == _url("attempt", course, pk=attempt.pk)
    page = client.get(response["Location"]).content.decode()
    first, second = attempt.question_order
    assert page.index(Question.objects.get(pk=first).text) < page.index(Question.objects.get(pk=second).text)
    assert 'type="radio"' in page
    response = client.post(_url("attempt", course, pk=attempt.pk), _answer_data(quiz, right=False))
    assert response["Location"] == _url("result", course, pk=attempt.pk)
    page = client.get(response["Location"]).content.decode()
    assert "Nog niet gehaald" in page and "Je kunt het nog 1 keer proberen" in page
    assert all(c.feedback in page for c in AttemptAnswer.objects.get(question_id=first).choices.all())
    client.post(_url("quiz", course, pk=quiz.pk))
    second_attempt = QuizAttempt.objects.get(enrolment=enrolment, number=2)
    client.post(_url("attempt", course, pk=second_attempt.pk), _answer_data(quiz, right=False))
    page = client.get(_url("quiz", course, pk=quiz.pk)).content.decode()
    assert "Je hebt alle 2 pogingen gebruikt" in page
    response = client.post(_url("quiz", course, pk=quiz.pk), follow=True)
    assert "Je hebt alle 2 pogingen" in response.content.decode()
    assert QuizAttempt.objects.filter(enrolment=enrolment).count() == 2


def test_bad_answers_come_back_with_a_message(client_for, setup):
    course, _module, quiz, enrolment = setup
    client = client_for(enrolment.user)
    client.post(_url("quiz", course, pk=quiz.pk))
    attempt = QuizAttempt.objects.get(enrolment=enrolment)
    data = _answer_data(quiz)
    key = next(iter(data))
    for bad in ("999999", "abc", ""):
        response = client.post(_url("attempt", course, pk=attempt.pk), {**data, key: bad})
        assert response.status_code == 200
        assert "Kies een antwoord uit de lijst" in response.content.decode() or "Kies bij deze vraag" in (
            response.content.decode()
        )
    assert not AttemptAnswer.objects.exists()


def test_a_double_submit_keeps_the_first_answers(client_for, setup):
    course, _module, quiz, enrolment = setup
    client = client_for(enrolment.user)
    client.post(_url("quiz", course, pk=quiz.pk))
    attempt = QuizAttempt.objects.get(enrolment=enrolment)
    client.post(_url("attempt", course, pk=attempt.pk), _answer_data(quiz, right=True))
    response = client.post(
        _url("attempt", course, pk=attempt.pk), _answer_data(quiz, right=False), follow=True
    )
    assert "al ingeleverd" in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.passed and AttemptAnswer.objects.filter(attempt=attempt).count() == 2


def test_passing_completes_the_course_from_the_pages(client_for, setup):
    course, module, quiz, enrolment = setup
    client = client_for(enrolment.user)
    for lesson in module.lessons.all():
        client.post(_url("lesson_done", course, pk=lesson.pk))
    client.post(_url("quiz", course, pk=quiz.pk))
    attempt = QuizAttempt.objects.get(enrolment=enrolment)
    client.post(_url("attempt", course, pk=attempt.pk), _answer_data(quiz))
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.COMPLETED


# Authors -------------------------------------------------------------------------------------------


def _manage(name: str, course, **kwargs) -> str:
    return reverse(f"learning:elearning_manage_{name}", kwargs={"course_pk": course.pk, **kwargs})


def test_authoring_pages_are_for_coordinators_and_region_admins(client_for, setup, resident, region_admin):
    course, module, quiz, enrolment = setup
    lesson, question = module.lessons.first(), quiz.questions.first()
    urls = [
        reverse("learning:elearning_manage"),
        _manage("course", course),
        _manage("module", course, pk=module.pk),
        _manage("lesson", course, pk=lesson.pk),
        _manage("lesson_preview", course, pk=lesson.pk),
        _manage("quiz", course, pk=quiz.pk),
        _manage("quiz_preview", course, pk=quiz.pk),
        _manage("question", course, pk=question.pk),
        _manage("statistics", course),
        _manage("lesson_create", course, module_pk=module.pk),
    ]
    for user in (resident, enrolment.user, UserFactory(roles=(Role.COACH,))):
        client = client_for(user)
        for url in urls:
            assert client.get(url).status_code == 404, url
    client = client_for(region_admin)
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_authors_write_a_module_lesson_quiz_and_question(client_for, coordinator, region):
    course = ModuleFactory().course
    client = client_for(coordinator)
    response = client.post(_manage("module_create", course), {"title": "Kennismaken", "order": 1})
    assert response.status_code == 302
    module = course.modules.get(title="Kennismaken")
    upload = SimpleUploadedFile("werkblad.pdf", b"%PDF-1.7 werkblad", content_type="application/pdf")
    data = {
        "title": "Eerste les",
        "body": "# Hoi\n\nTekst",
        "video_url": "https://v.example.org/1",
        "order": 1,
    }
    response = client.post(_manage("lesson_create", course, module_pk=module.pk), {**data, "upload": upload})
    assert response.status_code == 302
    lesson = module.lessons.get()
    assert lesson.file_title == "werkblad.pdf"
    assert client.get(_manage("lesson_file", course, pk=lesson.pk)).status_code == 200
    response = client.post(
        _manage("quiz_create", course), {"title": "Eindtoets", "pass_mark": 80, "max_attempts": 3}
    )
    quiz = Quiz.objects.get(course=course)
    assert response["Location"] == _manage("quiz", course, pk=quiz.pk)
    question = {
        "text": "Klopt het?",
        "kind": "single",
        "choice_1": "Ja",
        "correct_1": "on",
        "choice_2": "Nee",
    }
    response = client.post(_manage("question_create", course, quiz_pk=quiz.pk), question)
    assert response.status_code == 302 and quiz.questions.get().choices.count() == 2


def test_a_fake_pdf_is_refused(client_for, coordinator, region):
    module = ModuleFactory()
    upload = SimpleUploadedFile("werkblad.pdf", b"<script>alert(1)</script>", content_type="application/pdf")
    response = client_for(coordinator).post(
        _manage("lesson_create", module.course, module_pk=module.pk),
        {"title": "Les", "body": "Tekst", "upload": upload},
    )
    assert response.status_code == 200 and "Dit soort bestand kan niet" in response.content.decode()
    assert not Lesson.objects.exists()


def test_preview_renders_markdown_without_saving(client_for, coordinator, region):
    module = ModuleFactory()
    response = client_for(coordinator).post(
        _manage("lesson_create", module.course, module_pk=module.pk),
        {"title": "Les", "body": "**vet** <script>alert(1)</script>", "preview": "1"},
    )
    page = response.content.decode()
    assert response.status_code == 200 and "<strong>vet</strong>" in page and "<script>alert" not in page
    assert not Lesson.objects.exists()


def test_question_form_errors_are_plain(client_for, coordinator, region):
    quiz = QuizFactory()
    url = _manage("question_create", quiz.course, quiz_pk=quiz.pk)
    client = client_for(coordinator)
    both = {
        "text": "V?",
        "kind": "single",
        "choice_1": "A",
        "correct_1": "on",
        "choice_2": "B",
        "correct_2": "on",
    }
    assert "precies één antwoord goed" in client.post(url, both).content.decode()
    none = {"text": "V?", "kind": "multiple", "choice_1": "A", "choice_2": "B"}
    assert "minstens één goed antwoord" in client.post(url, none).content.decode()
    assert not Question.objects.exists()


def test_another_regions_course_or_content_is_404(client_for, coordinator, setup):
    course, _module, quiz, _enrolment = setup
    other = ModuleFactory()
    client = client_for(coordinator)
    assert client.get(_manage("lesson", course, pk=LessonFactory(module=other).pk)).status_code == 404
    assert client.get(_manage("quiz", other.course, pk=quiz.pk)).status_code == 404
    assert client.get(_manage("module", course, pk=other.pk)).status_code == 404


def test_quiz_preview_saves_nothing(client_for, coordinator, setup):
    course, _module, quiz, _enrolment = setup
    client = client_for(coordinator)
    data = _answer_data(quiz)
    page = client.post(_manage("quiz_preview", course, pk=quiz.pk), data).content.decode()
    assert "Wat de deelnemer terugziet" in page and "Uitleg" in page
    assert not QuizAttempt.objects.exists()


def test_statistics_in_constant_queries(client_for, coordinator, setup, django_assert_max_num_queries):
    course, _module, quiz, _enrolment = setup
    client = client_for(coordinator)
    client.get(_manage("statistics", course))
    with django_assert_max_num_queries(20) as few:
        client.get(_manage("statistics", course))
    question = quiz.questions.first()
    for number in range(6):
        learner = EnrolmentFactory(cohort=CohortFactory(course=course))
        attempt = QuizAttempt.objects.create(
            enrolment=learner, quiz=quiz, number=1, question_order=[], started_at=learner.created_at
        )
        AttemptAnswer.objects.create(attempt=attempt, question=question, correct=number < 2)
    extra = QuizFactory(course=course)
    question_with_choices(extra)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(_manage("statistics", course))
    assert "67%" in response.content.decode()


def test_authors_delete_content_after_asking(
    client_for, coordinator, setup, resident, django_capture_on_commit_callbacks
):
    course, module, quiz, enrolment = setup
    lesson = module.lessons.first()
    lesson.file_title = "blad.pdf"
    lesson.file.save("blad.pdf", SimpleUploadedFile("blad.pdf", b"%PDF-1.4"), save=True)
    stored = lesson.file.path
    LessonProgress.objects.create(enrolment=enrolment, lesson=lesson, seen_at=enrolment.created_at)
    url = _manage("delete", course, kind="les", pk=lesson.pk)
    assert client_for(resident).post(url).status_code == 404
    client = client_for(coordinator)
    assert client.get(_manage("delete", course, kind="iets", pk=lesson.pk)).status_code == 404
    assert "Deze les verwijderen?" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response["Location"] == _manage("course", course)
    assert not Lesson.objects.filter(pk=lesson.pk).exists() and not LessonProgress.objects.exists()
    assert not os.path.exists(stored)
    question = quiz.questions.first()
    client.post(_manage("delete", course, kind="vraag", pk=question.pk))
    assert quiz.questions.count() == 1
    client.post(_manage("delete", course, kind="module", pk=module.pk))
    assert not Lesson.objects.filter(module__course=course).exists()
    client.post(_manage("delete", course, kind="toets", pk=quiz.pk))
    assert not Quiz.objects.filter(course=course).exists()


def test_authors_lists_have_constant_queries(client_for, coordinator, setup, django_assert_max_num_queries):
    course, _module, quiz, _enrolment = setup
    client = client_for(coordinator)
    urls = [
        reverse("learning:elearning_manage"),
        _manage("course", course),
        _manage("quiz", course, pk=quiz.pk),
    ]
    counts = []
    for url in urls:
        client.get(url)
        with django_assert_max_num_queries(25) as few:
            client.get(url)
        counts.append(len(few.captured_queries))
    for _ in range(5):
        more = ModuleFactory(course=course)
        LessonFactory(module=more)
        question_with_choices(quiz)
        question_with_choices(QuizFactory(course=course, module=more))
        ModuleFactory()
    for url, count in zip(urls, counts, strict=True):
        with django_assert_max_num_queries(count):
            assert client.get(url).status_code == 200


def test_a_video_link_must_be_https(client_for, coordinator, region):
    module = ModuleFactory()
    response = client_for(coordinator).post(
        _manage("lesson_create", module.course, module_pk=module.pk),
        {"title": "Les", "body": "Tekst", "video_url": "http://video.example.org/1"},
    )
    assert response.status_code == 200 and "begint met https://" in response.content.decode()
    assert not Lesson.objects.exists()


def test_replacing_a_download_removes_the_old_file_after_saving(
    client_for, coordinator, region, django_capture_on_commit_callbacks
):
    module = ModuleFactory()
    client = client_for(coordinator)
    url = _manage("lesson_create", module.course, module_pk=module.pk)
    first = SimpleUploadedFile("een.pdf", b"%PDF-1.7 een", content_type="application/pdf")
    client.post(url, {"title": "Les", "body": "Tekst", "upload": first})
    lesson = Lesson.objects.get()
    old_path = lesson.file.path
    second = SimpleUploadedFile("twee.pdf", b"%PDF-1.7 twee", content_type="application/pdf")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            _manage("lesson", module.course, pk=lesson.pk),
            {"title": "Les", "body": "Tekst", "upload": second},
        )
    lesson.refresh_from_db()
    assert lesson.file_title == "twee.pdf" and lesson.file.read() == b"%PDF-1.7 twee"
    assert not os.path.exists(old_path)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            _manage("lesson", module.course, pk=lesson.pk), {"title": "Les", "body": "T", "remove_file": "on"}
        )
    lesson.refresh_from_db()
    assert not lesson.file and lesson.file_title == ""
