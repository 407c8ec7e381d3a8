"""Retention: each period of the privacy statement is applied by `retention_apply`, to the day.

The clock is moved with time-machine: data is made at a fixed moment, the command runs once just
before the end of its period (everything stays) and once just after (it is gone).
"""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.urls import reverse

from veerkracht.accounts.models import User, UserSession
from veerkracht.accounts.services import user_create
from veerkracht.accounts.sessions.db import SessionStore
from veerkracht.actioncentre.models import (
    Connection,
    ConnectionStatus,
    InitiativeUpdate,
    Request,
    RequestEvent,
)
from veerkracht.actioncentre.services import requests as request_services
from veerkracht.actioncentre.tests.factories import InitiativeFactory, NeedFactory, RequestFactory
from veerkracht.core import retention
from veerkracht.core.audit import log_action
from veerkracht.core.models import AuditLogEntry
from veerkracht.spiderweb.models import ConversationNote, Share
from veerkracht.spiderweb.services import sharing as sharing_services

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 1, 5, 10, 0, tzinfo=UTC)


def run(at: datetime) -> str:
    out = io.StringIO()
    with time_machine.travel(at, tick=False):
        call_command("retention_apply", stdout=out)
    return out.getvalue()


def test_the_privacy_statement_lists_every_rule_the_command_applies(client):
    page = client.get(reverse("core:privacy")).content.decode()
    rules = retention.rules()
    assert {r.key for r in rules} >= {
        "accounts.unconfirmed_signups",
        "accounts.sessions",
        "spiderweb.ended_shares",
        "actioncentre.closed_requests",
        "actioncentre.introductions",
        "actioncentre.loose_photos",
        "core.log",
    }
    for rule in rules:
        assert str(rule.what) in page and str(rule.period) in page, rule.key


def test_a_closed_request_goes_one_year_after_closing_with_its_timeline(region, staff):
    with time_machine.travel(T0, tick=False):
        closed = RequestFactory(region=region, description="ik heb schulden")
        request_services.request_add_note(request=closed, author=staff, text="Gebeld")
        request_services.request_change_status(request=closed, to_status="closed", actor=staff, reason="done")
        still_open = RequestFactory(region=region, email="ander@example.org")
    assert RequestEvent.objects.filter(request=closed).exists()

    run(T0 + timedelta(days=364))
    assert Request.objects.filter(pk=closed.pk).exists()

    output = run(T0 + timedelta(days=366))
    assert "actioncentre.closed_requests: 1 removed" in output
    assert not Request.objects.filter(pk=closed.pk).exists()
    assert not RequestEvent.objects.filter(request_id=closed.pk).exists()
    # A question that is still being handled stays, however old.
    run(T0 + timedelta(days=3 * 365))
    assert Request.objects.filter(pk=still_open.pk).exists()


def test_introductions_that_did_not_go_through_go_after_a_year_accepted_ones_lose_names_after_two(
    region, staff
):
    with time_machine.travel(T0, tick=False):
        initiative = InitiativeFactory(owner=staff)
        kwargs = {"region": region, "message": "Past goed", "asker_email": "a@example.org"}
        open_one = Connection.objects.create(
            need=NeedFactory(initiative=initiative),
            asker_name="Anna",
            helper_name="Bert",
            helper_email="b@example.org",
            asker_token_hash="1" * 64,
            helper_token_hash="2" * 64,
            **kwargs,
        )
        done = Connection.objects.create(
            need=NeedFactory(initiative=initiative),
            asker_name="Anna",
            helper_name="Cor",
            helper_email="c@example.org",
            asker_token_hash="3" * 64,
            helper_token_hash="4" * 64,
            status=ConnectionStatus.ACCEPTED,
            decided_at=T0,
            **kwargs,
        )

    run(T0 + timedelta(days=364))
    assert Connection.objects.filter(pk=open_one.pk).exists()
    run(T0 + timedelta(days=366))
    assert not Connection.objects.filter(pk=open_one.pk).exists()
    done.refresh_from_db()
    assert done.helper_email == "c@example.org"

    run(T0 + timedelta(days=2 * 365 + 1))
    done.refresh_from_db()
    assert (done.asker_name, done.asker_email, done.helper_name, done.helper_email, done.message) == (
        "[verwijderd]",
        "",
        "[verwijderd]",
        "",
        "",
    )
    assert done.status == ConnectionStatus.ACCEPTED  # the movement still counts it


def test_an_ended_share_goes_half_a_year_later_with_its_notes(resident, professional, make_web):
    with time_machine.travel(T0, tick=False):
        web = make_web(resident)
        share, code = sharing_services.share_create(web=web, scope="one", expires_at=T0 + timedelta(days=30))
        share = sharing_services.share_claim(professional=professional, code=code)
        sharing_services.note_add(share=share, web=web, author=professional, text="Volgende keer: werk")
        sharing_services.share_revoke(share=share)
        ongoing, _code = sharing_services.share_create(
            web=web, scope="one", expires_at=T0 + timedelta(days=360)
        )

    run(T0 + timedelta(days=181))
    assert ConversationNote.objects.filter(share=share).exists()
    output = run(T0 + timedelta(days=183))
    assert "spiderweb.ended_shares: 1 removed" in output
    assert not Share.objects.filter(pk=share.pk).exists()
    assert not ConversationNote.objects.exists()
    assert Share.objects.filter(pk=ongoing.pk).exists()  # still running: stays


