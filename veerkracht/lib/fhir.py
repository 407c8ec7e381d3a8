"""FHIR R4 Questionnaire and QuestionnaireResponse for a spider web, so a GP system can read it.

Plain dictionaries (JSON-ready), no Django models here. Only elements that exist in FHIR R4 (4.0.1)
are used; the tests validate the output with the `fhir.resources` R4B models, whose Questionnaire
and QuestionnaireResponse have the same structure for these elements.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue"
MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue"


def _camel(slug: str) -> str:
    """A FHIR `name`: starts with a capital letter, letters, digits and _ only."""
    name = "".join(part.capitalize() for part in slug.replace("_", "-").split("-"))
    return name if name[:1].isalpha() else f"Q{name}"


def questionnaire_url(base_url: str, slug: str) -> str:
    return f"{base_url.rstrip('/')}/fhir/Questionnaire/{slug}"


def questionnaire(*, definition: Mapping, base_url: str, language: str = "nl", active: bool = True) -> dict:
    """The instrument as a Questionnaire: one group per dimension, an integer item per statement,
    a boolean "I want to talk about this" per statement and the read-only dimension score."""
    groups = []
    for dim in definition["dimensions"]:
        items: list[dict] = []
        for item in dim["items"]:
            items.append(
                {
                    "linkId": item["key"],
                    "text": item["text"].get(language) or item["text"]["nl"],
                    "type": "integer",
                    "required": True,
                    "extension": [
                        {"url": MIN_VALUE, "valueInteger": definition["scale"]["min"]},
                        {"url": MAX_VALUE, "valueInteger": definition["scale"]["max"]},
                    ],
                }
            )
            items.append(
                {
                    "linkId": f"{item['key']}.talk",
                    "text": "Hierover wil ik praten" if language == "nl" else "I want to talk about this",
                    "type": "boolean",
                }
            )
        items.append(
            {
                "linkId": f"{dim['key']}.score",
                "text": "Cijfer (gemiddelde, 0–10)" if language == "nl" else "Score (mean, 0–10)",
                "type": "decimal",
                "readOnly": True,
            }
        )
        groups.append(
            {
                "linkId": dim["key"],
                "text": dim["name"].get(language) or dim["name"]["nl"],
                "type": "group",
                "item": items,
            }
        )
    return {
        "resourceType": "Questionnaire",
        "id": f"{definition['slug']}-{definition['version']}".replace(".", "-"),
        "url": questionnaire_url(base_url, definition["slug"]),
        "version": definition["version"],
        "name": _camel(definition["slug"]),
        "title": definition["title"].get(language) or definition["title"]["nl"],
        "status": "active" if active else "retired",  # an old version can no longer be filled in
        "language": language,
        "subjectType": ["Patient"],
        "description": definition["intro"].get(language) or definition["intro"]["nl"],
        "item": groups,
    }


def questionnaire_response(
    *,
    definition: Mapping,
    base_url: str,
    answers: Mapping[str, int],
    talk_about: Sequence[str],
    scores: Mapping[str, float | None],
    authored: datetime | None,
    response_id: str | None = None,
) -> dict:
    talk = set(talk_about)
    groups = []
    for dim in definition["dimensions"]:
        items: list[dict] = []
        for item in dim["items"]:
            if item["key"] in answers:
                items.append({"linkId": item["key"], "answer": [{"valueInteger": int(answers[item["key"]])}]})
            items.append({"linkId": f"{item['key']}.talk", "answer": [{"valueBoolean": item["key"] in talk}]})
        score = scores.get(dim["key"])
        if score is not None:
            items.append(
                {"linkId": f"{dim['key']}.score", "answer": [{"valueDecimal": round(float(score), 2)}]}
            )
        groups.append({"linkId": dim["key"], "item": items})
    resource = {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": f"{questionnaire_url(base_url, definition['slug'])}|{definition['version']}",
        "status": "completed",
        "item": groups,
    }
    if response_id:
        resource["id"] = response_id
    if authored is not None:
        resource["authored"] = authored.isoformat()
    return resource


def bundle(resources: Sequence[dict], *, timestamp: datetime) -> dict:
    """A `collection` Bundle, so both resources travel in one file."""
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": timestamp.isoformat(),
        "entry": [{"resource": r} for r in resources],
    }
