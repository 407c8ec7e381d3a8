"""The editor's draft: items from the digest sections, reorder, remove, introduction, preview, test,
send in idempotent batches; what each subscriber gets; the archive; who may do what."""

from __future__ import annotations

from datetime import date, timedelta
from email import message_from_bytes

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from veerkracht.agenda.tests.factories import EventFactory, municipality
from veerkracht.community import digest
from veerkracht.community.digest import DigestItem
from veerkracht.community.models import Delivery, DeliveryStatus, Issue, IssueStatus
from veerkracht.community.presenters.newsletter import Reader, items_for, render_mail
from veerkracht.community.services.newsletter import (
    deliveries_send_batch,
    issue_create,
    issue_item_move,
    issue_items_withdraw,
    issue_send,
    issue_send_test,
    subscriber_unsubscribe,
)
from veerkracht.community.tests.factories import IssueFactory, SubscriberFactory
from veerkracht.core.models import OutgoingMail
from veerkracht.core.vocabulary import THEMES

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _jobs_at_once(monkeypatch):
    """Mails and batches are queued on commit; the test's transaction never commits: run them at once."""
    monkeypatch.setattr("django.db.transaction.on_commit", lambda func, using=None, robust=False: func())


PROPOSED: list[DigestItem] = []


@pytest.fixture(autouse=True)
def _test_section():
    """A digest section of our own whose items each test sets (PROPOSED)."""
    section = digest.register(
        digest.Section("test", "Uit de test", lambda region, since, until: list(PROPOSED))
    )
    yield
    digest.SECTIONS.remove(section)
    PROPOSED.clear()


def _draft(region, staff, *titles, subregions=("",)):
    PROPOSED[:] = [
        DigestItem("test", title, f"/test/{n}/", subregion=subregion)
        for n, (title, subregion) in enumerate(zip(titles, list(subregions) * len(titles), strict=False))
    ]
    month = date(2000 + Issue.objects.count(), 1, 1)
    return issue_create(region=region, month=month, actor=staff)


def test_a_draft_collects_sessions_coming_up(region, staff):
    venlo = municipality("GM0983")
    EventFactory(title="Wandelen in Venlo", municipality=venlo, starts_at=timezone.now() + timedelta(days=3))
    EventFactory(title="Te ver weg", starts_at=timezone.now() + timedelta(days=200))
    issue = issue_create(region=region, month=timezone.localdate(), actor=staff)
    items = list(issue.items.all())
    assert [i.title for i in items] == ["Wandelen in Venlo"]
    assert items[0].section == "session" and items[0].subregion == venlo.subregion.slug


def test_a_draft_collects_initiatives_that_need_help(region, staff):
    from veerkracht.actioncentre.models import Review
    from veerkracht.actioncentre.tests.factories import InitiativeFactory, NeedFactory

    helped = InitiativeFactory(title="Moestuin zoekt handen", code="GM0983")
    NeedFactory(initiative=helped, description="Mensen om te wieden")
    NeedFactory(initiative=InitiativeFactory(title="Nog niet goedgekeurd", review=Review.PENDING))
    NeedFactory(initiative=InitiativeFactory(title="Al geholpen"), is_open=False)
    issue = issue_create(region=region, month=timezone.localdate(), actor=staff)
    items = [i for i in issue.items.all() if i.section == "initiative"]
    assert [(i.title, i.text) for i in items] == [("Moestuin zoekt handen", "Mensen om te wieden")]
    assert items[0].subregion == "noord-limburg" and items[0].url == f"/initiatieven/{helped.slug}/"


def test_a_busy_month_gives_each_part_of_the_region_its_newest_five_per_section(region, staff):
    """Hundreds of stories in a month still make a mail people read, and every subregion keeps its own."""
    areas = ["noord-limburg"] * 7 + [""] * 6 + ["zuid-limburg"] * 2
    issue = _draft(region, staff, *[f"Bericht {n}" for n in range(len(areas))], subregions=areas)
    kept = [(item.subregion, item.title) for item in issue.items.filter(section="test")]
    assert [title for area, title in kept if area == "noord-limburg"] == [f"Bericht {n}" for n in range(5)]
    assert [title for area, title in kept if area == ""] == [f"Bericht {n}" for n in range(7, 12)]
    assert [title for area, title in kept if area == "zuid-limburg"] == ["Bericht 13", "Bericht 14"]


def test_only_editors_make_a_draft_and_one_per_month(region, staff, ambassador):
    with pytest.raises(PermissionDenied):
        issue_create(region=region, month=date(2026, 12, 1), actor=ambassador)
    issue_create(region=region, month=date(2026, 12, 9), actor=staff)
    with pytest.raises(ValidationError):
        issue_create(region=region, month=date(2026, 12, 1), actor=staff)