def test_a_sign_up_that_was_never_confirmed_goes_after_seven_days(region):
    with time_machine.travel(T0, tick=False):
        unconfirmed = user_create(email="nooit@example.org", display_name="Nooit", verified=False)
        confirmed = user_create(email="wel@example.org", display_name="Wel")
        made_by_admin = User.objects.create_user(email="beheer@example.org")

    run(T0 + timedelta(days=6))
    assert User.objects.filter(pk=unconfirmed.pk).exists()
    output = run(T0 + timedelta(days=8))
    assert "accounts.unconfirmed_signups: 1 removed" in output
    assert not User.objects.filter(pk=unconfirmed.pk).exists()
    assert set(User.objects.filter(pk__in=[confirmed.pk, made_by_admin.pk]).values_list("pk", flat=True)) == {
        confirmed.pk,
        made_by_admin.pk,
    }


def test_ended_sessions_go(resident):
    with time_machine.travel(T0, tick=False):
        session = SessionStore()
        session["draft"] = {"answers": [3, 4]}
        session.set_expiry(3600)
        session.create()
    run(T0 + timedelta(minutes=59))
    assert UserSession.objects.filter(session_key=session.session_key).exists()
    run(T0 + timedelta(minutes=61))
    assert not UserSession.objects.filter(session_key=session.session_key).exists()


def test_log_lines_go_after_two_years(resident):
    with time_machine.travel(T0, tick=False):
        log_action("spiderweb.web.viewed", person=resident)
    with time_machine.travel(T0 + timedelta(days=400), tick=False):
        log_action("spiderweb.web.viewed", person=resident)

    run(T0 + timedelta(days=2 * 365 - 1))
    assert AuditLogEntry.objects.filter(code="spiderweb.web.viewed").count() == 2
    run(T0 + timedelta(days=2 * 365 + 1))
    assert list(
        AuditLogEntry.objects.filter(code="spiderweb.web.viewed").values_list("created_at", flat=True)
    ) == [T0 + timedelta(days=400)]


def test_a_photo_of_deleted_news_goes_after_a_day(settings, tmp_path, staff):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    initiative = InitiativeFactory(owner=staff)
    kept = InitiativeUpdate(initiative=initiative, text="Met foto", photo_name="a.jpg")
    kept.photo.save("a.jpg", ContentFile(b"jpeg"), save=True)
    gone = InitiativeUpdate(initiative=initiative, text="Weg", photo_name="b.jpg")
    gone.photo.save("b.jpg", ContentFile(b"jpeg"), save=True)
    loose = gone.photo.name
    InitiativeUpdate.objects.filter(pk=gone.pk).delete()  # a bulk delete leaves the file behind

    # The file was written just now (the real clock): within the day of grace it stays.
    now = datetime.now(tz=UTC)
    run(now + timedelta(hours=23))
    assert default_storage.exists(loose)
    output = run(now + timedelta(hours=25))
    assert "actioncentre.loose_photos: 1 removed" in output
    assert not default_storage.exists(loose)
    assert default_storage.exists(kept.photo.name)


def test_a_waiting_photo_of_deleted_news_goes_after_a_day_too(settings, tmp_path, staff):
    from veerkracht.actioncentre.storage import private_storage

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    initiative = InitiativeFactory(owner=staff)
    waiting = InitiativeUpdate(initiative=initiative, text="Wacht", photo_name="c.jpg", review="pending")
    waiting.pending_photo.save("c.jpg", ContentFile(b"jpeg"), save=True)
    gone = InitiativeUpdate(initiative=initiative, text="Weg", photo_name="d.jpg", review="pending")
    gone.pending_photo.save("d.jpg", ContentFile(b"jpeg"), save=True)
    loose = gone.pending_photo.name
    InitiativeUpdate.objects.filter(pk=gone.pk).delete()
    output = run(datetime.now(tz=UTC) + timedelta(hours=25))
    assert "actioncentre.loose_photos: 1 removed" in output
    assert not private_storage.exists(loose) and private_storage.exists(waiting.pending_photo.name)


def test_a_failing_rule_keeps_its_data_and_the_others_still_run(region, staff, monkeypatch):
    with time_machine.travel(T0, tick=False):
        closed = RequestFactory(region=region)
        request_services.request_change_status(request=closed, to_status="closed", actor=staff, reason="done")
        log_action("test.old")
    rule = next(r for r in retention.rules() if r.key == "actioncentre.closed_requests")

    def half_then_fail(now):
        rule.apply(now)
        raise RuntimeError("disk full")

    broken = retention.Rule(**{**rule.__dict__, "apply": half_then_fail})
    monkeypatch.setitem(retention._registered, rule.key, broken)
    with pytest.raises(CommandError, match=r"actioncentre\.closed_requests"):
        run(T0 + timedelta(days=3 * 365))
    assert Request.objects.filter(pk=closed.pk).exists()  # rolled back, not half-deleted
    assert not AuditLogEntry.objects.filter(code="test.old").exists()  # the log rule still ran
    entry = AuditLogEntry.objects.get(code="core.retention.applied")
    assert entry.data["actioncentre.closed_requests"].startswith("RuntimeError")
