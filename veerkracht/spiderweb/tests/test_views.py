from __future__ import annotations

import json
import re

import pytest
from django.test import Client
from django.urls import reverse

from veerkracht.spiderweb.models import Assessment, Status

pytestmark = pytest.mark.django_db


def _answers(instrument, index, value="6"):
    return {f"item-{i['key']}": value for i in instrument.dimension(index)["items"]}


def _fill_all(client, instrument, first_url, value="6"):
    url = first_url
    for index in range(6):
        response = client.post(url, {**_answers(instrument, index, value), "direction": "next"})
        assert response.status_code == 302, response.content.decode()[:500]
        url = response.url
    return url


def test_the_spider_web_home_works_with_and_without_account(client, client_for, resident, instruments):
    html = client.get(reverse("spiderweb:home")).content.decode()
    assert "Begin: " in html and "Log dan in" in html
    assert "Mijn spinnenwebben" in client_for(resident).get(reverse("spiderweb:home")).content.decode()


def test_filling_in_without_an_account_keeps_nothing_in_the_database(client, region, instruments):
    response = client.post(reverse("spiderweb:start"), {"instrument": "eenvoudig"})
    assert response.url == reverse("spiderweb:session_step", args=[1])
    result_url = _fill_all(client, instruments["eenvoudig"], response.url, value="8")
    assert result_url == reverse("spiderweb:session_result")
    html = client.get(result_url).content.decode()
    assert "<svg" in html and "8,0" in html
    assert not Assessment.objects.exists()
    download = client.get(reverse("spiderweb:session_download"))
    data = json.loads(download.content)
    assert download["Content-Disposition"].startswith("attachment")
    assert data["scores"]["body"] == 8.0
    from fhir.resources.R4B.bundle import Bundle

    Bundle.model_validate(json.loads(client.get(reverse("spiderweb:session_fhir")).content))
    client.post(reverse("spiderweb:session_forget"))
    assert client.get(reverse("spiderweb:session_result")).status_code == 302
    assert client.get(reverse("spiderweb:session_download")).status_code == 404


def test_a_web_made_without_account_can_be_kept_after_logging_in(region, instruments, resident):
    client = Client()
    response = client.post(reverse("spiderweb:start"), {"instrument": "volwassenen"})
    _fill_all(client, instruments["volwassenen"], response.url)
    client.force_login(resident, backend="veerkracht.accounts.backends.LoginBackend")
    assert client.get(reverse("spiderweb:session_keep")).status_code == 200
    response = client.post(reverse("spiderweb:session_keep"))
    web = Assessment.objects.get(owner=resident)
    assert response.url == reverse("spiderweb:result", args=[web.pk])
    # A second submit does not create a second web.
    client.post(reverse("spiderweb:session_keep"))
    assert Assessment.objects.filter(owner=resident).count() == 1


def test_a_logged_in_person_resumes_and_goes_back_without_losing_answers(client_for, resident, instruments):
    client = client_for(resident)
    instrument = instruments["volwassenen"]
    first = client.post(reverse("spiderweb:start"), {"instrument": "volwassenen"}).url
    second = client.post(first, {**_answers(instrument, 0, "9"), "direction": "next"}).url
    partial = {next(iter(_answers(instrument, 1))): "2", "direction": "back"}
    assert client.post(second, partial).url == first
    html = client.get(second).content.decode()
    assert 'value="2" checked' in html
    # Starting again from the home page resumes the same draft at the furthest step.
    assert client.post(reverse("spiderweb:start"), {"instrument": "volwassenen"}).url == second
    assert Assessment.objects.get(owner=resident).answers[instrument.dimension(0)["items"][0]["key"]] == 9


def test_bad_answers_get_the_step_back_with_a_message_and_nothing_saved(client_for, resident, instruments):
    client = client_for(resident)
    instrument = instruments["volwassenen"]
    url = client.post(reverse("spiderweb:start"), {"instrument": "volwassenen"}).url
    answers = _answers(instrument, 0)
    first_item = next(iter(answers))
    for bad, message in (
        ({**answers, first_item: "11"}, "Kies bij elke zin een cijfer"),
        ({**answers, "item-quality.money": "5"}, "niet bij deze stap"),
        ({**answers, "item-kinderen.iets": "5"}, "niet bij deze stap"),
    ):
        response = client.post(url, {**bad, "direction": "next"})
        assert response.status_code == 200
        assert message in response.content.decode()
    assert Assessment.objects.get(owner=resident).answers == {}


