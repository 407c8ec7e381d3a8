"""Who sees which question: everyone sees visible ones; a hidden one only its asker and moderators."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from ..models import Answer, Question
from ..services.moderation import is_moderator


def get_question_for_user(user, pk: int, region, *, write: bool = False) -> Question:
    """A question this visitor may see (404 otherwise). `write`: only its asker."""
    question = get_object_or_404(
        Question.objects.filter(region=region).select_related("municipality", "author__profile"), pk=pk
    )
    own = bool(user and user.is_authenticated and question.author_id == user.pk)
    if write and not own:
        raise Http404
    if question.is_hidden and not (own or is_moderator(user)):
        raise Http404
    return question


def get_answer_for_user(user, question: Question, pk: int) -> Answer:
    """A visible answer of this question (moderators: any of its answers)."""
    answers = question.answers.all()
    if not is_moderator(user):
        answers = answers.filter(hidden_at__isnull=True)
    return get_object_or_404(answers, pk=pk)
