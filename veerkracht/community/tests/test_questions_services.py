from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from veerkracht.actioncentre.services.connect import ambassador_profile_save
from veerkracht.community import digest
from veerkracht.community.models import Answer, Question, QuestionMailing
from veerkracht.community.selectors.questions import public_questions, questions_answered_between
from veerkracht.community.services import questions as services
from veerkracht.community.services.moderation import content_hide
from veerkracht.core.personal_data import registered

from .factories import make_answer, make_question, municipality

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_a_member_asks_and_others_answer(region, resident, outsider, committed):
    question = services.question_ask(
        region=region,
        author=resident,
        title="Hoe start ik een moestuin?",
        text="Met de buren.",
        themes=["food"],
    )
    with committed():
        answer = services.answer_post(question=question, author=outsider, text="Vraag de gemeente om grond.")
    question.refresh_from_db()
    assert question.first_answer_at == answer.created_at
    assert [m.to for m in mail.outbox] == [["inwoner@example.org"]]


def test_asking_checks_input_and_rate_limit(region, resident):
    with pytest.raises(ValidationError):
        services.question_ask(region=region, author=resident, title="", text="tekst")
    with pytest.raises(ValidationError):
        services.question_ask(region=region, author=resident, title="Vraag", text="tekst", themes=["nope"])
    for i in range(services.ASK_LIMIT[0]):
        services.question_ask(region=region, author=resident, title=f"Vraag {i}", text="tekst")
    with pytest.raises(ValidationError, match="veel vragen"):
        services.question_ask(region=region, author=resident, title="Nog een", text="tekst")
    assert Question.objects.count() == services.ASK_LIMIT[0]


def test_answering_is_rate_limited_and_not_on_hidden_questions(region, resident, outsider, staff):
    question = make_question(resident)
    for _i in range(services.ANSWER_LIMIT[0]):
        services.answer_post(question=question, author=outsider, text="Een tip")
    with pytest.raises(ValidationError):
        services.answer_post(question=question, author=outsider, text="Nog een tip")
    content_hide(obj=question, actor=staff, reason="Reclame")
    with pytest.raises(ValidationError):
        services.answer_post(question=question, author=resident, text="Hallo")


def test_only_the_asker_marks_the_helpful_answer_and_can_change_it(resident, outsider, ambassador):
    question = make_question(resident)
    first, second = make_answer(question, outsider), make_answer(question, ambassador)
    with pytest.raises(PermissionDenied):
        services.answer_mark_helpful(question=question, answer=first, actor=outsider)
    services.answer_mark_helpful(question=question, answer=first, actor=resident)
    services.answer_mark_helpful(question=question, answer=second, actor=resident)
    question.refresh_from_db()
    assert question.helpful_answer == second
    other = make_question(outsider)
    with pytest.raises(ValidationError):
        services.answer_mark_helpful(question=question, answer=make_answer(other, resident), actor=resident)


def test_hidden_things_leave_the_list_and_filters_work(region, resident, outsider, staff):
    open_question = make_question(resident, title="Open vraag")
    answered = make_question(resident, title="Beantwoord", themes=("money",))
    make_answer(answered, outsider)
    hidden = make_question(resident, title="Verborgen")
    content_hide(obj=hidden, actor=staff, reason="Scheldwoorden")
    assert set(public_questions(region)) == {open_question, answered}
    assert list(public_questions(region, {"status": "open"})) == [open_question]
    assert list(public_questions(region, {"status": "answered"})) == [answered]
    assert list(public_questions(region, {"theme": "money"})) == [answered]


def test_staff_turn_a_question_into_a_request(region, resident, staff, committed):
    question = make_question(resident)
    with pytest.raises(PermissionDenied):
        services.question_to_request(
            question=question, actor=resident, municipality=municipality(), base_url=""
        )
    with committed():
        services.question_to_request(
            question=question, actor=staff, municipality=municipality(), base_url="https://example.org"
        )
    question.refresh_from_db()
    assert question.actioncentre_request_id
    with pytest.raises(ValidationError):
        services.question_to_request(question=question, actor=staff, municipality=municipality(), base_url="")


def _ambassador_with_themes(ambassador, region, themes):
    ambassador_profile_save(
        user=ambassador, region=region, expertise="Wandelen", themes=themes, is_public=False
    )


def test_weekly_mail_goes_once_per_week_to_ambassadors_of_the_theme(region, resident, ambassador, committed):
    _ambassador_with_themes(ambassador, region, ["loneliness"])
    make_question(resident, title="Eenzame buurman")
    make_question(resident, title="Over geld", themes=("money",))
    answered = make_question(resident, title="Al beantwoord")
    make_answer(answered, resident)
    now = timezone.now()
    with committed():
        assert services.questions_send_weekly(now) == 1
        assert services.questions_send_weekly(now) == 0
    messages = [m for m in mail.outbox if m.to == [ambassador.email]]
    assert len(messages) == 1
    assert "Eenzame buurman" in messages[0].body and "Over geld" not in messages[0].body
    assert "Al beantwoord" not in messages[0].body
    assert QuestionMailing.objects.count() == 1
    with committed():
        assert services.questions_send_weekly(now + timedelta(days=7)) == 1


