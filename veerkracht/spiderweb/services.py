"""Writes for Mijn Positieve Gezondheid: loading instruments, filling in, completing, reflecting."""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from statistics import fmean

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from veerkracht.accounts.models import AgeBand
from veerkracht.core.audit import log_action

from .models import (
    DIMENSION_KEYS,
    Assessment,
    ConversationNote,
    Education,
    Instrument,
    Reflection,
    ResearchConsent,
    Share,
    ShareScope,
    Status,
)

logger = logging.getLogger(__name__)
INSTRUMENT_DIR = Path(__file__).resolve().parent / "instruments"
SCHEMA = "veerkracht.instrument/1"
ITEM_KEY = re.compile(r"^[a-z]+\.[a-z0-9_]+$")


# --- Instruments ------------------------------------------------------------------------------


def _need_texts(obj: Mapping, key: str, where: str, errors: list[str]) -> None:
    texts = obj.get(key)
    if not isinstance(texts, dict) or not isinstance(texts.get("nl"), str) or not texts["nl"].strip():
        errors.append(f"{where}: '{key}' mist een Nederlandse tekst (nl).")
        return
    for lang, text in texts.items():
        if not isinstance(lang, str) or not isinstance(text, str):
            errors.append(f"{where}: '{key}' bevat een tekst die geen tekst is ({lang}).")


def validate_instrument(definition: Mapping) -> None:
    """Check an instrument definition against SCHEMA.md; raise ValidationError listing every problem."""
    errors: list[str] = []
    if definition.get("schema") != SCHEMA:
        errors.append(f"'schema' moet '{SCHEMA}' zijn.")
    for key in ("slug", "version", "audience"):
        if not isinstance(definition.get(key), str) or not definition.get(key):
            errors.append(f"'{key}' ontbreekt.")
    if definition.get("audience") not in {"adult", "simple", "child"}:
        errors.append("'audience' moet adult, simple of child zijn.")
    if not re.fullmatch(r"[a-z0-9-]+", str(definition.get("slug", ""))):
        errors.append("'slug' mag alleen kleine letters, cijfers en streepjes bevatten.")
    for key in ("title", "intro"):
        _need_texts(definition, key, "vragenlijst", errors)
    scale = definition.get("scale") or {}
    if scale.get("min") != 0 or scale.get("max") != 10:
        errors.append("De schaal moet van 0 tot en met 10 lopen.")
    dims = definition.get("dimensions") or []
    keys = [d.get("key") for d in dims if isinstance(d, dict)]
    if tuple(keys) != DIMENSION_KEYS:
        errors.append(
            f"De zes dimensies moeten precies deze sleutels hebben, in deze volgorde: {DIMENSION_KEYS}."
        )
    seen: set[str] = set()
    for dim in dims:
        if not isinstance(dim, dict):
            continue
        where = f"dimensie {dim.get('key')}"
        _need_texts(dim, "name", where, errors)
        items = dim.get("items") or []
        if not items:
            errors.append(f"{where}: heeft geen stellingen.")
        for item in items:
            key = item.get("key", "") if isinstance(item, dict) else ""
            if not ITEM_KEY.match(key) or not key.startswith(f"{dim.get('key')}."):
                errors.append(f"{where}: ongeldige sleutel '{key}'.")
            if key in seen:
                errors.append(f"{where}: sleutel '{key}' komt twee keer voor.")
            seen.add(key)
            if isinstance(item, dict):
                _need_texts(item, "text", f"stelling {key}", errors)
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def instrument_load(*, definition: Mapping) -> tuple[Instrument, bool]:
    """Store an instrument version. Idempotent for identical content; a changed text needs a new version."""
    validate_instrument(definition)
    checksum = hashlib.sha256(json.dumps(definition, sort_keys=True).encode()).hexdigest()
    existing = Instrument.objects.filter(slug=definition["slug"], version=definition["version"]).first()
    if existing is not None:
        if existing.checksum != checksum:
            raise ValidationError(
                f"Versie {definition['version']} van '{definition['slug']}' bestaat al met andere inhoud. "
                "Geef de gewijzigde vragenlijst een nieuw versienummer; oude uitslagen veranderen dan niet."
            )
        return existing, False
    instrument = Instrument(
        slug=definition["slug"],
        version=definition["version"],
        audience=definition["audience"],
        definition=dict(definition),
        checksum=checksum,
    )
    instrument.full_clean()
    instrument.save()
    # Only the newest version of an instrument is offered for new webs.
    Instrument.objects.filter(slug=instrument.slug).exclude(pk=instrument.pk).update(is_active=False)
    log_action("spiderweb.instrument.loaded", subject=instrument, data={"version": instrument.version})
    return instrument, True


def instrument_load_file(*, path: Path) -> tuple[Instrument, bool]:
    try:
        definition = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ValidationError(f"Het bestand {path} bestaat niet.") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValidationError(f"{path.name} is geen geldige JSON: {exc}") from exc
    if not isinstance(definition, dict):
        raise ValidationError(f"{path.name} moet één JSON-object bevatten.")
    return instrument_load(definition=definition)


def instruments_load_bundled() -> list[Instrument]:
    return [instrument_load_file(path=p)[0] for p in sorted(INSTRUMENT_DIR.glob("*.json"))]


# --- Filling in -------------------------------------------------------------------------------


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


