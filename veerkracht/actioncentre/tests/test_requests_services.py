from __future__ import annotations

import itertools
import re
from datetime import date, timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from veerkracht.accounts.models import Role
from veerkracht.accounts.tests.factories import UserFactory
from veerkracht.actioncentre.models import (
    REQUEST_TRANSITIONS,
    CloseReason,
    EventKind,
    Request,
    RequestEvent,
    RequestStatus,
)
from veerkracht.actioncentre.selectors import requests as selectors
from veerkracht.actioncentre.services import requests as services
from veerkracht.actioncentre.tokens import hash_token
from veerkracht.core.models import AuditLogEntry, OutgoingMail
from veerkracht.regions.tests.factories import RegionFactory

from .factories import RequestFactory

pytestmark = pytest.mark.django_db

BASE = "https://example.test"


def submit(region, **overrides) -> tuple[Request, str]:
    data = {
        "region": region,
        "kind": "idea",
        "title": "Wandelgroep in de wijk",
        "description": "Elke week samen wandelen.",
        "name": "Anna",
        "email": "Anna@Example.org",
        "contact_consent": True,
        "themes": ["loneliness", "movement"],
        "dimensions": ["participation"],
        "needs": ["people"],
        "base_url": BASE,
        **overrides,
    }
    if "municipality" not in data:
        data["municipality"] = region.municipalities.get(code="GM0935")
    return services.request_submit(**data)


@pytest.fixture
def other_staff(region):
    return UserFactory(email="collega@example.org", roles=[Role.STAFF])


def _link(body: str) -> str:
    match = re.search(r"https://example\.test(/actiecentrum/volgen/[\w-]+/)", body)
    assert match, body
    return match.group(1)


# --- Intake -----------------------------------------------------------------------------------


def test_submit_stores_only_the_hash_an_event_a_log_entry_and_mails_the_link(
    region, resident, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        item, token = submit(region, sender=resident)
    assert item.token_hash == hash_token(token) and token not in item.token_hash
    assert item.email == "anna@example.org" and item.sender == resident
    assert item.status == RequestStatus.NEW
    assert item.theme_labels == ["Eenzaamheid en meedoen", "Bewegen en sport"]
    assert item.dimension_labels == ["Meedoen"] and item.need_labels == ["Mensen die meedoen"]
    assert list(item.events.values_list("kind", flat=True)) == [EventKind.CREATED]
    entry = AuditLogEntry.objects.get(code="actioncentre.request.submitted")
    assert entry.subject_id == str(item.pk) and entry.actor == resident
    assert "anna" not in str(entry.data).lower()  # no personal data in the log
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["anna@example.org"]
    assert _link(mail.outbox[0].body) == f"/actiecentrum/volgen/{token}/"


def test_nothing_is_mailed_when_the_transaction_rolls_back(region, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        submit(region)
    assert len(callbacks) == 1 and mail.outbox == []


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"contact_consent": False}, "toestemming"),
        ({"themes": ["bestaat-niet"]}, "niet bestaat"),
        ({"title": "x" * 121}, "121"),
        ({"description": "x" * 3001}, "3001"),
        ({"email": "geen-adres"}, "e-mailadres"),
        ({"kind": "klacht"}, "klacht"),
    ],
)
def test_submit_refuses_bad_input_and_saves_nothing(region, overrides, message):
    with pytest.raises(ValidationError, match=message):
        submit(region, **overrides)
    assert not Request.objects.exists() and not RequestEvent.objects.exists()


def test_submit_refuses_a_municipality_outside_the_region(region):
    other = RegionFactory(province_code="PV30")
    with pytest.raises(ValidationError, match="regio"):
        submit(other, municipality=region.municipalities.get(code="GM0935"))
    assert not Request.objects.exists()


# --- Status machine ---------------------------------------------------------------------------

ALL_PAIRS = list(itertools.product(RequestStatus.values, RequestStatus.values))


@pytest.mark.parametrize(("from_status", "to_status"), ALL_PAIRS)
def test_every_transition_follows_the_table(region, staff, from_status, to_status):
    item, _token = submit(region)
    Request.objects.filter(pk=item.pk).update(status=from_status)
    item.refresh_from_db()
    reason = CloseReason.DONE if to_status == RequestStatus.CLOSED else ""
    allowed = to_status in REQUEST_TRANSITIONS[RequestStatus(from_status)]
    before = item.status_changed_at
    if not allowed:
        with pytest.raises(ValidationError):
            services.request_change_status(request=item, to_status=to_status, actor=staff, reason=reason)
        item.refresh_from_db()
        assert item.status == from_status
        assert not item.events.filter(kind=EventKind.STATUS).exists()
        assert not AuditLogEntry.objects.filter(code="actioncentre.request.status_changed").exists()
        return
    changed = services.request_change_status(request=item, to_status=to_status, actor=staff, reason=reason)
    item.refresh_from_db()
    assert changed.status == item.status == to_status
    assert item.status_changed_at > before
    assert item.close_reason == reason
    event = item.events.get(kind=EventKind.STATUS)
    assert (event.from_status, event.to_status, event.actor) == (from_status, to_status, staff)
    entry = AuditLogEntry.objects.get(code="actioncentre.request.status_changed")
    assert entry.data == {"from": from_status, "to": to_status, "reason": reason}


