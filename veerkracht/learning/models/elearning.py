"""E-learning: a course's modules of lessons and its quizzes, and what each learner did with them.

Content (modules, lessons, quizzes, questions, choices) belongs to the course. What a learner did
(progress per lesson, quiz attempts and answers) belongs to the learner through their enrolment: it is
in their data download and goes with their account. Coordinators see completion, never answers.

A lesson's download lives outside MEDIA_ROOT (``elearning_storage``): it has no web address of its own
and is served by a view that checks the visitor is enrolled (or authors the course).
"""

from __future__ import annotations

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

from veerkracht.core.models import TimeStampedModel

from .catalogue import Course
from .enrolments import Enrolment


@deconstructible(path="veerkracht.learning.models.elearning.ElearningStorage")
class ElearningStorage(FileSystemStorage):
    # Read from the settings on every use (not cached), so tests can point it at a temporary folder.
    @property
    def base_location(self) -> str:
        return os.path.join(str(settings.PRIVATE_MEDIA_ROOT), "e-learning")

    @property
    def location(self) -> str:
        return os.path.abspath(self.base_location)

    @property
    def base_url(self) -> None:
        return None  # no public address: FileSystemStorage.url() raises


elearning_storage = ElearningStorage()


class Module(TimeStampedModel):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="modules")
    title = models.CharField(_("naam van de module"), max_length=120)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.title


class Lesson(TimeStampedModel):
    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="lessons")
    title = models.CharField(_("titel van de les"), max_length=120)
    body = models.TextField(_("tekst (Markdown)"), max_length=20000)
    video_url = models.URLField(
        _("link naar een video"),
        blank=True,
        max_length=300,
        help_text=_("Een webadres dat begint met https://"),
    )
    file = models.FileField(storage=elearning_storage, upload_to="lessen/", blank=True, max_length=200)
    file_title = models.CharField(_("naam van het bestand"), max_length=120, blank=True)
    file_size = models.PositiveIntegerField(default=0)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("les")
        verbose_name_plural = _("lessen")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.title


class Quiz(TimeStampedModel):
    """A quiz after a module, or at the end of the course (``module`` empty)."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="quizzes")
    module = models.ForeignKey(
        Module,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="quizzes",
        verbose_name=_("na module"),
        help_text=_("Leeg: aan het eind van de cursus"),
    )
    title = models.CharField(_("naam van de toets"), max_length=120)
    intro = models.TextField(_("uitleg vooraf"), max_length=2000, blank=True)
    pass_mark = models.PositiveSmallIntegerField(
        _("gehaald vanaf (procent goed)"),
        default=70,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("aantal pogingen"), default=3, validators=[MinValueValidator(1), MaxValueValidator(20)]
    )

    class Meta:
        verbose_name = _("toets")
        verbose_name_plural = _("toetsen")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.title


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("één antwoord goed")
    MULTIPLE = "multiple", _("meer antwoorden kunnen goed zijn")


class Question(TimeStampedModel):
    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(_("vraag"), max_length=500)
    kind = models.CharField(_("soort vraag"), max_length=10, choices=QuestionKind.choices)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.text


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("antwoord"), max_length=300)
    correct = models.BooleanField(_("goed antwoord"), default=False)
    feedback = models.CharField(_("uitleg bij dit antwoord"), max_length=500, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("antwoord")
        verbose_name_plural = _("antwoorden")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.text


class LessonProgress(models.Model):
    """One learner's progress in one lesson. Millions of rows: the unique index (enrolment, lesson)
    serves every lookup of a learner's course; nothing scans the table."""

    # No separate index on the enrolment: the unique index (enrolment, lesson) leads with it.
    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="lesson_progress", db_index=False
    )
    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="+", db_index=False)
    seen_at = models.DateTimeField()
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("voortgang in een les")
        verbose_name_plural = _("voortgang in lessen")
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "lesson"], name="learning_progress_unique"),
        ]
        # Deleting a lesson cascades through this index (the unique one leads with the enrolment).
        indexes = [models.Index(fields=["lesson"], name="learning_progress_lesson")]

    def __str__(self) -> str:
        return f"{self.enrolment_id} – {self.lesson_id}"


class QuizAttempt(models.Model):
    """One try at a quiz. The order of its questions is drawn once, when it starts, and kept here so
    the page shows the same order until the learner hands it in."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="quiz_attempts")
    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="attempts")
    number = models.PositiveSmallIntegerField()
    question_order = models.JSONField(default=list)
    started_at = models.DateTimeField()
    submitted_at = models.DateTimeField(null=True, blank=True)
    score = models.PositiveSmallIntegerField(null=True, blank=True)  # percent correct
    passed = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("poging")
        verbose_name_plural = _("pogingen")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "quiz", "number"], name="learning_attempt_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.quiz} #{self.number}"

    @property
    def is_open(self) -> bool:
        return self.submitted_at is None


class AttemptAnswer(models.Model):
    attempt = models.ForeignKey(QuizAttempt, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    choices = models.ManyToManyField(Choice, related_name="+", blank=True)
    correct = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("antwoord op een vraag")
        verbose_name_plural = _("antwoorden op vragen")
        constraints = [
            models.UniqueConstraint(fields=["attempt", "question"], name="learning_answer_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.attempt_id} – {self.question_id}"