def test_steps_out_of_range_or_ahead_are_refused(client_for, resident, instruments):
    client = client_for(resident)
    url = client.post(reverse("spiderweb:start"), {"instrument": "kinderen"}).url
    web = Assessment.objects.get(owner=resident)
    assert client.get(reverse("spiderweb:step", args=[web.pk, 9])).status_code == 404
    assert client.get(reverse("spiderweb:step", args=[web.pk, 4])).url == url
    assert client.post(reverse("spiderweb:start"), {"instrument": "bestaat-niet"}).status_code == 302


def test_the_last_step_completes_once_even_when_sent_twice(client_for, resident, instruments):
    client = client_for(resident)
    instrument = instruments["eenvoudig"]
    url = client.post(reverse("spiderweb:start"), {"instrument": "eenvoudig"}).url
    result = _fill_all(client, instrument, url)
    web = Assessment.objects.get(owner=resident)
    again = client.post(
        reverse("spiderweb:step", args=[web.pk, 6]), {**_answers(instrument, 5), "direction": "next"}
    )
    assert again.url == result
    assert Assessment.objects.filter(owner=resident, status=Status.COMPLETED).count() == 1


def test_result_overlay_history_and_query_counts_do_not_grow(
    client_for, resident, make_web, django_assert_num_queries
):
    webs = [make_web(resident, score=s) for s in (3, 5)]
    client = client_for(resident)
    url = reverse("spiderweb:result", args=[webs[-1].pk]) + f"?vergelijk={webs[0].pk}"
    response = client.get(url)
    html = response.content.decode()
    assert "stippellijn" in html and "+2,0" in html
    # session, user, roles, web, other webs, instruments, compared web, reflection, notes, region,
    # and for "what could help nearby" the municipalities and the person's own (profile)
    with django_assert_num_queries(12):
        client.get(url)
    with django_assert_num_queries(6):
        client.get(reverse("spiderweb:history"))
    for _ in range(10):
        make_web(resident, score=7)
    with django_assert_num_queries(12):
        client.get(url)
    with django_assert_num_queries(6):
        client.get(reverse("spiderweb:history"))
    assert "Hoe je cijfers veranderen" in client.get(reverse("spiderweb:history")).content.decode()


def test_overlay_with_someone_elses_web_is_ignored(client_for, resident, outsider, make_web):
    mine, theirs = make_web(resident), make_web(outsider, score=2)
    html = (
        client_for(resident)
        .get(reverse("spiderweb:result", args=[mine.pk]) + f"?vergelijk={theirs.pk}", follow=True)
        .content.decode()
    )
    assert "kunnen we niet vinden" in html and "2,0" not in html


def test_reflection_consent_delete_and_export(client_for, resident, make_web):
    web = make_web(resident, talk=["mind.worries"] if False else ())
    client = client_for(resident)
    response = client.post(
        reverse("spiderweb:reflection", args=[web.pk]),
        {
            "matters_most": "Rust",
            "focus_dimension": "mind",
            "want_to_change": "",
            "needs": "",
            "who_can_help": "",
        },
    )
    assert response.status_code == 302
    bad = client.post(reverse("spiderweb:reflection", args=[web.pk]), {"focus_dimension": "geluk"})
    assert bad.status_code == 200 and "Er ging iets mis" in bad.content.decode()
    assert client.post(reverse("spiderweb:consent"), {"given": "on", "education": "x"}).status_code == 200
    assert not Assessment.objects.get(pk=web.pk).research_consent
    assert (
        client.post(reverse("spiderweb:consent"), {"given": "on", "education": "middle"}).status_code == 302
    )
    assert Assessment.objects.get(pk=web.pk).research_consent
    assert Assessment.objects.get(pk=web.pk).education == "middle"
    export = json.loads(client.get(reverse("spiderweb:export")).content)
    assert export["research_consent"] is True
    assert export["education"] == "middle"
    assert export["spider_webs"][0]["reflection"]["matters_most"] == "Rust"
    assert export["account"]["email"] == resident.email
    assert client.post(reverse("spiderweb:delete", args=[web.pk])).status_code == 302
    assert not Assessment.objects.filter(pk=web.pk).exists()


