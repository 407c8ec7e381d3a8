"""Self-service exports: one web, or everything a person has stored (AVG right of access)."""

from __future__ import annotations

from .models import DIMENSION_KEYS, Assessment, ConversationNote, Share
from .services import research_consent_given, research_consent_initial


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


def personal_export(user) -> dict:
    profile = user.profile
    from .selectors import access_log_for

    # Drafts too: the right of access covers everything stored, finished or not.
    webs = (
        Assessment.objects.filter(owner=user)
        .select_related("instrument", "reflection", "municipality")
        .order_by("started_at", "pk")
    )
    shares = (
        Share.objects.filter(owner=user)
        .select_related("professional__profile", "assessment")
        .order_by("created_at")
    )
    notes = (
        ConversationNote.objects.filter(assessment__owner=user)
        .select_related("author__profile", "assessment")
        .order_by("created_at")
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
        "education": research_consent_initial(user)["education"],
        "spider_webs": [web_export(web) for web in webs],
        "shares": [
            {
                "with": share.professional.display_name if share.professional else None,
                "invite_email": share.invite_email,
                "scope": share.scope,
                "first_web_started_at": share.assessment.started_at.isoformat() if share.assessment else None,
                "include_reflection": share.include_reflection,
                "created_at": share.created_at.isoformat(),
                "expires_at": share.expires_at.isoformat(),
                "revoked_at": share.revoked_at.isoformat() if share.revoked_at else None,
            }
            for share in shares
        ],
        "conversation_notes": [
            {
                "web_started_at": note.assessment.started_at.isoformat(),
                "author": note.author.display_name,
                "text": note.text,
                "created_at": note.created_at.isoformat(),
            }
            for note in notes
        ],
        "who_looked": [
            {
                "when": entry.created_at.isoformat(),
                "who": entry.actor.display_name if entry.actor else None,
                "what": entry.code,
                "data": entry.data,
            }
            for entry in access_log_for(user)
        ],
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
