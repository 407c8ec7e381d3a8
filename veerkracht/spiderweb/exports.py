"""Self-service exports of one web: as JSON and as FHIR (for a GP information system). Everything a
person has stored comes from personal_data.py (AVG right of access)."""

from __future__ import annotations

from veerkracht.core.vocabulary import DIMENSION_KEYS

from .models import Assessment


def web_export(web: Assessment) -> dict:
    instrument = web.instrument
    texts = {
        item["key"]: item["text"].get("nl", "") for dim in instrument.dimensions for item in dim["items"]
    }
    reflection = getattr(web, "reflection", None) if web.pk else None
    return {
        "instrument": {"slug": instrument.slug, "version": instrument.version, "title": instrument.title},
        "status": web.status,
        "started_at": web.started_at.isoformat() if web.started_at else None,
        "completed_at": web.completed_at.isoformat() if web.completed_at else None,
        "municipality": web.municipality.name if web.municipality_id and web.municipality else None,
        "age_band": web.age_band,
        "research_consent": web.research_consent,
        "scores": {key: web.score_for(key) for key in DIMENSION_KEYS},
        "answers": [
            {
                "item": key,
                "statement": texts.get(key, ""),
                "score": value,
                "talk_about": key in web.talk_about,
            }
            for key, value in web.answers.items()
        ],
        "reflection": (
            {
                "matters_most": reflection.matters_most,
                "focus_dimension": reflection.focus_dimension,
                "want_to_change": reflection.want_to_change,
                "needs": reflection.needs,
                "who_can_help": reflection.who_can_help,
            }
            if reflection
            else None
        ),
    }


def fhir_export(web: Assessment, *, base_url: str) -> dict:
    """Questionnaire + QuestionnaireResponse (FHIR R4) in one Bundle, for a GP information system."""
    from django.utils import timezone

    from veerkracht.lib import fhir

    definition = web.instrument.definition
    scores = {key: web.score_for(key) for key in DIMENSION_KEYS}
    return fhir.bundle(
        [
            fhir.questionnaire(definition=definition, base_url=base_url, active=web.instrument.is_active),
            fhir.questionnaire_response(
                definition=definition,
                base_url=base_url,
                answers=web.answers,
                talk_about=web.talk_about,
                scores=scores,
                authored=web.completed_at,
                response_id=f"web-{web.pk}" if web.pk else None,
            ),
        ],
        timestamp=timezone.now(),
    )
