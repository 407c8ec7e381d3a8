"""Self-service exports: one web, or everything a person has stored (AVG right of access)."""

from __future__ import annotations

from .models import DIMENSION_KEYS, Assessment, Status
from .services import research_consent_given


def web_export(web: Assessment) -> dict:
    instrument = web.instrument
    texts = {
        item["key"]: item["text"].get("nl", "") for dim in instrument.dimensions for item in dim["items"]
    }
    reflection = getattr(web, "reflection", None) if web.pk else None
    return {
        "instrument": {"slug": instrument.slug, "version": instrument.version, "title": instrument.title},
        "completed_at": web.completed_at.isoformat() if web.completed_at else None,
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


def personal_export(user) -> dict:
    profile = user.profile
    webs = (
        Assessment.objects.filter(owner=user, status=Status.COMPLETED)
        .select_related("instrument", "reflection")
        .order_by("completed_at")
    )
    return {
        "account": {
            "email": user.email,
            "date_joined": user.date_joined.isoformat(),
            "display_name": profile.display_name,
            "municipality": profile.municipality.name if profile.municipality else None,
            "neighbourhood": profile.neighbourhood,
            "age_band": profile.age_band,
            "preferred_language": profile.preferred_language,
            "roles": sorted(user.roles),
        },
        "research_consent": research_consent_given(user),
        "spider_webs": [web_export(web) for web in webs],
    }


def fhir_export(web: Assessment, *, base_url: str) -> dict:
    """Questionnaire + QuestionnaireResponse (FHIR R4) in one Bundle, for a GP information system."""
    from django.utils import timezone

    from veerkracht.lib import fhir

    definition = web.instrument.definition
    scores = {key: web.score_for(key) for key in DIMENSION_KEYS}
    return fhir.bundle(
        [
            fhir.questionnaire(definition=definition, base_url=base_url),
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
