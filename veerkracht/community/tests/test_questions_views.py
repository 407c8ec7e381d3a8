from __future__ import annotations

import pytest
from django.urls import reverse

from veerkracht.community.models import Answer, ContentReport, Question
from veerkracht.community.services.moderation import content_hide

from .factories import make_answer, make_group, make_question, municipality

pytestmark = pytest.mark.django_db


def test_the_list_is_public_filters_and_survives_bad_input(client, resident, outsider):
    make_answer(make_question(resident, title="Beantwoorde vraag"), outsider)
    make_question(resident, title="Open vraag")
    response = client.get(reverse("community:questions"), {"status": "open"})
    assert response.status_code == 200
    assert "Open vraag" in response.text and "Beantwoorde vraag" not in response.text
    for params in ({"page": "abc"}, {"page": "99999999999999999999"}, {"status": "x", "thema": "nope"}):
        assert client.get(reverse("community:questions"), params).status_code == 200


def test_list_and_page_have_a_constant_number_of_queries(
    client, resident, outsider, django_assert_max_num_queries
):
    for i in range(3):
        make_answer(make_question(resident, title=f"Vraag {i}"), outsider)
    question = make_question(resident)
    with django_assert_max_num_queries(6) as before:
        client.get(reverse("community:questions"))
    for i in range(10):
        make_answer(make_question(outsider, title=f"Meer {i}"), resident)
        make_answer(question, outsider)
    with django_assert_max_num_queries(len(before.captured_queries)):
        client.get(reverse("community:questions"))
    with django_assert_max_num_queries(6):
        assert client.get(reverse("community:question", args=[question.pk])).status_code == 200


def test_asking_needs_an_account(client, client_for, resident):
    url = reverse("community:question_ask")
    assert client.get(url).status_code == 302
    response = client_for(resident).post(url, {"title": "", "text": ""})
    assert response.status_code == 400 and "Schrijf je vraag in één zin." in response.text
    assert not Question.objects.exists()
    data = {
        "title": "Hoe vind ik vrijwilligers?",
        "text": "Voor ons buurthuis.",
        "themes": ["loneliness"],
        "municipality": municipality().pk,
    }
    response = client_for(resident).post(url, data)
    question = Question.objects.get()
    assert response.status_code == 302 and response.url == reverse("community:question", args=[question.pk])
    assert question.author == resident and question.theme_labels


def test_answering_and_marking_helpful(client, client_for, resident, outsider):
    question = make_question(resident)
    url = reverse("community:answer_create", args=[question.pk])
    assert client.post(url, {"text": "Hoi"}).status_code == 302  # to the login page
    assert client_for(outsider).post(url, {"text": ""}).status_code == 400
    assert client_for(outsider).post(url, {"text": "Begin met een koffieochtend."}).status_code == 302
    answer = Answer.objects.get()
    helpful = reverse("community:answer_helpful", args=[question.pk, answer.pk])
    assert client_for(outsider).post(helpful).status_code == 404
    assert client_for(resident).post(helpful).status_code == 302
    question.refresh_from_db()
    assert question.helpful_answer == answer
    client_for(resident).post(helpful, {"undo": "1"})
    question.refresh_from_db()
    assert question.helpful_answer is None
    assert (
        client_for(resident).post(reverse("community:answer_helpful", args=[question.pk, 999])).status_code
        == 404
    )


def test_hidden_question_is_404_except_for_asker_and_staff(client, client_for, resident, outsider, staff):
    question = make_question(resident)
    content_hide(obj=question, actor=staff, reason="Reclame")
    url = reverse("community:question", args=[question.pk])
    assert client.get(url).status_code == 404
    assert client_for(outsider).get(url).status_code == 404
    assert client_for(resident).get(url).status_code == 200
    assert client_for(staff).get(url).status_code == 200
    assert client.get(reverse("community:question", args=[99999])).status_code == 404
    assert "Reclame" not in client.get(reverse("community:questions")).text


def test_reporting_and_hiding(client, client_for, resident, outsider, staff):
    question = make_question(resident)
    answer = make_answer(question, outsider)
    assert (
        client.post(
            reverse("community:answer_report", args=[question.pk, answer.pk]), {"reason": "Onaardig"}
        ).status_code
        == 302
    )
    assert (
        client.post(reverse("community:question_report", args=[question.pk]), {"reason": ""}).status_code
        == 302
    )
    assert ContentReport.objects.count() == 1
    hide = reverse("community:answer_hide", args=[question.pk, answer.pk])
    assert client_for(resident).post(hide, {"reason": "Weg"}).status_code == 404
    assert client_for(staff).post(hide, {"reason": ""}).status_code == 302
    answer.refresh_from_db()
    assert not answer.is_hidden
    client_for(staff).post(hide, {"reason": "Onaardig"})
    answer.refresh_from_db()
    assert answer.is_hidden
    assert answer.text not in client.get(reverse("community:question", args=[question.pk])).text


def test_staff_hand_a_question_to_the_action_centre(client_for, resident, staff):
    question = make_question(resident)
    url = reverse("community:question_to_request", args=[question.pk])
    assert client_for(resident).post(url, {"municipality": municipality().pk}).status_code == 404
    assert client_for(staff).post(url, {"municipality": ""}).status_code == 400
    assert client_for(staff).post(url, {"municipality": municipality().pk}).status_code == 302
    page = client_for(resident).get(reverse("community:question", args=[question.pk]))
    assert "Het actiecentrum helpt hierbij." in page.text


def test_huge_ids_are_404(client, client_for, resident):
    huge = 10**30
    assert client.get(reverse("community:question", args=[huge])).status_code == 404
    assert client_for(resident).get(reverse("community:group", args=[huge])).status_code == 404
    assert client_for(resident).get(reverse("community:group_join", args=[huge, "x"])).status_code == 404
    group = make_group(resident)
    for name in ("group_file", "group_member_remove", "group_meeting_remove", "group_post_delete"):
        response = client_for(resident).post(reverse(f"community:{name}", args=[group.pk, huge]))
        assert response.status_code in (404, 405), name
    answer_url = reverse("community:answer_helpful", args=[make_question(resident).pk, huge])
    assert client_for(resident).post(answer_url).status_code == 404
