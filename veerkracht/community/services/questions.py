"""Writes for questions to the movement: asking, answering, marking the answer that helped, turning a
question into an action-centre request, and the weekly mail of open questions to ambassadors."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from veerkracht.actioncentre.selectors.connect import ambassadors_for_mail
from veerkracht.actioncentre.services.requests import request_submit
from veerkracht.core.audit import log_action
from veerkracht.core.mail import mail_enqueue
from veerkracht.core.ratelimit import too_many
from veerkracht.core.vocabulary import THEMES

from ..models import Answer, Question, QuestionMailing
from ..selectors.questions import open_questions_for_themes
from .moderation import is_moderator

ASK_LIMIT = (5, 3600)  # questions per member per hour
ANSWER_LIMIT = (20, 3600)  # answers per member per hour
MAIL_LIMIT = 10  # open questions in one weekly mail

logger = logging.getLogger(__name__)


def _check_member(user) -> None:
    if user is None or not user.is_authenticated:
        raise PermissionDenied


def _clean(text: str, limit: int, empty: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError(empty)
    if len(text) > limit:
        raise ValidationError(_("Je tekst is te lang: maximaal %(limit)d tekens.") % {"limit": limit})
    return text


@transaction.atomic
def question_ask(
    *, region, author, title: str, text: str, themes: Iterable[str] = (), municipality=None
) -> Question:
    """A member's practical question, public at once (staff hide what does not belong here)."""
    _check_member(author)
    if municipality is not None and municipality.region_id != region.pk:
        raise ValidationError(_("Kies een gemeente in onze regio."))
    question = Question(
        region=region,
        author=author,
        title=(title or "").strip(),
        text=_clean(text, 3000, _("Vertel iets meer over je vraag.")),
        themes=THEMES.checked_mask(themes, _("Er zat een thema bij dat niet bestaat.")),
        municipality=municipality,
    )
    question.full_clean()
    if too_many("community.question", str(author.pk), limit=ASK_LIMIT[0], seconds=ASK_LIMIT[1]):
        raise ValidationError(_("Je hebt net veel vragen gesteld. Probeer het over een uur opnieuw."))
    question.save()
    return question


@transaction.atomic
def answer_post(*, question: Question, author, text: str) -> Answer:
    _check_member(author)
    question = Question.objects.select_for_update().get(pk=question.pk)
    if question.is_hidden:
        raise ValidationError(_("Op deze vraag kun je niet meer antwoorden."))
    text = _clean(text, 3000, _("Schrijf je antwoord."))
    if too_many("community.answer", str(author.pk), limit=ANSWER_LIMIT[0], seconds=ANSWER_LIMIT[1]):
        raise ValidationError(_("Je hebt net veel antwoorden gegeven. Probeer het over een uur opnieuw."))
    answer = Answer(question=question, author=author, text=text)
    answer.full_clean()
    answer.save()
    if question.first_answer_at is None:
        question.first_answer_at = answer.created_at
        question.save(update_fields=["first_answer_at"])
    _mail_asker(question, answer)
    return answer


def _mail_asker(question: Question, answer: Answer) -> None:
    if question.author is None or question.author_id == answer.author_id or not question.author.email:
        return
    context = {
        "question": question,
        "url": settings.SITE_URL + reverse("community:question", args=[question.pk]),
    }
    mail_enqueue(
        subject=_("Er is een antwoord op je vraag"),
        body=render_to_string("community/questions/email/answered.txt", context),
        to=[question.author.email],
        key=f"community.answer:{answer.pk}",
    )


@transaction.atomic
def question_answers_recount(*, question_id: int) -> None:
    """After an answer was hidden or shown again: the question counts as answered from its first
    visible answer, and a hidden answer is no longer the one that helped (the asker can mark it again)."""
    question = Question.objects.select_for_update().filter(pk=question_id).first()
    if question is None:
        return
    visible = Answer.objects.filter(question=question, hidden_at__isnull=True)
    question.first_answer_at = visible.order_by("created_at").values_list("created_at", flat=True).first()
    if question.helpful_answer_id and not visible.filter(pk=question.helpful_answer_id).exists():
        question.helpful_answer = None
    question.save(update_fields=["first_answer_at", "helpful_answer"])


