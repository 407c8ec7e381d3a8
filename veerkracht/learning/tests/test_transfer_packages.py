from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from veerkracht.accounts.models import Role
from veerkracht.accounts.tests.factories import UserFactory
from veerkracht.learning.models import Course, Lesson, Question, Quiz
from veerkracht.learning.models import Module as CourseModule
from veerkracht.learning.selectors.transfer import course_document, course_package
from veerkracht.learning.services import transfer
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
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def course(region):
    course, module, quiz = course_with_content(lessons=2, questions=3)
    course.accreditation_register, course.accreditation_points = "ADAP", "2.5"
    course.save()
    lesson = module.lessons.first()
    lesson.file_title, lesson.file_size = "werkblad.pdf", 12
    lesson.file.save("a.pdf", io.BytesIO(b"%PDF-1.7 blad"), save=True)
    second = ModuleFactory(course=course, title="Verdieping")
    LessonFactory(module=second, video_url="https://video.example.org/2")
    quiz.module = second
    quiz.save()
    question_with_choices(QuizFactory(course=course, title="Eindtoets"), kind="multiple", right=(0, 1))
    return course


def _content(document: dict) -> dict:
    document = json.loads(json.dumps(document))
    document["course"].pop("slug")
    for module in document["modules"]:
        for lesson in module["lessons"]:
            if "file" in lesson:
                lesson["file"].pop("path")
    return document


def _zip(entries: dict[str, bytes], **kwargs) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", **kwargs) as package:
        for name, content in entries.items():
            package.writestr(name, content)
    return SimpleUploadedFile("cursus.zip", buffer.getvalue(), content_type="application/zip")


def _document(course) -> dict:
    return course_document(course)[0]


def test_export_then_import_gives_the_same_content(course, region):
    package = course_package(course)
    copy = transfer.course_import(upload=io.BytesIO(package), region=region)
    assert copy.pk != course.pk and copy.slug == f"{course.slug}-2" and copy.published_at is None
    assert _content(_document(copy)) == _content(_document(course))
    original = Lesson.objects.get(module__course=course, file_title="werkblad.pdf")
    copied = Lesson.objects.get(module__course=copy, file_title="werkblad.pdf")
    assert copied.file.name != original.file.name and copied.file.read() == b"%PDF-1.7 blad"
    again = transfer.course_import(upload=io.BytesIO(package), region=region)
    assert again.slug == f"{course.slug}-3"


def _counts() -> tuple[int, ...]:
    return tuple(model.objects.count() for model in (Course, CourseModule, Lesson, Quiz, Question))


def _import_fails(upload, region, fragment: str) -> None:
    before = _counts()
    with pytest.raises(transfer.PackageError) as failed:
        transfer.course_import(upload=upload, region=region)
    assert fragment in " ".join(failed.value.messages)
    assert _counts() == before


def test_path_traversal_is_refused(course, region):
    document = json.dumps(_document(course))
    for name in ("../evil.txt", "/etc/passwd", "media/../../x.pdf", "media\\..\\x.pdf", "media/sub/x.pdf"):
        _import_fails(_zip({"course.json": document, name: b"%PDF-"}), region, "hoort")


def test_bad_json_and_schema_are_refused(course, region):
    _import_fails(_zip({"course.json": b"{niet json"}), region, "geen geldige JSON")
    _import_fails(_zip({"course.json": b"[]"}), region, "geen cursus van Veerkracht")
    document = _document(course)
    _import_fails(_zip({"course.json": json.dumps({**document, "version": 99})}), region, "versie 99")
    _import_fails(_zip({"other.json": b"{}"}), region, "hoort")
    _import_fails(SimpleUploadedFile("x.zip", b"PK\x03\x04 kapot"), region, "geen goed ZIP-bestand")


def test_bad_fields_are_refused_without_saving(course, region):
    document = _document(course)
    for module in document["modules"]:
        for lesson in module["lessons"]:
            lesson.pop("file", None)
    broken = json.loads(json.dumps(document))
    broken["course"]["target_group"] = "aliens"
    _import_fails(_zip({"course.json": json.dumps(broken)}), region, "klopt de cursus niet")
    broken = json.loads(json.dumps(document))
    broken["quizzes"][0]["questions"][0]["choices"] = [{"text": "a", "correct": False, "feedback": ""}]
    _import_fails(_zip({"course.json": json.dumps(broken)}), region, "kloppen de antwoorden")
    broken = json.loads(json.dumps(document))
    broken["modules"][0]["lessons"][0]["title"] = 12
    _import_fails(_zip({"course.json": json.dumps(broken)}), region, "ontbreekt title")
    broken = json.loads(json.dumps(document))
    broken["modules"][0]["lessons"][0]["body"] = "x" * 20001
    _import_fails(_zip({"course.json": json.dumps(broken)}), region, "body bij les 1 van module 1 te lang")
    broken = json.loads(json.dumps(document))
    broken["quizzes"][0]["module"] = 7
    _import_fails(_zip({"course.json": json.dumps(broken)}), region, "module die er niet is")


