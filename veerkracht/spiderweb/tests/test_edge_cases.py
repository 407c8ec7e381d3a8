"""Edge cases found in review: what another reader may see, deletion, broken sessions, export, races."""

from __future__ import annotations

import json
from datetime import timedelta
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

from veerkracht.accounts.tests.factories import UserFactory
from veerkracht.core.models import OutgoingMail
from veerkracht.lib import fhir
from veerkracht.spiderweb.drafts import SESSION_KEY
from veerkracht.spiderweb.models import Assessment, ConversationNote, Share, ShareScope, Status
from veerkracht.spiderweb.services import sharing as sharing_services
from veerkracht.spiderweb.services import webs as web_services

from .factories import ShareFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_professional(region):
    return UserFactory(email="tweede-professional@example.org", roles=["professional"])


def test_a_new_professional_does_not_read_notes_from_an_earlier_share(
    client_for, resident, professional, other_professional, make_web
):
    web = make_web(resident)
    first = ShareFactory(web=web, professional=professional)
    sharing_services.note_add(
        share=first, web=web, author=professional, text="Eerste gesprek, vertrouwelijk."
    )
    sharing_services.share_revoke(share=first)
    second = ShareFactory(web=web, professional=other_professional)
    page = client_for(other_professional).get(reverse("spiderweb:shared_web", args=[second.pk, web.pk]))
    assert page.status_code == 200
    assert "Eerste gesprek, vertrouwelijk." not in page.content.decode()
    own = client_for(resident).get(reverse("spiderweb:result", args=[web.pk])).content.decode()
    assert "Eerste gesprek, vertrouwelijk." in own  # the resident still reads every note


def test_the_reflection_is_shown_only_when_the_resident_chose_so(
    client_for, resident, professional, other_professional, make_web
):
    web = make_web(resident)
    web_services.reflection_save(assessment=web, matters_most="Mijn kleinkinderen zien opgroeien.")
    without = ShareFactory(web=web, professional=professional)
    with_reflection = ShareFactory(web=web, professional=other_professional, include_reflection=True)
    url = reverse("spiderweb:shared_web", args=[without.pk, web.pk])
    assert "Mijn kleinkinderen" not in client_for(professional).get(url).content.decode()
    url = reverse("spiderweb:shared_web", args=[with_reflection.pk, web.pk])
    assert "Mijn kleinkinderen" in client_for(other_professional).get(url).content.decode()


def test_deleting_the_first_web_keeps_a_share_of_future_webs_and_their_notes(
    client_for, resident, professional, other_professional, make_web
):
    first = make_web(resident, score=4)
    future = ShareFactory(web=first, professional=professional, scope=ShareScope.FUTURE)
    only_this = ShareFactory(web=first, professional=other_professional)
    later = make_web(resident, score=6)
    Assessment.objects.filter(pk=later.pk).update(completed_at=timezone.now() + timedelta(seconds=5))
    later.refresh_from_db()
    sharing_services.note_add(share=future, web=later, author=professional, text="Over het tweede web.")
    response = client_for(resident).post(reverse("spiderweb:delete", args=[first.pk]))
    assert response.status_code == 302
    assert not Share.objects.filter(pk=only_this.pk).exists()
    assert Share.objects.get(pk=future.pk).assessment is None
    assert ConversationNote.objects.filter(assessment=later).count() == 1
    page = client_for(professional).get(reverse("spiderweb:shared_web", args=[future.pk, later.pk]))
    assert page.status_code == 200
    assert client_for(resident).get(reverse("spiderweb:sharing")).status_code == 200
    assert client_for(professional).get(reverse("spiderweb:shared_home")).status_code == 200


def test_a_too_long_e_mail_address_gets_a_message(client_for, resident, make_web):
    web = make_web(resident)
    email = "a" * 60 + "@" + ".".join(["b" * 60] * 4) + ".nl"
    response = client_for(resident).post(
        reverse("spiderweb:share_create", args=[web.pk]),
        {"method": "email", "email": email, "scope": "one", "duration": "30"},
    )
    assert response.status_code == 200
    assert not Share.objects.exists()