@transaction.atomic
def answer_mark_helpful(*, question: Question, answer: Answer | None, actor) -> Question:
    """The asker marks the answer that helped (one; another one replaces it; None takes it away)."""
    if actor is None or not actor.is_authenticated or question.author_id != actor.pk:
        raise PermissionDenied
    if answer is not None and (answer.question_id != question.pk or answer.is_hidden):
        raise ValidationError(_("Dit antwoord hoort niet bij deze vraag."))
    question = Question.objects.select_for_update().get(pk=question.pk)
    question.helpful_answer = answer
    question.save(update_fields=["helpful_answer"])
    return question


@transaction.atomic
def question_to_request(*, question: Question, actor, municipality, base_url: str) -> Question:
    """Staff turn a question into an action-centre request for the asker (who gets the request's
    confirmation mail); the question shows that the action centre helps."""
    if not is_moderator(actor):
        raise PermissionDenied
    question = Question.objects.select_for_update(of=("self",)).select_related("author").get(pk=question.pk)
    if question.actioncentre_request_id:
        raise ValidationError(_("Het actiecentrum helpt al bij deze vraag."))
    if question.author is None:
        raise ValidationError(_("De vrager heeft geen account meer: we kunnen geen contact opnemen."))
    link = base_url + reverse("community:question", args=[question.pk])
    request, _token = request_submit(
        region=question.region,
        kind="question",
        title=question.title[:200],
        description=f"{question.text}\n\n{_('Gesteld als vraag aan de beweging')}: {link}",
        municipality=municipality,
        name=question.author.display_name,
        email=question.author.email,
        contact_consent=True,
        themes=THEMES.keys_of(question.themes),
        sender=question.author,
        base_url=base_url,
    )
    question.actioncentre_request_id = request.pk
    question.save(update_fields=["actioncentre_request_id"])
    log_action("community.question.to_request", actor=actor, subject=question, data={"request": request.pk})
    return question


def iso_week(moment: datetime) -> str:
    year, week, _day = timezone.localtime(moment).isocalendar()
    return f"{year}-W{week:02d}"


def questions_send_weekly(now: datetime | None = None) -> int:
    """The weekly mail to every ambassador who chose themes: the open questions in those themes. Each
    ambassador gets it once per ISO week (a row per week), so running the job twice sends nothing new."""
    now = now or timezone.now()
    week = iso_week(now)
    sent = 0
    for ambassador in ambassadors_for_mail():
        questions = open_questions_for_themes(ambassador.region_id, ambassador.themes, limit=MAIL_LIMIT)
        if questions and _send_weekly(ambassador, questions, week):
            sent += 1
    logger.info("weekly questions mail: %d ambassadors in %s", sent, week)
    return sent


def _send_weekly(ambassador, questions: list[Question], week: str) -> bool:
    try:
        with transaction.atomic():
            QuestionMailing.objects.create(user_id=ambassador.user_id, week=week)
            context = {
                "questions": questions,
                "site_url": settings.SITE_URL,
                "list_url": settings.SITE_URL + reverse("community:questions") + "?status=open",
            }
            # Queued in the same transaction: the mail exists exactly when the week's row does.
            mail_enqueue(
                subject=_("Vragen uit de beweging die op een antwoord wachten"),
                body=render_to_string("community/questions/email/weekly.txt", context),
                to=[ambassador.email],
                key=f"community.questions.weekly:{week}:{ambassador.user_id}",
            )
    except IntegrityError:  # already sent this week
        return False
    return True


def question_mailings_forget(*, before: datetime) -> int:
    """Forget which ambassadors got which week's mail once that week is long over (retention)."""
    deleted, _rows = QuestionMailing.objects.filter(sent_at__lt=before).delete()
    return deleted