def test_a_file_must_be_what_it_says_and_nothing_is_left_behind(course, region, settings):
    package = zipfile.ZipFile(io.BytesIO(course_package(course)))
    entries = {name: package.read(name) for name in package.namelist()}
    media = next(name for name in entries if name.startswith("media/"))
    _import_fails(_zip({**entries, media: b"<html>niet echt</html>"}), region, "Dit soort bestand kan niet")
    missing = {name: content for name, content in entries.items() if name != media}
    _import_fails(_zip(missing), region, "zit niet in het pakket")
    stored = settings.PRIVATE_MEDIA_ROOT / "e-learning" / "lessen"
    assert len(list(stored.iterdir())) == 1  # only the original course's file


def test_oversize_and_zip_bombs_are_refused(course, region, monkeypatch):
    document = json.dumps(_document(course))
    bomb = _zip({"course.json": document, "media/a.pdf": b"%PDF-" + b"0" * (3 * 1024 * 1024)}, compression=8)
    _import_fails(bomb, region, "zipbom")
    monkeypatch.setattr(transfer, "MAX_FILE_BYTES", 100)
    _import_fails(_zip({"course.json": document, "media/a.pdf": b"%PDF-" + b"x" * 200}), region, "te groot")
    monkeypatch.setattr(transfer, "MAX_ENTRIES", 3)
    many = {"course.json": document} | {f"media/{n}.pdf": b"%PDF-" for n in range(4)}
    _import_fails(_zip(many), region, "te veel bestanden")
    big = SimpleUploadedFile("x.zip", b"PK")
    big.size = transfer.MAX_PACKAGE_BYTES + 1
    _import_fails(big, region, "te groot")


def test_export_and_import_pages(client_for, course, region, resident):
    coordinator = UserFactory(roles=(Role.TRAINING_COORDINATOR,))
    export = reverse("learning:transfer_export", kwargs={"course_pk": course.pk})
    importing = reverse("learning:transfer_import")
    assert client_for(resident).get(export).status_code == 404
    assert client_for(resident).get(importing).status_code == 404
    client = client_for(coordinator)
    response = client.get(export)
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    upload = SimpleUploadedFile("cursus.zip", response.content, content_type="application/zip")
    response = client.post(importing, {"package": upload})
    copy = Course.objects.exclude(pk=course.pk).get()
    assert response["Location"] == reverse("learning:elearning_manage_course", kwargs={"course_pk": copy.pk})
    bad = SimpleUploadedFile("cursus.zip", b"geen zip", content_type="application/zip")
    response = client.post(importing, {"package": bad})
    assert response.status_code == 200 and "geen goed ZIP-bestand" in response.content.decode()
    response = client.post(importing, {})
    assert "Kies het ZIP-bestand" in response.content.decode()


def test_management_commands(course, region, tmp_path, settings):
    settings.VEERKRACHT_REGION = region.slug
    target = tmp_path / "cursus.zip"
    call_command("learning_export_course", course.slug, str(target))
    call_command("learning_import_course", str(target))
    copy = Course.objects.exclude(pk=course.pk).get()
    assert _content(_document(copy)) == _content(_document(course))
    with pytest.raises(CommandError):
        call_command("learning_export_course", "bestaat-niet", str(target))
    (tmp_path / "kapot.zip").write_bytes(b"kapot")
    with pytest.raises(CommandError):
        call_command("learning_import_course", str(tmp_path / "kapot.zip"))


def test_files_written_before_a_late_failure_are_removed(course, region, settings, monkeypatch):
    package = course_package(course)
    stored = settings.PRIVATE_MEDIA_ROOT / "e-learning" / "lessen"

    def fail(*args, **kwargs):
        raise RuntimeError("the log is down")

    monkeypatch.setattr(transfer, "log_action", fail)
    before = _counts()
    with pytest.raises(RuntimeError):
        transfer.course_import(upload=io.BytesIO(package), region=region)
    assert _counts() == before
    assert len(list(stored.iterdir())) == 1  # the copy's file was written, then removed again