def test_the_same_status_and_unknown_statuses_are_refused_in_plain_dutch(region, staff):
    item, _token = submit(region)
    with pytest.raises(ValidationError, match="heeft die status al"):
        services.request_change_status(request=item, to_status="new", actor=staff)
    with pytest.raises(ValidationError, match="bestaat niet"):
        services.request_change_status(request=item, to_status="weg", actor=staff)
    with pytest.raises(ValidationError, match="kan niet naar ‘verbonden’"):
        services.request_change_status(request=item, to_status="connected", actor=staff)


def test_closing_needs_a_reason_and_reopening_clears_it(region, staff):
    item, _token = submit(region)
    with pytest.raises(ValidationError, match="waarom"):
        services.request_change_status(request=item, to_status="closed", actor=staff)
    with pytest.raises(ValidationError, match="waarom"):
        services.request_change_status(request=item, to_status="closed", actor=staff, reason="omdat")
    with pytest.raises(ValidationError, match="alleen bij afsluiten"):
        services.request_change_status(request=item, to_status="handling", actor=staff, reason="done")
    item = services.request_change_status(request=item, to_status="closed", actor=staff, reason="spam")
    assert item.close_reason == "spam"
    item = services.request_change_status(request=item, to_status="handling", actor=staff)
    assert item.close_reason == "" and item.status == "handling"


# --- Assignment -------------------------------------------------------------------------------


def test_assigning_picks_up_a_new_request_and_unassigning_is_recorded(region, staff, other_staff):
    item, _token = submit(region)
    item = services.request_assign(request=item, assignee=other_staff, actor=staff)
    assert item.assignee == other_staff and item.status == RequestStatus.HANDLING
    kinds = list(item.events.values_list("kind", "text"))
    assert kinds[1] == (EventKind.ASSIGNED, other_staff.display_name)
    assert kinds[2] == (EventKind.STATUS, "")
    # Assigning the same person again changes nothing.
    services.request_assign(request=item, assignee=other_staff, actor=staff)
    assert item.events.count() == 3
    item = services.request_assign(request=item, assignee=None, actor=staff)
    assert item.assignee is None and item.status == RequestStatus.HANDLING
    assert item.events.last().text == ""
    assert AuditLogEntry.objects.filter(code="actioncentre.request.assigned").count() == 2


def test_only_staff_can_be_assigned(region, staff, resident, analyst):
    item, _token = submit(region)
    for person in (resident, analyst):
        with pytest.raises(ValidationError, match="alleen toewijzen aan iemand van het actiecentrum"):
            services.request_assign(request=item, assignee=person, actor=staff)
    item.refresh_from_db()
    assert item.assignee is None


def test_bulk_assign_and_close_stay_in_the_region_and_skip_closed_ones(region, staff, other_staff):
    items = [submit(region, title=f"Vraag {i}")[0] for i in range(4)]
    services.request_change_status(request=items[3], to_status="closed", actor=staff, reason="done")
    other = RegionFactory(province_code="PV30")
    pks = [i.pk for i in items]
    assert services.requests_bulk_assign(region=other, pks=pks, assignee=staff, actor=staff) == 0
    assert services.requests_bulk_assign(region=region, pks=pks[:2], assignee=other_staff, actor=staff) == 2
    assert set(Request.objects.filter(assignee=other_staff).values_list("pk", flat=True)) == set(pks[:2])
    assert services.requests_bulk_close(region=region, pks=pks, reason="duplicate", actor=staff) == 3
    assert set(Request.objects.values_list("status", flat=True)) == {"closed"}
    assert Request.objects.get(pk=pks[3]).close_reason == "done"  # the earlier reason stays
    with pytest.raises(ValidationError, match="waarom"):
        services.requests_bulk_close(region=region, pks=pks, reason="", actor=staff)
    with pytest.raises(ValidationError, match="Kies eerst"):
        services.requests_bulk_assign(region=region, pks=[], assignee=staff, actor=staff)
    with pytest.raises(ValidationError, match="hoogstens"):
        services.requests_bulk_assign(region=region, pks=range(1, 200), assignee=staff, actor=staff)


# --- Notes and messages -----------------------------------------------------------------------


def test_notes_are_internal(region, staff):
    item, _token = submit(region)
    services.request_add_note(request=item, author=staff, text="Bellen na de vakantie")
    assert item.events.get(kind=EventKind.NOTE).is_internal
    assert all(e.kind != EventKind.NOTE for e in selectors.public_timeline(item))
    assert any(e.kind == EventKind.NOTE for e in selectors.staff_timeline(item))
    with pytest.raises(ValidationError, match="Schrijf eerst iets"):
        services.request_add_note(request=item, author=staff, text="   ")