def test_items_are_filtered_per_subscriber():
    items = [
        DigestItem("session", "Hele regio", "/a/"),
        DigestItem("session", "Noord", "/b/", subregion="noord-limburg"),
        DigestItem(
            "session", "Zuid eenzaamheid", "/c/", subregion="zuid-limburg", themes=THEMES.bits["loneliness"]
        ),
        DigestItem("session", "Zuid geld", "/d/", subregion="zuid-limburg", themes=THEMES.bits["money"]),
    ]
    titles = lambda reader: [i.title for i in items_for(items, reader)]  # noqa: E731
    assert titles(Reader()) == ["Hele regio", "Noord", "Zuid eenzaamheid", "Zuid geld"]
    assert titles(Reader(frozenset({"zuid-limburg"}))) == ["Hele regio", "Zuid eenzaamheid", "Zuid geld"]
    zuid_lonely = Reader(frozenset({"zuid-limburg"}), THEMES.bits["loneliness"])
    assert titles(zuid_lonely) == ["Hele regio", "Zuid eenzaamheid"]


def test_reorder_and_remove(client_for, region, staff):
    issue = _draft(region, staff, "Eerste", "Tweede", "Derde")
    client = client_for(staff)
    first, second, third = issue.items.all()
    client.post(f"/nieuwsbrief/redactie/bericht/{third.pk}/verplaatsen/", {"richting": "omhoog"})
    assert [i.title for i in issue.items.all()] == ["Eerste", "Derde", "Tweede"]
    client.post(f"/nieuwsbrief/redactie/bericht/{first.pk}/verplaatsen/", {"richting": "omlaag"})
    assert [i.title for i in issue.items.all()] == ["Derde", "Eerste", "Tweede"]
    issue_item_move(item=third, up=True, actor=staff)  # already first: stays
    client.post(f"/nieuwsbrief/redactie/bericht/{second.pk}/weghalen/")
    assert [i.title for i in issue.items.all()] == ["Derde", "Eerste"]
    response = client.post(f"/nieuwsbrief/redactie/{issue.pk}/", {"introduction": "Hallo allemaal!"})
    assert response.status_code == 302
    issue.refresh_from_db()
    assert issue.introduction == "Hallo allemaal!"


def test_the_mail_has_one_click_unsubscribe_and_no_tracking(region, staff):
    issue = _draft(region, staff, "Wandelen")
    subscriber = SubscriberFactory()
    rendered = render_mail(issue, list(issue.items.all()), subscriber)
    assert rendered.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = rendered.headers["List-Unsubscribe"][1:-1]
    assert link.startswith("http") and "/nieuwsbrief/afmelden/" in link
    assert link in rendered.text and link in rendered.html
    assert "<img" not in rendered.html


