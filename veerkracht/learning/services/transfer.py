"""Importing a course package (selectors/transfer.py writes it) as a new, unpublished course of the
importing region.

A package comes from elsewhere, so everything is checked before anything is saved: the ZIP itself (its
size, the number and names of its entries: no paths that climb out, nothing but ``course.json`` and
``media/…``; what the entries unpack to, against zip bombs), the schema and version, every field, and
each file by its first bytes. Then all rows are written in one transaction; the files are written last
and removed again when anything fails, so nothing is ever half-saved.
"""

from __future__ import annotations

import json
import re
import zipfile
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from veerkracht.core.audit import log_action

from ..models import Choice, Course, Lesson, Question, QuestionKind, Quiz
from ..models import Module as CourseModule
from ..selectors.transfer import COURSE_FIELDS, SCHEMA, VERSION
from .elearning import MAX_FILE_BYTES, PreparedFile, check_file_content

MAX_PACKAGE_BYTES = 100 * 1024 * 1024
MAX_ENTRIES = 300
MAX_JSON_BYTES = 2 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200  # unpacked / packed, per entry over 1 MB: more is a zip bomb
MAX_MODULES, MAX_LESSONS, MAX_QUIZZES, MAX_QUESTIONS, MAX_CHOICES = 50, 300, 50, 200, 10
MEDIA_NAME = re.compile(r"^media/[A-Za-z0-9_-]{1,80}\.[a-z0-9]{1,5}$")


class PackageError(ValidationError):
    """A package that cannot be imported; the message says why in plain Dutch."""


def _fail(message: str) -> PackageError:
    return PackageError(message, code="package")


# Reading the ZIP -----------------------------------------------------------------------------------