def test_a_failing_invitation_mail_is_kept_for_a_retry(
    client_for, resident, make_web, django_capture_on_commit_callbacks
):
    web = make_web(resident)
    with (
        mock.patch("django.core.mail.EmailMessage.send", side_effect=OSError("smtp down")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client_for(resident).post(
            reverse("spiderweb:share_create", args=[web.pk]),
            {"method": "email", "email": "huisarts@example.org", "scope": "one", "duration": "30"},
        )
    assert response.status_code == 200
    share = Share.objects.get()
    kept = OutgoingMail.objects.get(to="huisarts@example.org")
    # The request only queued the mail; it waits for its next attempt, content and all.
    assert kept.status == OutgoingMail.Status.QUEUED and kept.attempts == 1
    assert "smtp down" in kept.last_error and share.owner.display_name in kept.body


def test_a_reflection_on_an_unfinished_web_is_not_found(client_for, resident, instruments):
    draft = web_services.assessment_start(owner=resident, instrument=instruments["eenvoudig"])
    response = client_for(resident).post(
        reverse("spiderweb:reflection", args=[draft.pk]), {"matters_most": "iets"}
    )
    assert response.status_code == 404


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d.pop("completed"),
        lambda d: d.update(answers={k: str(v) for k, v in d["answers"].items()}),
        lambda d: d.update(answers={**d["answers"], "oud.item": 5}),
        lambda d: d.update(step=99),
        lambda d: d.update(instrument="1"),
    ],
    ids=["missing-key", "string-answers", "unknown-item", "step-out-of-range", "instrument-as-text"],
)
def test_a_damaged_session_web_is_dropped_with_a_message(client, instruments, damage):
    instrument = instruments["eenvoudig"]
    data = {
        "instrument": instrument.pk,
        "answers": dict.fromkeys(instrument.item_keys, 5),
        "talk": [],
        "step": 5,
        "completed": True,
        "started_at": timezone.now().isoformat(),
    }
    damage(data)
    session = client.session
    session[SESSION_KEY] = data
    session.save()
    for name in ("session_result", "session_download", "session_pdf", "session_fhir"):
        assert client.get(reverse(f"spiderweb:{name}")).status_code in (302, 404)
    assert client.get(reverse("spiderweb:session_step", args=[1])).status_code == 302
    assert SESSION_KEY not in client.session


def test_the_professional_overview_does_not_query_per_share(
    client_for, professional, django_assert_max_num_queries, make_web
):
    def add_shares(n):
        for _ in range(n):
            owner = UserFactory()
            ShareFactory(web=make_web(owner), professional=professional, scope=ShareScope.FUTURE)

    client = client_for(professional)
    add_shares(1)
    client.get(reverse("spiderweb:shared_home"))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get(reverse("spiderweb:shared_home"))
    add_shares(4)
    with django_assert_max_num_queries(len(one)):
        assert "Spinnenweb van" in client.get(reverse("spiderweb:shared_home")).content.decode()


def test_the_personal_export_holds_drafts_shares_notes_and_who_looked(
    client_for, resident, professional, make_web, instruments
):
    web = make_web(resident)
    share = ShareFactory(web=web, professional=professional)
    sharing_services.share_log_view(viewer=professional, web=web, share=share)
    sharing_services.note_add(share=share, web=web, author=professional, text="Afspraak over drie weken.")
    web_services.assessment_start(owner=resident, instrument=instruments["kinderen"])
    data = json.loads(client_for(resident).get(reverse("spiderweb:export")).content)
    assert [w["status"] for w in data["spider_webs"]] == [Status.COMPLETED, Status.DRAFT]
    assert data["spider_webs"][0]["municipality"] == resident.profile.municipality.name
    assert data["shares"][0]["with"] == professional.display_name
    assert data["conversation_notes"][0]["text"] == "Afspraak over drie weken."
    assert {entry["what"] for entry in data["who_looked"]} >= {"spiderweb.assessment.viewed"}


def test_starting_twice_resumes_the_same_draft(resident, instruments):
    instrument = instruments["volwassenen"]
    first = web_services.assessment_start(owner=resident, instrument=instrument)
    assert web_services.assessment_start(owner=resident, instrument=instrument) == first
    # Even when the check-then-insert race is lost, the database keeps one draft.
    with mock.patch.object(Assessment.objects, "filter", wraps=Assessment.objects.filter) as filtered:
        filtered.return_value.first.return_value = None
        assert web_services.assessment_start(owner=resident, instrument=instrument) == first
    assert Assessment.objects.filter(owner=resident, status=Status.DRAFT).count() == 1


def test_fhir_names_are_valid_and_old_versions_are_retired():
    definition = {
        "slug": "2025-versie",
        "version": "1",
        "title": {"nl": "T"},
        "intro": {"nl": "I"},
        "dimensions": [],
        "scale": {"min": 0, "max": 10},
    }
    resource = fhir.questionnaire(definition=definition, base_url="https://x.nl", active=False)
    assert resource["name"][0].isalpha() and resource["status"] == "retired"