OWNER_URLS = ["result", "reflection", "delete", "step"]


@pytest.mark.parametrize(
    "persona", ["outsider", "professional", "staff", "analyst", "region_admin", "ambassador"]
)
@pytest.mark.parametrize("name", OWNER_URLS)
def test_nobody_but_the_owner_can_open_a_web(request, client_for, resident, make_web, persona, name):
    web = make_web(resident)
    args = [web.pk, 1] if name == "step" else [web.pk]
    client = client_for(request.getfixturevalue(persona))
    assert client.get(reverse(f"spiderweb:{name}", args=args)).status_code in (404, 405)
    assert client.post(reverse(f"spiderweb:{name}", args=args), {"matters_most": "x"}).status_code == 404
    assert Assessment.objects.filter(pk=web.pk).exists()
    assert client_for(resident).get(reverse("spiderweb:result", args=[web.pk])).status_code == 200


@pytest.mark.parametrize("name", OWNER_URLS)
def test_anonymous_visitors_are_sent_to_log_in(client, resident, make_web, name):
    web = make_web(resident)
    args = [web.pk, 1] if name == "step" else [web.pk]
    response = client.get(reverse(f"spiderweb:{name}", args=args))
    assert response.status_code in (302, 405)
    if response.status_code == 302:
        assert response.url.startswith(reverse("account_login"))


def test_webs_are_not_in_the_back_office(client_for, region_admin, resident, make_web):
    make_web(resident)
    admin = client_for(region_admin)
    assert admin.get("/beheer/spiderweb/assessment/").status_code == 404
    assert "spinnenweb" not in admin.get("/beheer/").content.decode().lower()


def test_an_outdated_age_band_in_the_profile_does_not_block_finishing_a_web(
    client_for, resident, instruments
):
    from veerkracht.accounts.models import Profile

    Profile.objects.filter(user=resident).update(age_band="45-64")  # not a choice (any more)
    client = client_for(resident)
    url = client.post(reverse("spiderweb:start"), {"instrument": "eenvoudig"}).url
    _fill_all(client, instruments["eenvoudig"], url)
    web = Assessment.objects.get(owner=resident)
    assert web.status == Status.COMPLETED and web.age_band == ""


def test_a_step_page_shows_errors_from_model_validation_without_crashing(rf, resident, instruments):
    from django.core.exceptions import ValidationError

    from veerkracht.spiderweb.drafts import StoredWeb
    from veerkracht.spiderweb.presenters import step_context
    from veerkracht.spiderweb.services.webs import assessment_start

    web = StoredWeb(assessment_start(owner=resident, instrument=instruments["eenvoudig"]))
    error = ValidationError({"age_band": ["Kies een geldige waarde."]})
    context = step_context(web, 0, error, {}, rf.post("/", {}))
    assert not any(item["missing"] for item in context["items"])


def test_the_simple_web_draws_its_faces_without_emoji(client, region, instruments):
    """Phones without a colour-emoji font showed empty boxes; the faces are drawn shapes now."""
    url = client.post(reverse("spiderweb:start"), {"instrument": "eenvoudig"}).url
    html = client.get(url).content.decode()
    faces = re.findall(r'<svg class="vk-face"[^>]*data-mood="(\d)"', html)
    items = len(instruments["eenvoudig"].dimension(0)["items"])
    assert len(faces) == 11 * items
    assert faces[:11] == ["0", "0", "0", "1", "1", "2", "3", "3", "4", "4", "4"]
    assert not re.search("[\U0001f600-\U0001f64f]", html)
    assert 'aria-hidden="true"' in html.split('class="vk-face"')[1][:200]
