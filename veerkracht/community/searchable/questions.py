"""Questions to the movement in the one search: public questions only (a hidden one is removed)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from veerkracht.core.search import Document, Source, register


def _question_document(question) -> Document | None:
    if question.is_hidden:
        return None
    municipality = question.municipality
    return Document(
        title=question.title,
        body=question.text,
        url=reverse("community:question", args=[question.pk]),
        date=question.created_at,
        summary=question.text[:200],
        municipality_code=municipality.code if municipality else "",
        subregion=municipality.subregion.slug if municipality and municipality.subregion else "",
        themes=question.themes,
    )


def _questions(region):
    from ..models import Question

    return Question.objects.filter(region=region, hidden_at__isnull=True).select_related(
        "municipality__subregion"
    )


register(
    Source(
        key="question",
        label=_("Vragen aan de beweging"),
        model="community.Question",
        document=_question_document,
        objects=_questions,
        region_of=lambda question: question.region,
        order=60,
    )
)
