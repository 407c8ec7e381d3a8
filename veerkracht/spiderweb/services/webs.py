"""Writes for one's own spider webs: filling in step by step, completing, deleting, reflecting, and the
separate choice to let one's scores count in the monitor."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from statistics import fmean

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from veerkracht.accounts.models import AgeBand
from veerkracht.core.audit import log_action
from veerkracht.core.vocabulary import DIMENSION_KEYS

from ..models import (
    Assessment,
    Education,
    Instrument,
    Reflection,
    ResearchConsent,
    Share,
    ShareScope,
    Status,
)

logger = logging.getLogger(__name__)


@dataclass
class StepInput:
    """Validated answers of one step (one dimension)."""

    scores: dict[str, int] = field(default_factory=dict)
    talk: set[str] = field(default_factory=set)


def clean_step(
    instrument: Instrument,
    index: int,
    data: Mapping[str, object],
    talk: Iterable[str],
    *,
    partial: bool = False,
) -> StepInput:
    """Validate the answers for step `index`: every item of that dimension, integers 0–10, nothing else.

    `data` maps item keys to raw values. With `partial` (going back a step) unanswered items are
    allowed, wrong values never. Raises ValidationError with plain-language messages; the keys of
    the items that need an answer are in `error.params["items"]`.
    """
    if not 0 <= index < len(instrument.dimensions):
        raise ValidationError(_("Deze stap bestaat niet."))
    dimension = instrument.dimension(index)
    expected = {item["key"] for item in dimension["items"]}
    foreign = (set(data) | set(talk)) - expected
    if foreign:
        raise ValidationError(_("Er zat een vraag bij die niet bij deze stap hoort. Probeer het opnieuw."))
    result = StepInput(talk=set(talk))
    errors = []
    for item in dimension["items"]:
        raw = data.get(item["key"])
        if partial and raw in (None, ""):
            continue
        try:
            value = int(str(raw))
        except (TypeError, ValueError):
            errors.append(item["key"])
            continue
        if not instrument.scale_min <= value <= instrument.scale_max or str(raw).strip() != str(value):
            errors.append(item["key"])
            continue
        result.scores[item["key"]] = value
    if errors:
        raise ValidationError(
            _("Kies bij elke zin een cijfer van 0 tot en met 10."), params={"items": errors}
        )
    return result


def compute_scores(instrument: Instrument, answers: Mapping[str, int]) -> dict[str, float | None]:
    """Dimension score = mean of its items on 0–10 (None while a dimension has no answers)."""
    scores: dict[str, float | None] = {}
    for dim in instrument.dimensions:
        values = [answers[i["key"]] for i in dim["items"] if i["key"] in answers]
        scores[dim["key"]] = round(fmean(values), 2) if values else None
    return scores


def _check_complete(instrument: Instrument, answers: Mapping[str, int]) -> None:
    missing = set(instrument.item_keys) - set(answers)
    if missing:
        raise ValidationError(_("Nog niet alle vragen zijn beantwoord."))


@transaction.atomic
def assessment_start(*, owner, instrument: Instrument) -> Assessment:
    """Start a web, or resume the draft this person already has for this instrument."""
    if not instrument.is_active:
        raise ValidationError(_("Deze vragenlijst kan niet meer worden ingevuld."))
    draft = Assessment.objects.filter(owner=owner, instrument=instrument, status=Status.DRAFT).first()
    if draft is not None:
        return draft
    assessment = Assessment(owner=owner, instrument=instrument)
    assessment.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():  # a savepoint: a parallel "start" may have won the race
            assessment.save()
    except IntegrityError:
        return Assessment.objects.get(owner=owner, instrument=instrument, status=Status.DRAFT)
    return assessment


@transaction.atomic
def assessment_save_step(
    *, assessment: Assessment, index: int, step: StepInput, advance: bool = True
) -> Assessment:
    """Save one step's answers. `advance` is False when the person goes back without finishing it."""
    assessment = (
        Assessment.objects.select_for_update(of=("self",)).select_related("instrument").get(pk=assessment.pk)
    )
    if assessment.is_completed:
        raise ValidationError(_("Dit spinnenweb is al klaar. Je kunt het niet meer veranderen."))
    dimension_items = {i["key"] for i in assessment.instrument.dimension(index)["items"]}
    assessment.answers = {**assessment.answers, **step.scores}
    assessment.talk_about = sorted((set(assessment.talk_about) - dimension_items) | step.talk)
    if advance:
        assessment.step = max(assessment.step, min(index + 1, len(assessment.instrument.dimensions) - 1))
    assessment.save(update_fields=["answers", "talk_about", "step"])
    return assessment


