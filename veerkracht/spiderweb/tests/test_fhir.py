from __future__ import annotations

import json

import pytest
from django.urls import reverse
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from veerkracht.spiderweb.exports import fhir_export

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("slug", ["volwassenen", "eenvoudig", "kinderen"])
def test_the_fhir_export_is_a_valid_questionnaire_and_response(resident, make_web, slug):
    web = make_web(resident, score=lambda key: len(key) % 11, slug=slug, talk=[])
    data = fhir_export(web, base_url="https://veerkracht.example.org")
    Bundle.model_validate(data)
    questionnaire = Questionnaire.model_validate(data["entry"][0]["resource"])
    response = QuestionnaireResponse.model_validate(data["entry"][1]["resource"])
    assert response.questionnaire == f"{questionnaire.url}|{questionnaire.version}"
    # Every answered linkId exists in the questionnaire, with the right answer type.
    types = {i.linkId: i.type for g in questionnaire.item for i in g.item}
    for group in response.item:
        for item in group.item:
            answer = item.answer[0]
            expected = {"integer": "valueInteger", "boolean": "valueBoolean", "decimal": "valueDecimal"}[
                types[item.linkId]
            ]
            assert getattr(answer, expected) is not None
    scores = {
        i.linkId: i.answer[0].valueDecimal
        for g in response.item
        for i in g.item
        if i.linkId.endswith(".score")
    }
    assert float(scores["body.score"]) == web.score_body


def test_the_fhir_download_is_for_the_owner_only(client_for, resident, outsider, professional, make_web):
    web = make_web(resident)
    response = client_for(resident).get(reverse("spiderweb:fhir", args=[web.pk]))
    assert response.status_code == 200
    assert json.loads(response.content)["resourceType"] == "Bundle"
    for other in (outsider, professional):
        assert client_for(other).get(reverse("spiderweb:fhir", args=[web.pk])).status_code == 404


def test_the_pdf_has_the_web_and_is_for_the_owner_only(client_for, resident, outsider, make_web):
    from veerkracht.spiderweb.services.webs import reflection_save

    web = make_web(resident)
    reflection_save(assessment=web, matters_most="Rust & ruimte")
    response = client_for(resident).get(reverse("spiderweb:pdf", args=[web.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-") and len(response.content) > 5000
    assert client_for(outsider).get(reverse("spiderweb:pdf", args=[web.pk])).status_code == 404


def test_a_web_made_without_account_can_be_downloaded_as_pdf(client, instruments, region):
    assert client.get(reverse("spiderweb:session_pdf")).status_code == 404
    client.post(reverse("spiderweb:start"), {"instrument": "kinderen"})
    instrument = instruments["kinderen"]
    url = reverse("spiderweb:session_step", args=[1])
    for index in range(6):
        data = {f"item-{i['key']}": "5" for i in instrument.dimension(index)["items"]}
        url = client.post(url, {**data, "direction": "next"}).url
    response = client.get(reverse("spiderweb:session_pdf"))
    assert response.status_code == 200 and response.content.startswith(b"%PDF-")
