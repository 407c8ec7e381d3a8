"""Reads for questions to the movement: the public list with filters, one question's page, open questions
for the ambassadors' weekly mail, and the newsletter's section "questions waiting for an answer".

`filters` is a plain mapping with any of: ``status`` ("open": no answer yet, "answered": at least one),
``theme`` (a THEMES key), ``municipality`` (a CBS code). Hidden questions and answers never show.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from veerkracht.core.vocabulary import THEMES

from .. import digest
from ..models import Answer, Question

Filters = Mapping[str, Any]
OPEN, ANSWERED = "open", "answered"


def _visible_answers():
    return Answer.objects.filter(question=OuterRef("pk"), hidden_at__isnull=True)


def public_questions(region, filters: Filters | None = None) -> QuerySet[Question]:
    """Visible questions of the region, newest first, each with its number of visible answers."""
    filters = filters or {}
    qs = Question.objects.filter(region=region, hidden_at__isnull=True)
    if filters.get("status") == OPEN:
        qs = qs.filter(~Exists(_visible_answers()))
    elif filters.get("status") == ANSWERED:
        qs = qs.filter(Exists(_visible_answers()))
    if filters.get("theme"):
        qs = qs.filter(THEMES.any_of("themes", [filters["theme"]]))
    if filters.get("municipality"):
        qs = qs.filter(municipality__code=filters["municipality"])
    return (
        qs.annotate(answer_count=Count("answers", filter=Q(answers__hidden_at__isnull=True)))
        .select_related("municipality", "author__profile")
        .order_by("-created_at", "-pk")
    )


def questions_page(region, filters: Filters | None, number, *, per_page: int = 20) -> Page:
    return Paginator(public_questions(region, filters), per_page).get_page(number)


def answers_for(question: Question, *, moderator: bool = False) -> list[Answer]:
    """The answers on a question's page, oldest first; moderators also see hidden ones (marked)."""
    answers = question.answers.select_related("author__profile")
    if not moderator:
        answers = answers.filter(hidden_at__isnull=True)
    return list(answers.order_by("created_at", "pk"))


def open_questions_for_themes(region_id: int, themes: int, *, limit: int = 10) -> list[Question]:
    """Visible questions without a visible answer that share a theme with `themes`, newest first."""
    keys = THEMES.keys_of(themes)
    if not keys:
        return []
    return list(
        Question.objects.filter(region_id=region_id, hidden_at__isnull=True)
        .filter(~Exists(_visible_answers()))
        .filter(THEMES.any_of("themes", keys))
        .order_by("-created_at", "-pk")[:limit]
    )


def questions_of(user) -> QuerySet[Question]:
    return Question.objects.filter(author=user).order_by("created_at", "pk")


def answers_of(user) -> QuerySet[Answer]:
    return Answer.objects.filter(author=user).select_related("question").order_by("created_at", "pk")


def _digest_questions(region, since, until) -> list[digest.DigestItem]:
    """Questions asked in the window that still wait for an answer."""
    questions = (
        Question.objects.filter(
            region=region, hidden_at__isnull=True, created_at__gte=since, created_at__lt=until
        )
        .filter(~Exists(_visible_answers()))
        .select_related("municipality__subregion")
        .order_by("-created_at", "-pk")[:20]
    )
    return [
        digest.DigestItem(
            kind="question",
            title=q.title,
            url=reverse("community:question", args=[q.pk]),
            text=q.text[:160],
            when=q.created_at,
            subregion=q.municipality.subregion.slug if q.municipality and q.municipality.subregion else "",
            themes=q.themes,
        )
        for q in questions
    ]


if not any(section.key == "question" for section in digest.SECTIONS):
    digest.register(
        digest.Section(
            key="question", heading=_("Vragen die op een antwoord wachten"), find=_digest_questions, order=40
        )
    )


# --- for the monitor (indicators.py) ---------------------------------------------------------------


def questions_asked_between(region, start, end) -> list[str | None]:
    """The municipality code (or None) of every visible question asked in the period."""
    return list(
        Question.objects.filter(
            region=region, hidden_at__isnull=True, created_at__gte=start, created_at__lt=end
        ).values_list("municipality__code", flat=True)
    )


def questions_answered_between(region, start, end) -> list[tuple[str | None, float]]:
    """(code, hours until the first answer) of every visible question first answered in the period."""
    rows = Question.objects.filter(
        region=region, hidden_at__isnull=True, first_answer_at__gte=start, first_answer_at__lt=end
    ).values_list("municipality__code", "created_at", "first_answer_at")
    return [(code, (answered - asked).total_seconds() / 3600) for code, asked, answered in rows]


def first_question_at(region):
    first = Question.objects.filter(region=region).order_by("created_at").values_list("created_at", flat=True)
    return first.first()