def test_a_message_to_the_sender_mails_a_fresh_link_and_the_old_one_stops_working(
    region, staff, django_capture_on_commit_callbacks
):
    item, old_token = submit(region)
    with django_capture_on_commit_callbacks(execute=True):
        services.request_message_sender(
            request=item, author=staff, text="Kun je dinsdag bellen?", base_url=BASE
        )
    item.refresh_from_db()
    message = mail.outbox[-1]
    assert message.to == ["anna@example.org"] and "Kun je dinsdag bellen?" in message.body
    new_token = _link(message.body).split("/")[-2]
    assert item.token_hash == hash_token(new_token) != hash_token(old_token)
    assert "werkt niet meer" in message.body
    assert item.events.filter(kind=EventKind.STAFF_MESSAGE, actor=staff).exists()
    assert AuditLogEntry.objects.filter(code="actioncentre.request.sender_messaged").exists()


def test_sender_additions_notify_the_assignee_and_are_refused_when_closed(
    region, staff, django_capture_on_commit_callbacks
):
    item, _token = submit(region)
    with django_capture_on_commit_callbacks(execute=True):
        services.request_add_sender_info(request=item, text="Ik vergat iets", base_url=BASE)
    assert mail.outbox == []  # nobody assigned yet: nobody to tell
    services.request_assign(request=item, assignee=staff, actor=staff)
    with django_capture_on_commit_callbacks(execute=True):
        services.request_add_sender_info(request=item, text="Nog iets", base_url=BASE)
    assert mail.outbox[-1].to == [staff.email]
    assert "Nog iets" not in mail.outbox[-1].body and f"/actiecentrum/bord/{item.pk}/" in mail.outbox[-1].body
    with pytest.raises(ValidationError, match="2000"):
        services.request_add_sender_info(request=item, text="x" * 2001)
    services.request_change_status(request=item, to_status="closed", actor=staff, reason="done")
    with pytest.raises(ValidationError, match="afgesloten"):
        services.request_add_sender_info(request=item, text="Nog een keer")
    assert item.events.filter(kind=EventKind.SENDER_MESSAGE).count() == 2


# --- Selectors --------------------------------------------------------------------------------


def test_counts_by_status_list_every_status(region, staff, django_assert_num_queries):
    items = [submit(region, title=f"Vraag {i}")[0] for i in range(3)]
    services.request_assign(request=items[0], assignee=staff, actor=staff)
    with django_assert_num_queries(1):
        counts = selectors.request_counts_by_status(region)
    assert counts == {"new": 2, "handling": 1, "connected": 0, "closed": 0}


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2025, 3, 3), date(2025, 3, 3), 0),  # Monday, same day
        (date(2025, 3, 3), date(2025, 3, 10), 5),  # Monday to next Monday
        (date(2025, 3, 7), date(2025, 3, 10), 1),  # Friday to Monday: only Monday
        (date(2025, 3, 8), date(2025, 3, 9), 0),  # Saturday to Sunday
        (date(2025, 3, 3), date(2025, 3, 31), 20),
        (date(2025, 3, 10), date(2025, 3, 3), 0),
    ],
)
def test_working_days(start, end, expected):
    assert selectors.working_days_between(start, end) == expected


def test_a_new_request_is_stale_after_five_working_days_only(region):
    item, _token = submit(region)
    today = timezone.localdate()
    cutoff = selectors.stale_before(today)
    assert selectors.working_days_between(cutoff, today) == selectors.STALE_AFTER_WORKING_DAYS + 1
    assert selectors.working_days_between(cutoff + timedelta(days=1), today) <= 5
    item.created_at = timezone.now() - timedelta(days=10)
    assert selectors.is_stale(item)
    item.status = RequestStatus.HANDLING
    assert not selectors.is_stale(item)
    item.status, item.created_at = RequestStatus.NEW, timezone.now() - timedelta(days=2)
    assert not selectors.is_stale(item)


def test_a_failing_staff_message_mail_is_kept_with_the_new_link_for_a_retry(
    region, staff, django_capture_on_commit_callbacks
):
    request = RequestFactory(kind="question", name="Mieke", email="mieke@example.org")
    with (
        mock.patch("django.core.mail.EmailMessage.send", side_effect=OSError("smtp down")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.request_message_sender(request=request, author=staff, text="Hoi", base_url="")
    kept = OutgoingMail.objects.get(to="mieke@example.org")
    request.refresh_from_db()
    # The mail waits for its next attempt with the reason, and with the only copy of the new link.
    assert kept.status == OutgoingMail.Status.QUEUED and "smtp down" in kept.last_error
    new_token = re.search(r"/actiecentrum/volgen/([\w-]+)/", kept.body).group(1)
    assert request.token_hash == hash_token(new_token)
