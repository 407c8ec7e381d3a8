from __future__ import annotations

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.utils import timezone

from veerkracht.accounts.tests.factories import UserFactory
from veerkracht.agenda.models import Evaluation, Event, Registration, RegistrationStatus
from veerkracht.agenda.personal_data import erase, export, summary
from veerkracht.core.personal_data import DELETED, KEPT, undeclared_models

from .factories import EventFactory, register

pytestmark = pytest.mark.django_db
Status = RegistrationStatus


def over(event: Event) -> Event:
    Event.objects.filter(pk=event.pk).update(
        starts_at=timezone.now() - timedelta(days=3), ends_at=timezone.now() - timedelta(days=3, hours=-2)
    )
    event.refresh_from_db()
    return event


@pytest.fixture
def ans(region):
    person = UserFactory(email="ans@example.org", display_name="Ans Kusters")
    EmailAddress.objects.create(user=person, email="a.kusters@werk.example.org", verified=True)
    return person


@pytest.fixture
def her(ans):
    """A session to come (with her account), one that was (from her work address, without account)."""
    coming = EventFactory(capacity=1, questions=["Heb je een dieetwens?"])
    question = coming.questions.get()
    mine = register(coming, ans.email, name="Ans", user=ans, answers={str(question.pk): "geen vlees"})
    waiting = register(coming, "buur@example.org", name="Buurman")
    past_event = EventFactory()
    past = register(past_event, "A.Kusters@werk.example.org", name="Ans K.")
    over(past_event)
    Registration.objects.filter(pk=past.pk).update(checked_in_at=timezone.now(), checked_in_places=1)
    Evaluation.objects.create(
        event=past_event,
        registration=past,
        score_1=5,
        score_2=4,
        score_3=4,
        score_4=5,
        next_step="Ans belt Jo",
    )
    return {"coming": coming, "mine": mine, "waiting": waiting, "past_event": past_event, "past": past}


def test_every_agenda_model_that_holds_a_person_is_declared():
    from django.apps import apps

    assert undeclared_models(apps.get_app_config("agenda").get_models()) == []


def test_the_download_holds_her_registrations_by_account_and_by_address(ans, her):
    data = export(ans)
    rows = {r["event"]: r for r in data["event_registrations"]}
    assert len(rows) == 2
    coming = rows[her["coming"].title]
    assert coming["answers"] == {"Heb je een dieetwens?": "geen vlees"} and coming["with_account"]
    past = rows[her["past_event"].title]
    assert past["email"] == "A.Kusters@werk.example.org" and past["evaluation"]["next_step"] == "Ans belt Jo"
    assert data["events_organised"] == []


def test_deletion_frees_her_place_for_the_waiting_list_and_anonymises_the_past(
    ans, her, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        erase(ans)

    assert not Registration.objects.filter(pk=her["mine"].pk).exists()
    her["waiting"].refresh_from_db()
    assert her["waiting"].status == Status.OFFERED
    # Only the next on the list is mailed (the offer), not her.
    assert [m.to for m in mailoutbox] == [["buur@example.org"]]
    past = Registration.objects.get(pk=her["past"].pk)
    assert past.erased_at and past.name == "[verwijderd]" and "kusters" not in past.email.lower()
    assert past.user is None and past.answers == {} and past.checked_in_places == 1
    evaluation = Evaluation.objects.get(event=her["past_event"])
    assert evaluation.registration is None and evaluation.next_step == "" and evaluation.score_1 == 5
    assert export(ans)["event_registrations"] == []


def test_an_organisers_events_stay_without_their_name(ans, her):
    event = EventFactory(organisers=[ans], organiser_name="Ans Kusters", contact_email="ans@example.org")
    Event.objects.filter(pk=event.pk).update(description="Vragen? Bel Ans Kusters.")
    assert any(
        "1 bijeenkomst" in line.text or "bijeenkomst die je organiseerde" in line.text
        for line in summary(ans)
    )

    erase(ans)

    event.refresh_from_db()
    assert not event.organisers.exists()
    assert (event.organiser_name, event.contact_email) == ("[verwijderd]", "")
    assert event.description == "Vragen? Bel [verwijderd]."


def test_the_deletion_page_says_what_goes_and_what_stays(ans, her):
    lines = summary(ans)
    assert [line.kind for line in lines] == [DELETED, KEPT, KEPT]
    assert "wachtlijst" in lines[0].text and "blijft meetellen" in lines[1].text