def _apply_scores(assessment: Assessment, scores: Mapping[str, float | None]) -> None:
    for key in DIMENSION_KEYS:
        setattr(assessment, f"score_{key}", scores.get(key))


@transaction.atomic
def assessment_complete(*, assessment: Assessment) -> Assessment:
    """Finish a draft: compute the scores, copy municipality and age band, apply research consent."""
    assessment = (
        Assessment.objects.select_for_update(of=("self",))  # lock the web only; PostgreSQL refuses
        .select_related("instrument", "owner__profile")  # to lock the outer-joined profile
        .get(pk=assessment.pk)
    )
    if assessment.is_completed:
        raise ValidationError(_("Dit spinnenweb was al opgeslagen."))
    _check_complete(assessment.instrument, assessment.answers)
    _apply_scores(assessment, compute_scores(assessment.instrument, assessment.answers))
    profile = assessment.owner.profile
    assessment.municipality = profile.municipality
    # An age band stored under older choices is left out rather than blocking the web.
    assessment.age_band = profile.age_band if profile.age_band in AgeBand.values else ""
    consent = ResearchConsent.objects.filter(user=assessment.owner, given=True).first()
    assessment.research_consent = consent is not None
    assessment.education = consent.education if consent is not None else ""
    assessment.status = Status.COMPLETED
    assessment.completed_at = timezone.now()
    assessment.full_clean()
    assessment.save()
    return assessment


@transaction.atomic
def assessment_create_from_answers(
    *, owner, instrument: Instrument, answers: Mapping[str, int], talk_about: Iterable[str], started_at=None
) -> Assessment:
    """Keep a web that was filled in without an account (from the session) once the person logs in."""
    clean: dict[str, int] = {}
    talk = set(talk_about)
    for index in range(len(instrument.dimensions)):
        items = {i["key"] for i in instrument.dimension(index)["items"]}
        step = clean_step(instrument, index, {k: v for k, v in answers.items() if k in items}, talk & items)
        clean.update(step.scores)
    if set(answers) - set(instrument.item_keys) or talk - set(instrument.item_keys):
        raise ValidationError(_("Er zat een vraag bij die niet bij deze vragenlijst hoort."))
    assessment = Assessment.objects.create(
        owner=owner,
        instrument=instrument,
        answers=clean,
        talk_about=sorted(talk),
        step=len(instrument.dimensions) - 1,
        started_at=started_at or timezone.now(),
    )
    return assessment_complete(assessment=assessment)


@transaction.atomic
def assessment_delete(*, assessment: Assessment) -> None:
    log_action("spiderweb.assessment.deleted", actor=assessment.owner, person=assessment.owner)
    Share.objects.filter(assessment=assessment, scope=ShareScope.ONE).delete()
    assessment.delete()


# --- Reflection and consent -------------------------------------------------------------------


@transaction.atomic
def reflection_save(*, assessment: Assessment, **fields: str) -> Reflection:
    if not assessment.is_completed:
        raise ValidationError(_("Maak eerst het spinnenweb af."))
    reflection, _created = Reflection.objects.get_or_create(assessment=assessment)
    for name, value in fields.items():
        setattr(reflection, name, value.strip() if isinstance(value, str) else value)
    reflection.full_clean()
    reflection.save()
    return reflection


@transaction.atomic
def research_consent_set(*, user, given: bool, education: str = "") -> ResearchConsent:
    """Changeable at any time; applies at once to every web of this person (also earlier ones).

    The education level is only kept together with consent: withdrawing consent also forgets it.
    """
    if education not in ("", *Education.values):
        raise ValidationError(_("Kies een van de opleidingen uit de lijst."))
    consent, _created = ResearchConsent.objects.select_for_update().get_or_create(user=user)
    consent.given = given
    consent.education = education if given else ""
    consent.save()
    Assessment.objects.filter(owner=user, status=Status.COMPLETED).update(
        research_consent=given, education=consent.education
    )
    log_action("spiderweb.consent.given" if given else "spiderweb.consent.withdrawn", actor=user, person=user)
    return consent
