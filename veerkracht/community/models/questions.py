"""Questions to the movement: a member asks a practical question, others answer, the asker marks the
answer that helped. Both are Moderated (staff hide at once; readers report). A deleted member's answers
and answered questions stay, without their name ("verwijderde deelnemer")."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from veerkracht.core.vocabulary import THEMES

from .moderation import Moderated

QUESTION_TEXT_MAX = 3000
ANSWER_TEXT_MAX = 3000


class Question(Moderated):
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(_("je vraag in één zin"), max_length=200)
    text = models.TextField(_("vertel er meer over"), max_length=QUESTION_TEXT_MAX)
    themes = models.PositiveBigIntegerField(_("thema's"), default=0)  # core.vocabulary.THEMES bit set
    municipality = models.ForeignKey(
        "regions.Municipality",
        verbose_name=_("gemeente"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    helpful_answer = models.ForeignKey(
        "community.Answer", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    first_answer_at = models.DateTimeField(null=True, blank=True)
    # The action-centre request staff made of this question (an id: the request lives in that app).
    actioncentre_request_id = models.PositiveBigIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("vraag aan de beweging")
        verbose_name_plural = _("vragen aan de beweging")
        ordering = ("-created_at", "-pk")
        indexes = [
            models.Index(fields=("region", "hidden_at", "created_at")),
            models.Index(fields=("region", "first_answer_at")),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("community:question", args=[self.pk])

    @property
    def theme_labels(self) -> list[str]:
        return THEMES.labels_of(self.themes)


class Answer(Moderated):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("je antwoord"), max_length=ANSWER_TEXT_MAX)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("antwoord")
        verbose_name_plural = _("antwoorden")
        ordering = ("created_at", "pk")

    def __str__(self) -> str:
        return self.text[:60]


class QuestionMailing(models.Model):
    """One row per ambassador and week: the weekly mail of open questions went out (never twice)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    week = models.CharField(max_length=8)  # ISO year and week, "2026-W49"
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=("user", "week"), name="community_question_mail_week")]

    def __str__(self) -> str:
        return f"{self.user_id}:{self.week}"
