"""The short evaluation after an event: the mail with the link (a scheduled job) and the answers.

A few hours after the end (SEND_AFTER), each person who was checked in at the door gets one mail with
a private link (tokens.EVALUATE). `Registration.evaluation_sent_at`, set under a row lock together
with queueing the mail, makes a second run send nothing; the window stays open until the evaluation
closes (CLOSES_AFTER), so a missed run is made up later. One evaluation per registration.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import EVALUATION_QUESTIONS, Evaluation, EventStatus, Registration
from ..tokens import EVALUATE, registration_token
from . import notifications

SEND_AFTER = timedelta(hours=3)
CLOSES_AFTER = timedelta(days=30)
BATCH = 2000


class AlreadyAnswered(ValidationError):
    def __init__(self) -> None:
        super().__init__(_("Je hebt deze vragen al beantwoord. Bedankt! Er is niets veranderd."))


def evaluate_url(registration: Registration) -> str:
    return settings.SITE_URL + reverse("agenda:evaluate", args=[registration_token(registration, EVALUATE)])


def evaluation_is_open(event, *, now: datetime | None = None) -> bool:
    now = now or timezone.now()
    return event.status != EventStatus.CANCELLED and event.ends_at <= now < event.ends_at + CLOSES_AFTER


def evaluations_due(now: datetime):
    return Registration.objects.filter(
        checked_in_at__isnull=False,
        evaluation_sent_at__isnull=True,
        event__status=EventStatus.PUBLISHED,
        event__ends_at__lte=now - SEND_AFTER,
        event__ends_at__gt=now - CLOSES_AFTER,
    ).exclude(email="")


def evaluations_send(*, now: datetime | None = None) -> int:
    """Queue the evaluation mails that are due; returns how many. Safe to run twice or at once."""
    now = now or timezone.now()
    sent = 0
    for pk in evaluations_due(now).order_by("event__ends_at", "pk").values_list("pk", flat=True)[:BATCH]:
        sent += _send_one(pk, now)
    return sent


@transaction.atomic
def _send_one(pk: int, now: datetime) -> int:
    registration = Registration.objects.select_for_update(of=("self",)).select_related("event").get(pk=pk)
    if registration.evaluation_sent_at is not None:
        return 0
    registration.evaluation_sent_at = now
    registration.save(update_fields=["evaluation_sent_at", "updated_at"])
    notifications._send(registration, "evaluation", "evaluation", evaluate_url=evaluate_url(registration))
    return 1


def _scores(scores: list) -> list[int]:
    if len(scores) != len(EVALUATION_QUESTIONS):
        raise ValidationError(_("Beantwoord alle vragen."))
    try:
        values = [int(score) for score in scores]
    except (TypeError, ValueError):
        raise ValidationError(_("Kies bij elke vraag een antwoord van 1 tot en met 5.")) from None
    if any(not 1 <= value <= 5 for value in values):
        raise ValidationError(_("Kies bij elke vraag een antwoord van 1 tot en met 5."))
    return values


@transaction.atomic
def evaluation_submit(
    *, registration: Registration, scores: list, next_step: str = "", now: datetime | None = None
) -> Evaluation:
    """Store the answers of one attendee; AlreadyAnswered (nothing changed) the second time."""
    registration = (
        Registration.objects.select_for_update(of=("self",)).select_related("event").get(pk=registration.pk)
    )
    if not registration.checked_in:
        raise ValidationError(_("Deze vragen zijn voor mensen die bij de bijeenkomst waren."))
    if not evaluation_is_open(registration.event, now=now):
        raise ValidationError(_("Deze vragen zijn gesloten. Je kunt ze niet meer invullen."))
    if Evaluation.objects.filter(registration=registration).exists():
        raise AlreadyAnswered
    values = _scores(scores)
    next_step = (next_step or "").strip()
    if len(next_step) > 1000:
        raise ValidationError(_("Je antwoord is te lang. Gebruik hoogstens 1000 tekens."))
    evaluation = Evaluation(event=registration.event, registration=registration, next_step=next_step)
    evaluation.score_1, evaluation.score_2, evaluation.score_3, evaluation.score_4 = values
    evaluation.full_clean(exclude=["event", "registration"])
    try:
        with transaction.atomic():
            evaluation.save()
    except IntegrityError:  # the same link sent twice at the same moment
        raise AlreadyAnswered from None
    return evaluation