def research_consent_given(user) -> bool:
    return ResearchConsent.objects.filter(user=user, given=True).exists()


def research_consent_initial(user) -> dict:
    consent = ResearchConsent.objects.filter(user=user).first()
    if consent is None:
        return {"given": False, "education": ""}
    return {"given": consent.given, "education": consent.education}


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


# --- Sharing with a professional (het andere gesprek) ----------------------------------------

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: codes are read aloud and typed
MAX_SHARE_DAYS = 366


def _new_code() -> str:
    import secrets

    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    return f"{raw[:4]}-{raw[4:]}"


def hash_code(code: str) -> str:
    normalized = re.sub(r"[^A-Z0-9]", "", code.upper())
    return hashlib.sha256(f"veerkracht-share:{normalized}".encode()).hexdigest()


@transaction.atomic
def share_create(
    *,
    web: Assessment,
    scope: str,
    expires_at,
    invite_email: str = "",
    include_reflection: bool = False,
    base_url: str = "",
) -> tuple[Share, str]:
    """Share a web; returns the share and the one-time code (shown or mailed once, stored only hashed)."""
    from datetime import timedelta

    if not web.is_completed:
        raise ValidationError(_("Maak eerst het spinnenweb af."))
    now = timezone.now()
    if expires_at <= now:
        raise ValidationError(_("Kies een datum in de toekomst."))
    if expires_at > now + timedelta(days=MAX_SHARE_DAYS):
        raise ValidationError(_("Je kunt voor hoogstens een jaar delen."))
    code = _new_code()
    share = Share(
        owner=web.owner,
        assessment=web,
        scope=scope,
        invite_email=invite_email.strip().lower(),
        code_hash=hash_code(code),
        expires_at=expires_at,
        include_reflection=include_reflection,
    )
    share.full_clean()
    share.save()
    log_action("spiderweb.share.created", actor=web.owner, person=web.owner, subject=share)
    if share.invite_email:
        # Sent inside the transaction on purpose: the code exists only in this mail, so a share whose
        # mail failed must not stay behind (nothing half-saved); the resident gets a clear message.
        try:
            _send_invite(share, code, base_url)
        except Exception as exc:
            logger.exception("share invite mail failed")
            raise ValidationError(
                _("We konden de e-mail nu niet versturen. Probeer het later nog eens, of kies voor een code.")
            ) from exc
    return share, code


def _send_invite(share: Share, code: str, base_url: str) -> None:
    from django.core.mail import send_mail
    from django.template.loader import render_to_string
    from django.urls import reverse

    from veerkracht.regions.selectors import current_region

    region = current_region()
    context = {
        "owner_name": share.owner.display_name,
        "code": code,
        "claim_url": f"{base_url}{reverse('spiderweb:shared_home')}",
        "expires_at": share.expires_at,
        "movement_name": region.movement_name if region else "Veerkracht",
    }
    subject = _("%(name)s wil een spinnenweb met je bespreken") % {"name": share.owner.display_name}
    send_mail(
        f"{context['movement_name']}: {subject}",
        render_to_string("spiderweb/email/share_invite.txt", context),
        None,
        [share.invite_email],
    )


@transaction.atomic
def share_claim(*, professional, code: str) -> Share:
    from veerkracht.accounts.models import Role

    if not professional.has_role(Role.PROFESSIONAL):
        raise ValidationError(_("Alleen professionals kunnen een gedeeld spinnenweb openen."))
    share = Share.objects.select_for_update().filter(code_hash=hash_code(code)).first()
    if share is None or not share.is_active or share.is_claimed:
        raise ValidationError(
            _("Deze code klopt niet, is al gebruikt of is verlopen. Vraag om een nieuwe code.")
        )
    if share.owner_id == professional.pk:
        raise ValidationError(_("Dit is je eigen spinnenweb."))
    if share.invite_email and share.invite_email != professional.email.lower():
        raise ValidationError(_("Deze code is voor iemand met een ander e-mailadres."))
    share.professional = professional
    share.claimed_at = timezone.now()
    share.save(update_fields=["professional", "claimed_at"])
    log_action("spiderweb.share.claimed", actor=professional, person=share.owner, subject=share)
    return share


@transaction.atomic
def share_revoke(*, share: Share) -> Share:
    if share.revoked_at is None:
        share.revoked_at = timezone.now()
        share.save(update_fields=["revoked_at"])
        log_action("spiderweb.share.revoked", actor=share.owner, person=share.owner, subject=share)
    return share


def log_shared_view(*, viewer, web: Assessment, share: Share) -> None:
    """Every look at a resident's web or notes by someone else is written down for that resident."""
    log_action(
        "spiderweb.assessment.viewed",
        actor=viewer,
        person=web.owner,
        subject=web,
        data={"share": share.pk, "date": web.completed_at.date().isoformat() if web.completed_at else None},
    )


@transaction.atomic
def note_add(*, share: Share, web: Assessment, author, text: str) -> ConversationNote:
    if author.pk != share.professional_id or not share.is_active or not share.covers(web):
        raise ValidationError(_("Je kunt hier geen notitie meer bij zetten."))
    note = ConversationNote(share=share, assessment=web, author=author, text=text.strip())
    note.full_clean()
    note.save()
    log_action("spiderweb.note.added", actor=author, person=web.owner, subject=web, data={"share": share.pk})
    return note