def _check_entries(package: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    entries = package.infolist()
    if len(entries) > MAX_ENTRIES:
        raise _fail(_("Het pakket bevat te veel bestanden."))
    names = [entry.filename for entry in entries]
    if len(set(names)) != len(names):
        raise _fail(_("Het pakket bevat een bestand twee keer."))
    if sum(entry.file_size for entry in entries) > MAX_UNPACKED_BYTES:
        raise _fail(_("Het pakket is uitgepakt te groot."))
    for entry in entries:
        if entry.filename == "media/":
            continue
        if entry.filename != "course.json" and not MEDIA_NAME.match(entry.filename):
            raise _fail(
                _("Het pakket bevat een bestand dat er niet in hoort: %(name)s")
                % {"name": entry.filename[:100]}
            )
        limit = MAX_JSON_BYTES if entry.filename == "course.json" else MAX_FILE_BYTES
        if entry.file_size > limit:
            raise _fail(_("Het bestand %(name)s in het pakket is te groot.") % {"name": entry.filename})
        if entry.file_size > 1024 * 1024 and entry.file_size > MAX_RATIO * max(entry.compress_size, 1):
            raise _fail(_("Het pakket is verdacht sterk ingepakt (een ‘zipbom’). Het wordt niet geopend."))
    if "course.json" not in names:
        raise _fail(_("In het pakket ontbreekt course.json."))
    return [entry for entry in entries if entry.filename != "media/"]


def _read(package: zipfile.ZipFile, entry: zipfile.ZipInfo) -> bytes:
    # Never trust the sizes in the ZIP's directory: read at most one byte more than it says.
    with package.open(entry) as handle:
        content = handle.read(entry.file_size + 1)
    if len(content) > entry.file_size:
        raise _fail(_("Het pakket is beschadigd of verdacht: een bestand is groter dan het zegt."))
    return content


def read_package(upload) -> tuple[dict, dict[str, bytes]]:
    """The checked course.json and the media files (still unchecked by content) of a ZIP package."""
    size = getattr(upload, "size", None)
    if size is not None and size > MAX_PACKAGE_BYTES:
        raise _fail(_("Het pakket is te groot. Het mag hoogstens 100 MB zijn."))
    try:
        with zipfile.ZipFile(upload) as package:
            entries = _check_entries(package)
            contents = {entry.filename: _read(package, entry) for entry in entries}
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, RuntimeError) as exc:
        raise _fail(
            _("Dit is geen goed ZIP-bestand. Kies het pakket dat bij een export is gemaakt.")
        ) from exc
    try:
        document = json.loads(contents.pop("course.json").decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise _fail(_("course.json in het pakket is geen geldige JSON.")) from exc
    if not isinstance(document, dict) or document.get("schema") != SCHEMA:
        raise _fail(_("Dit pakket is geen cursus van Veerkracht."))
    if document.get("version") != VERSION:
        raise _fail(
            _("Dit pakket heeft versie %(found)s; dit platform leest versie %(ours)s.")
            % {"found": str(document.get("version"))[:20], "ours": VERSION}
        )
    return document, contents


# Checking the document -----------------------------------------------------------------------------


def _list(value, where: str, limit: int) -> list:
    if not isinstance(value, list):
        raise _fail(_("In course.json is %(where)s geen lijst.") % {"where": where})
    if len(value) > limit:
        raise _fail(_("In course.json staan te veel %(where)s.") % {"where": where})
    return value


def _object(value, where: str) -> dict:
    if not isinstance(value, dict):
        raise _fail(_("In course.json is %(where)s niet goed opgebouwd.") % {"where": where})
    return value


def _text(data: dict, key: str, where: str, *, required: bool = True) -> str:
    value = data.get(key, "" if not required else None)
    if not isinstance(value, str) or (required and not value.strip()):
        raise _fail(_("In course.json ontbreekt %(key)s bij %(where)s.") % {"key": key, "where": where})
    return value


def _number(data: dict, key: str, where: str, default: int = 0) -> int:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 2_000_000_000:
        raise _fail(
            _("In course.json is %(key)s bij %(where)s geen goed getal.") % {"key": key, "where": where}
        )
    return value


def _flag(data: dict, key: str, where: str) -> bool:
    value = data.get(key, False)
    if not isinstance(value, bool):
        raise _fail(
            _("In course.json is %(key)s bij %(where)s geen ja of nee.") % {"key": key, "where": where}
        )
    return value


def _clean(obj, where: str, exclude: list[str] | None = None) -> None:
    # The model does not enforce a text field's max_length (only its form does): check it here.
    for item in obj._meta.concrete_fields:
        value = getattr(obj, item.attname)
        if item.get_internal_type() == "TextField" and item.max_length and len(value or "") > item.max_length:
            raise _fail(
                _("In course.json is %(field)s bij %(where)s te lang.") % {"field": item.name, "where": where}
            )
    try:
        obj.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        problems = "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in exc.message_dict.items())
        message = _("In course.json klopt %(where)s niet: %(problems)s") % {
            "where": where,
            "problems": problems,
        }
        raise _fail(message) from exc


# Saving --------------------------------------------------------------------------------------------


def _free_slug(region, wanted: str) -> str:
    base = (wanted or "cursus")[:70]
    taken = set(Course.objects.filter(region=region, slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def _course(data: dict, region, actor) -> Course:
    data = _object(data, _("de cursus"))
    where = _("de cursus")
    course = Course(region=region, created_by=actor, published_at=None)
    for name in COURSE_FIELDS:
        field = Course._meta.get_field(name)
        if name == "accreditation_points":
            continue
        if field.get_internal_type() == "BooleanField":
            setattr(course, name, _flag(data, name, where))
        elif field.get_internal_type().endswith("IntegerField"):
            setattr(course, name, _number(data, name, where))
        else:
            setattr(course, name, _text(data, name, where, required=not field.blank))
    points = data.get("accreditation_points")
    try:
        course.accreditation_points = None if points in (None, "") else Decimal(str(points))
    except InvalidOperation as exc:
        raise _fail(_("In course.json zijn de accreditatiepunten geen getal.")) from exc
    course.slug = _free_slug(region, course.slug)
    _clean(course, where, exclude=["region", "created_by"])
    course.save()
    return course


@dataclass
class _PendingFile:
    lesson: Lesson
    file: PreparedFile


def _lessons(module: CourseModule, items, m: int, media: dict[str, bytes], pending: list) -> None:
    for n, item in enumerate(_list(items, _("de lessen"), MAX_LESSONS), start=1):
        where = _("les %(n)s van module %(m)s") % {"n": n, "m": m}
        item = _object(item, where)
        lesson = Lesson(
            module=module,
            title=_text(item, "title", where),
            body=_text(item, "body", where, required=False),
            video_url=_text(item, "video_url", where, required=False),
            order=_number(item, "order", where),
        )
        if lesson.video_url and not lesson.video_url.startswith("https://"):
            raise _fail(
                _("In course.json begint de videolink van %(where)s niet met https://") % {"where": where}
            )
        _clean(lesson, where, exclude=["module", "file"])
        lesson.save()
        if item.get("file") is not None:
            info = _object(item["file"], where)
            path, title = _text(info, "path", where), _text(info, "title", where)
            if path not in media:
                raise _fail(
                    _("Het bestand %(path)s van %(where)s zit niet in het pakket.")
                    % {"path": path[:100], "where": where}
                )
            try:
                pending.append(_PendingFile(lesson, check_file_content(title, media[path])))
            except ValidationError as exc:
                raise _fail(f"{path[:100]}: {' '.join(exc.messages)}") from exc


def _questions(quiz: Quiz, items, where_quiz: str) -> None:
    for n, item in enumerate(_list(items, _("de vragen"), MAX_QUESTIONS), start=1):
        where = _("vraag %(n)s van %(quiz)s") % {"n": n, "quiz": where_quiz}
        item = _object(item, where)
        question = Question(quiz=quiz, text=_text(item, "text", where), kind=_text(item, "kind", where))
        question.order = _number(item, "order", where)
        _clean(question, where, exclude=["quiz"])
        question.save()
        choices = _list(item.get("choices"), _("de antwoorden"), MAX_CHOICES)
        right = 0
        for position, raw in enumerate(choices):
            raw = _object(raw, where)
            choice = Choice(
                question=question, text=_text(raw, "text", where), correct=_flag(raw, "correct", where)
            )
            choice.feedback, choice.order = _text(raw, "feedback", where, required=False), position
            _clean(choice, where, exclude=["question"])
            choice.save()
            right += choice.correct
        if len(choices) < 2 or not right or (question.kind == QuestionKind.SINGLE and right > 1):
            raise _fail(_("In course.json kloppen de antwoorden van %(where)s niet.") % {"where": where})


def _quizzes(course: Course, items, modules: list[CourseModule]) -> None:
    for n, item in enumerate(_list(items, _("de toetsen"), MAX_QUIZZES), start=1):
        where = _("toets %(n)s") % {"n": n}
        item = _object(item, where)
        index = item.get("module")
        if index is not None and (
            isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(modules)
        ):
            raise _fail(_("In course.json hoort %(where)s bij een module die er niet is.") % {"where": where})
        quiz = Quiz(
            course=course,
            module=modules[index] if index is not None else None,
            title=_text(item, "title", where),
            intro=_text(item, "intro", where, required=False),
            pass_mark=_number(item, "pass_mark", where, 70),
            max_attempts=_number(item, "max_attempts", where, 3),
        )
        _clean(quiz, where, exclude=["course", "module"])
        quiz.save()
        _questions(quiz, item.get("questions", []), where)


def _content(course: Course, document: dict, media: dict[str, bytes]) -> list[_PendingFile]:
    pending: list[_PendingFile] = []
    modules = []
    for m, item in enumerate(_list(document.get("modules", []), _("de modules"), MAX_MODULES), start=1):
        where = _("module %(m)s") % {"m": m}
        item = _object(item, where)
        module = CourseModule(
            course=course, title=_text(item, "title", where), order=_number(item, "order", where)
        )
        _clean(module, where, exclude=["course"])
        module.save()
        modules.append(module)
        _lessons(module, item.get("lessons", []), m, media, pending)
    _quizzes(course, document.get("quizzes", []), modules)
    return pending


def _write_files(pending: list[_PendingFile], written: list) -> None:
    for item in pending:
        lesson = item.lesson
        lesson.file_title, lesson.file_size = item.file.display_name, item.file.size
        lesson.file.save(item.file.name, ContentFile(item.file.content), save=False)
        written.append(lesson.file)
        lesson.save(update_fields=["file", "file_title", "file_size"])


def course_import(*, upload, region, actor=None) -> Course:
    """Create a new, unpublished course in ``region`` from a package; a slug that is taken gets a number.
    Raises PackageError (a plain-Dutch message) and saves nothing when anything is wrong."""
    document, media = read_package(upload)
    written: list = []
    try:
        with transaction.atomic():
            course = _course(document.get("course"), region, actor)
            pending = _content(course, document, media)
            _write_files(pending, written)
            log_action("learning.course.imported", actor=actor, subject=course)
    except BaseException:
        for file in written:
            file.storage.delete(file.name)
        raise
    return course