def test_no_weekly_mail_without_open_questions(region, ambassador, resident):
    _ambassador_with_themes(ambassador, region, ["money"])
    make_question(resident)
    assert services.questions_send_weekly() == 0


def test_digest_section_lists_questions_waiting_for_an_answer(region, resident, outsider):
    waiting = make_question(resident, title="Wacht nog")
    make_answer(make_question(resident, title="Heeft antwoord"), outsider)
    section = next(s for s in digest.SECTIONS if s.key == "question")
    now = timezone.now()
    items = section.find(region, now - timedelta(days=30), now + timedelta(minutes=1))
    assert [item.title for item in items] == [waiting.title]


def test_answer_time_for_the_monitor(region, resident, outsider):
    question = make_question(resident)
    make_answer(question, outsider)
    Question.objects.filter(pk=question.pk).update(created_at=question.first_answer_at - timedelta(hours=5))
    now = timezone.now()
    rows = questions_answered_between(region, now - timedelta(days=1), now + timedelta(minutes=1))
    assert rows == [("GM0935", pytest.approx(5.0))]


def test_personal_data_export_and_erase(region, resident, outsider):
    alone = make_question(resident, title="Niemand antwoordde")
    answered = make_question(resident, title="Wel antwoord")
    make_answer(answered, outsider)
    mine = make_answer(make_question(outsider, title="Van een ander"), resident)
    part = next(p for p in registered() if p.app == "community")
    exported = part.export(resident)
    assert {q["title"] for q in exported["community_questions"]} == {"Niemand antwoordde", "Wel antwoord"}
    assert [a["text"] for a in exported["community_answers"]] == [mine.text]
    part.erase(resident)
    assert not Question.objects.filter(pk=alone.pk).exists()
    answered.refresh_from_db()
    assert answered.author is None
    assert Answer.objects.get(pk=mine.pk).author is None


def test_the_weekly_job_is_scheduled_and_twice_is_harmless(region, resident, ambassador, committed):
    from django.core.management import call_command

    from veerkracht.core.schedule import get

    assert get("community.questions_weekly").cron["day_of_week"] == "1"
    _ambassador_with_themes(ambassador, region, ["loneliness"])
    make_question(resident)
    with committed():
        call_command("jobs", "run", "community.questions_weekly")
        call_command("jobs", "run", "community.questions_weekly")
    assert len([m for m in mail.outbox if m.to == [ambassador.email]]) == 1


def test_search_finds_visible_questions_only(region, resident, staff):
    from veerkracht.core.search import sources

    source = next(s for s in sources() if s.key == "question")
    question = make_question(resident)
    document = source.document(question)
    assert document.title == question.title and document.municipality_code == "GM0935"
    assert list(source.objects(region)) == [question]
    content_hide(obj=question, actor=staff, reason="Reclame")
    question.refresh_from_db()
    assert source.document(question) is None and list(source.objects(region)) == []
    assert not any(s.model.startswith("community.Group") for s in sources())


def test_indicators_count_questions_asked_answered_and_answer_time(region, resident, outsider):
    from veerkracht.core.indicators import Window
    from veerkracht.core.indicators import get_indicator as get

    question = make_question(resident)
    make_question(resident, municipality=None)
    make_answer(question, outsider)
    now = timezone.now()
    window = Window(region=region, start=now - timedelta(days=1), end=now + timedelta(hours=1), as_of=now)
    assert sorted(code or "" for code, _ in get("community_questions_asked").rows(window)) == ["", "GM0935"]
    assert [code for code, _ in get("community_questions_answered").rows(window)] == ["GM0935"]
    assert get("community_answer_time").unit == "hours"


def test_old_weekly_mail_rows_are_forgotten(region, ambassador):
    QuestionMailing.objects.create(user=ambassador, week="2020-W01")
    QuestionMailing.objects.update(sent_at=timezone.now() - timedelta(days=60))
    QuestionMailing.objects.create(user=ambassador, week="2026-W01")
    assert services.question_mailings_forget(before=timezone.now() - timedelta(days=56)) == 1
    assert QuestionMailing.objects.count() == 1


def test_hiding_the_only_answer_opens_the_question_again_and_unmarks_it(region, resident, outsider, staff):
    from veerkracht.community.services.moderation import content_restore

    question = make_question(resident)
    answer = make_answer(question, outsider)
    services.answer_mark_helpful(question=question, answer=answer, actor=resident)
    content_hide(obj=answer, actor=staff, reason="Reclame")
    question.refresh_from_db()
    assert question.first_answer_at is None and question.helpful_answer is None
    assert question.pk in {q.pk for q in public_questions(region, {"status": "open"})}
    content_restore(obj=answer, actor=staff)
    question.refresh_from_db()
    assert question.first_answer_at == answer.created_at and question.helpful_answer is None