def test_sending_in_batches_is_idempotent(region, staff, settings):
    settings.SITE_URL = "https://veerkracht.example"
    noord, zuid = region.subregions.get(slug="noord-limburg"), region.subregions.get(slug="zuid-limburg")
    issue = _draft(
        region, staff, "Voor iedereen", "Alleen Noord", "Verborgen", subregions=("", "noord-limburg", "")
    )
    PROPOSED.pop()  # hidden since the draft was made: it goes before sending
    north = SubscriberFactory(email="noord@example.org", subregions=[noord])
    south = SubscriberFactory(email="zuid@example.org", subregions=[zuid])
    SubscriberFactory(email="nooit@example.org", confirmed_at=None)
    issue_send(issue=issue, actor=staff)
    assert Delivery.objects.filter(issue=issue).count() == 2
    # The batches ran at once (on commit); running one again queues nothing twice.
    assert deliveries_send_batch(issue_id=issue.pk) == 0
    Delivery.objects.filter(issue=issue).update(status=DeliveryStatus.PENDING)  # a worker killed mid-batch
    Issue.objects.filter(pk=issue.pk).update(status=IssueStatus.SENDING)
    deliveries_send_batch(issue_id=issue.pk)
    assert OutgoingMail.objects.filter(key__startswith=f"community.newsletter:{issue.pk}:").count() == 2
    to = {m.to[0]: m for m in mail.outbox}
    assert set(to) == {"noord@example.org", "zuid@example.org"}
    assert (
        "Alleen Noord" in to["noord@example.org"].body and "Alleen Noord" not in to["zuid@example.org"].body
    )
    raw = message_from_bytes(to["zuid@example.org"].message().as_bytes())
    assert " ".join(raw["List-Unsubscribe"].split()).startswith(
        "<https://veerkracht.example/nieuwsbrief/afmelden/"
    )
    assert raw["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENT and issue.recipients == 2
    assert north.deliveries.get().status == south.deliveries.get().status == DeliveryStatus.QUEUED
    with pytest.raises(ValidationError):
        issue_send(issue=issue, actor=staff)


def test_an_unsubscribe_during_sending_skips_them(region, staff, monkeypatch):
    monkeypatch.setattr("veerkracht.community.services.newsletter._enqueue_batch", lambda pk: None)
    issue = _draft(region, staff, "Iets")
    leaving = SubscriberFactory()
    SubscriberFactory()
    issue_send(issue=issue, actor=staff)
    subscriber_unsubscribe(subscriber=leaving)
    assert deliveries_send_batch(issue_id=issue.pk, size=1) == 0
    assert leaving.deliveries.get().status == DeliveryStatus.SKIPPED
    assert len(mail.outbox) == 1


def test_test_send_goes_to_the_editor_only(client_for, region, staff):
    issue = _draft(region, staff, "Iets")
    SubscriberFactory()
    response = client_for(staff).post(f"/nieuwsbrief/redactie/{issue.pk}/test/")
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [[staff.email]]
    assert mail.outbox[0].subject.startswith("[Test]")
    issue_send_test(issue=issue, actor=staff)
    assert len(mail.outbox) == 2
    issue.refresh_from_db()
    assert issue.status == IssueStatus.DRAFT


def test_mail_preview_html_and_text(client_for, region, staff):
    issue = _draft(region, staff, "Wandelen")
    client = client_for(staff)
    html = client.get(f"/nieuwsbrief/redactie/{issue.pk}/e-mail/")
    text = client.get(f"/nieuwsbrief/redactie/{issue.pk}/e-mail/?als=tekst")
    assert "Wandelen" in html.content.decode() and html["Content-Type"].startswith("text/html")
    assert "Wandelen" in text.content.decode() and text["Content-Type"].startswith("text/plain")


@pytest.mark.parametrize(
    "url",
    [
        "/nieuwsbrief/redactie/",
        "/nieuwsbrief/redactie/{pk}/",
        "/nieuwsbrief/redactie/{pk}/e-mail/",
        "/nieuwsbrief/{pk}/",
    ],
)
def test_others_do_not_reach_the_editor_or_drafts(client_for, region, staff, ambassador, url):
    issue = _draft(region, staff, "Iets")
    for user in (None, ambassador):
        assert client_for(user).get(url.format(pk=issue.pk)).status_code == 404


def test_others_cannot_change_or_send(client_for, region, staff, ambassador):
    issue = _draft(region, staff, "Iets")
    item = issue.items.get()
    client = client_for(ambassador)
    for url in (
        f"/nieuwsbrief/redactie/{issue.pk}/test/",
        f"/nieuwsbrief/redactie/{issue.pk}/versturen/",
        f"/nieuwsbrief/redactie/bericht/{item.pk}/weghalen/",
        f"/nieuwsbrief/redactie/bericht/{item.pk}/verplaatsen/",
    ):
        assert client.post(url).status_code == 404
    assert issue.items.count() == 1 and not mail.outbox


def test_withdrawn_items_leave_every_issue(region, staff):
    issue = _draft(region, staff, "Een", "Twee")
    assert issue_items_withdraw(url="/test/0/") == 1
    assert [i.title for i in issue.items.all()] == ["Twee"]


def test_the_archive_lists_sent_issues_only(client, region, django_assert_num_queries):
    sent = [IssueFactory(status=IssueStatus.SENT) for _n in range(3)]
    draft = IssueFactory()
    with django_assert_num_queries(3):
        response = client.get("/nieuwsbrief/")
    html = response.content.decode()
    assert all(f"/nieuwsbrief/{issue.pk}/" in html for issue in sent)
    assert f"/nieuwsbrief/{draft.pk}/" not in html
    assert client.get("/nieuwsbrief/?page=abc").status_code == 200
    assert client.get("/nieuwsbrief/?page=99999999999999999999").status_code == 200


def test_an_archived_issue_page(client, region, staff, django_assert_num_queries):
    issue = _draft(region, staff, "Een", "Twee", "Drie")
    Issue.objects.filter(pk=issue.pk).update(status=IssueStatus.SENT, introduction="Welkom")
    with django_assert_num_queries(3):
        response = client.get(f"/nieuwsbrief/{issue.pk}/")
    assert "Drie" in response.content.decode() and "Welkom" in response.content.decode()
    assert client.get("/nieuwsbrief/999999/").status_code == 404


def test_editor_pages_have_a_constant_number_of_queries(
    client_for, region, staff, django_assert_max_num_queries
):
    areas = ("", "noord-limburg", "midden-limburg", "zuid-limburg")
    issue = _draft(region, staff, *[f"Bericht {n}" for n in range(20)], subregions=areas)
    assert issue.items.count() == 20
    client = client_for(staff)
    client.get("/nieuwsbrief/redactie/")  # warm the session
    with django_assert_max_num_queries(12):
        assert client.get(f"/nieuwsbrief/redactie/{issue.pk}/").status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get("/nieuwsbrief/redactie/").status_code == 200


def test_the_editor_makes_a_draft_from_the_form(client_for, region, staff):
    client = client_for(staff)
    month = f"{timezone.localdate():%Y-%m}"
    response = client.post("/nieuwsbrief/redactie/", {"month": month})
    issue = Issue.objects.get()
    assert response.url == f"/nieuwsbrief/redactie/{issue.pk}/"
    again = client.post("/nieuwsbrief/redactie/", {"month": month})
    assert again.status_code == 200 and "al een nieuwsbrief" in again.content.decode()
    assert client.post("/nieuwsbrief/redactie/", {"month": "1999-01"}).status_code == 200
