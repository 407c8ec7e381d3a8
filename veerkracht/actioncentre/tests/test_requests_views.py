from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from veerkracht.accounts.models import Role
from veerkracht.accounts.tests.factories import UserFactory
from veerkracht.actioncentre.models import EventKind, Request, RequestEvent, RequestStatus
from veerkracht.actioncentre.services import requests as services
from veerkracht.regions.tests.factories import MunicipalityFactory, RegionFactory

pytestmark = pytest.mark.django_db

BASE = "http://testserver"
XSS = '<script>alert("x")</script>'
NOT_STAFF = ["resident", "outsider", "professional", "ambassador", "partner_admin", "analyst", "region_admin"]


def submit(region, **overrides) -> tuple[Request, str]:
    data = {
        "region": region,
        "kind": "question",
        "title": "Hoe begin ik een buurtmoestuin?",
        "description": "We hebben een stuk grond maar geen plan.",
        "name": "Bram",
        "email": "bram@example.org",
        "contact_consent": True,
        "base_url": BASE,
        **overrides,
    }
    if "municipality" not in data:
        data["municipality"] = region.municipalities.get(code="GM0935")
    return services.request_submit(**data)


def form_data(region, **overrides) -> dict:
    return {
        "kind": "idea",
        "title": "Samen koken in het buurthuis",
        "description": "Een keer per week samen koken en eten.",
        "municipality": region.municipalities.get(code="GM0935").pk,
        "themes": ["food", "loneliness"],
        "dimensions": ["participation"],
        "needs": ["place", "people"],
        "name": "Carla",
        "email": "carla@example.org",
        "contact_consent": "on",
        **overrides,
    }


@pytest.fixture
def other_staff(region):
    return UserFactory(email="collega@example.org", roles=[Role.STAFF])


@pytest.fixture
def elsewhere(db):
    region = RegionFactory(province_code="PV30")
    muni = MunicipalityFactory(code="GM9999", name="Ergens", region=region)
    return region, muni


def _html(response) -> str:
    return response.content.decode()


# --- Landing page -----------------------------------------------------------------------------


def test_the_landing_page_explains_and_links_to_the_intake(client, region):
    region.contact_email, region.contact_phone = "actie@example.org", "043 123 45 67"
    region.save()
    html = _html(client.get(reverse("actioncentre:home")))
    assert reverse("actioncentre:intake") in html
    assert 'href="/initiatieven/"' in html and 'href="/verbinden/"' in html
    assert "actie@example.org" in html and "tel:0431234567" in html
    for word in ("Inspireren", "Verbinden", "Versnellen"):
        assert word in html
    assert html.count("<h1") == 1


# --- Intake -----------------------------------------------------------------------------------


def test_the_intake_form_has_every_field_and_a_hidden_honeypot(client, region):
    html = _html(client.get(reverse("actioncentre:intake")))
    for name in (
        "kind",
        "title",
        "description",
        "municipality",
        "themes",
        "dimensions",
        "needs",
        "name",
        "email",
    ):
        assert f'name="{name}"' in html
    assert "Het actiecentrum mag contact met mij opnemen over mijn vraag" in html
    assert re.search(r'class="vk-honeypot"[^>]*>\s*<label[^>]*>Laat dit veld leeg', html)
    assert "Meedoen (contact met anderen, meedoen, werk)" in html


def test_the_intake_is_prefilled_for_a_logged_in_person_who_becomes_the_sender(
    client_for, resident, region, django_capture_on_commit_callbacks
):
    client = client_for(resident)
    html = _html(client.get(reverse("actioncentre:intake")))
    assert 'value="inwoner@example.org"' in html
    assert f'value="{resident.profile.municipality_id}" selected' in html
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("actioncentre:intake"), form_data(region, email="inwoner@example.org"))
    assert Request.objects.get().sender == resident


def test_sending_the_intake_saves_mails_the_link_and_shows_it_once(
    client, region, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("actioncentre:intake"), form_data(region))
    assert response.status_code == 302 and response.url == reverse("actioncentre:thanks")
    item = Request.objects.get()
    assert item.kind == "idea" and item.sender is None and item.contact_consent
    assert item.theme_labels == ["Eenzaamheid en meedoen", "Gezond eten"]
    link = re.search(r"http://testserver(/actiecentrum/volgen/[\w-]+/)", mail.outbox[0].body).group(1)
    thanks = client.get(reverse("actioncentre:thanks"))
    assert "Bewaar deze link" in _html(thanks) and link in _html(thanks)
    assert "no-store" in thanks["Cache-Control"] and '<meta name="robots" content="noindex">' in _html(thanks)
    again = _html(client.get(reverse("actioncentre:thanks")))
    assert link not in again and "e-mail" in again
    assert client.get(link, follow=True).status_code == 200


def test_a_filled_honeypot_looks_like_success_but_saves_and_mails_nothing(
    client, region, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("actioncentre:intake"), form_data(region, website="http://spam.example")
        )
    assert response.url == reverse("actioncentre:thanks")
    assert not Request.objects.exists() and mail.outbox == []
    assert "Bewaar deze link" not in _html(client.get(response.url))


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"title": "x" * 121}, "niet meer dan 120 tekens"),
        ({"description": "x" * 3001}, "niet meer dan 3000 tekens"),
        ({"contact_consent": ""}, "Vink dit aan"),
        ({"kind": ""}, "Kies of je een vraag"),
        ({"email": "geen-adres"}, "e-mailadres"),
        ({"themes": ["bestaat-niet"]}, "bestaat-niet"),
    ],
)
def test_bad_intake_input_gets_the_form_back_and_saves_nothing(client, region, overrides, message):
    response = client.post(reverse("actioncentre:intake"), form_data(region, **overrides))
    assert response.status_code == 200
    assert "Er ging iets mis" in _html(response) and message in _html(response)
    assert not Request.objects.exists()


def test_a_municipality_from_another_region_is_refused(client, region, elsewhere):
    _other, muni = elsewhere
    response = client.post(reverse("actioncentre:intake"), form_data(region, municipality=muni.pk))
    assert response.status_code == 200 and not Request.objects.exists()


def test_the_intake_is_limited_per_connection(client, region):
    for i in range(5):
        response = client.post(reverse("actioncentre:intake"), form_data(region, email=f"p{i}@example.org"))
        assert response.status_code == 302
    response = client.post(reverse("actioncentre:intake"), form_data(region, email="p9@example.org"))
    assert response.status_code == 429
    assert "Vanaf deze verbinding" in _html(response) and 'name="title"' in _html(response)
    assert Request.objects.count() == 5
    # Another connection may still send.
    other = Client(REMOTE_ADDR="10.0.0.2")
    assert other.post(reverse("actioncentre:intake"), form_data(region)).status_code == 302


def test_the_intake_is_limited_per_e_mail_address(region):
    for i in range(3):
        client = Client(REMOTE_ADDR=f"10.0.1.{i}")
        assert client.post(reverse("actioncentre:intake"), form_data(region)).status_code == 302
    response = Client(REMOTE_ADDR="10.0.1.9").post(
        reverse("actioncentre:intake"), form_data(region, email="CARLA@example.org")
    )
    assert response.status_code == 429 and "Met dit e-mailadres" in _html(response)
    assert Request.objects.count() == 3


# --- Private follow page ----------------------------------------------------------------------


def test_the_follow_page_shows_status_and_public_timeline_only(
    client, region, staff, other_staff, django_capture_on_commit_callbacks
):
    # Names that cannot turn up in the page by chance (a random first name may equal the sender's).
    for person, name in ((staff, "Medewerker Zwaluw"), (other_staff, "Medewerker Reiger")):
        person.profile.display_name = name
        person.profile.save(update_fields=["display_name"])
    item, old_token = submit(region, title=XSS)
    services.request_assign(request=item, assignee=other_staff, actor=staff)
    services.request_add_note(request=item, author=staff, text="Geheime notitie")
    with django_capture_on_commit_callbacks(execute=True):
        services.request_message_sender(request=item, author=staff, text="Bel ons gerust", base_url=BASE)
    token = re.search(r"/volgen/([\w-]+)/", mail.outbox[-1].body).group(1)
    # The message came with a fresh link: the old one is gone.
    assert client.get(reverse("actioncentre:follow", args=[old_token])).status_code == 404
    response = client.get(reverse("actioncentre:follow", args=[token]), follow=True)
    html = _html(response)
    assert response.status_code == 200
    assert response.redirect_chain == [(reverse("actioncentre:follow_page"), 302)]
    assert "Status: wordt opgepakt" in html and "Iemand van het actiecentrum pakt je vraag op" in html
    assert "Bel ons gerust" in html and "Geheime notitie" not in html
    assert other_staff.display_name not in html and staff.display_name not in html
    assert XSS not in html and "&lt;script&gt;" in html
    # The secret is not in the address the page is shown at, so no referrer can carry it.
    assert token not in response.request["PATH_INFO"] and token not in html
    assert "no-store" in response["Cache-Control"] and response["X-Robots-Tag"] == "noindex, nofollow"
    assert '<meta name="robots" content="noindex">' in html


@pytest.mark.parametrize("who", [None, "resident", "outsider", "staff", "analyst", "region_admin"])
def test_the_follow_page_needs_the_right_link_and_nothing_else(region, client_for, request, who):
    user = request.getfixturevalue(who) if who else None
    _item, token = submit(region)
    client = client_for(user)
    assert client.get(reverse("actioncentre:follow", args=[token]), follow=True).status_code == 200
    assert client.get(reverse("actioncentre:follow", args=["verkeerd-" + token])).status_code == 404
    assert client.get(reverse("actioncentre:follow", args=["x" * 200])).status_code == 404
    assert client.post(reverse("actioncentre:follow", args=["onbekend"]), {"text": "hoi"}).status_code == 404
    assert not RequestEvent.objects.filter(kind=EventKind.SENDER_MESSAGE).exists()


def test_the_follow_page_without_a_link_says_where_to_find_it(client, region):
    _item, token = submit(region)
    page = client.get(reverse("actioncentre:follow_page"))
    assert page.status_code == 404 and "Open de link in je e-mail" in _html(page)
    assert client.post(reverse("actioncentre:follow_page"), {"text": "hoi"}).status_code == 404
    # Someone else's browser never sees this sender's request, also not after they opened it.
    client.get(reverse("actioncentre:follow", args=[token]))
    assert Client().get(reverse("actioncentre:follow_page")).status_code == 404


def test_the_sender_can_add_information_within_limits(client, region):
    item, token = submit(region)
    client.get(reverse("actioncentre:follow", args=[token]))
    url = reverse("actioncentre:follow_page")
    response = client.post(url, {"text": "Ik vergat: het gaat om 10 mensen."})
    assert response.status_code == 302 and response.url == url
    assert "Ik vergat: het gaat om 10 mensen." in _html(client.get(url))
    too_long = client.post(url, {"text": "x" * 2001})
    assert too_long.status_code == 200 and "niet meer dan 2000 tekens" in _html(too_long)
    assert item.events.filter(kind=EventKind.SENDER_MESSAGE).count() == 1
    for _ in range(9):
        assert client.post(url, {"text": "Nog iets"}).status_code == 302
    limited = client.post(url, {"text": "En nog iets"})
    assert limited.status_code == 429 and "al vaak iets aangevuld" in _html(limited)
    assert item.events.filter(kind=EventKind.SENDER_MESSAGE).count() == 10


def test_a_closed_request_cannot_get_additions(client, region, staff):
    item, token = submit(region)
    services.request_change_status(request=item, to_status="closed", actor=staff, reason="done")
    url = reverse("actioncentre:follow", args=[token])
    html = _html(client.get(url, follow=True))
    assert "Je vraag is afgesloten" in html and "geholpen of beantwoord" in html and 'name="text"' not in html
    assert client.post(url, {"text": "Toch nog iets"}).status_code == 200
    assert not item.events.filter(kind=EventKind.SENDER_MESSAGE).exists()


# --- Board: access ----------------------------------------------------------------------------


def test_anonymous_people_are_sent_to_log_in_for_the_board(client, region):
    item, _token = submit(region)
    for url in (reverse("actioncentre:board"), reverse("actioncentre:request", args=[item.pk])):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response.url
    response = client.post(
        reverse("actioncentre:request_status", args=[item.pk]), {"status-to_status": "closed"}
    )
    assert response.status_code == 302 and "/accounts/login/" in response.url


@pytest.mark.parametrize("who", NOT_STAFF)
def test_everyone_but_staff_gets_a_404_on_the_board(region, client_for, request, who):
    item, _token = submit(region)
    client = client_for(request.getfixturevalue(who))
    assert client.get(reverse("actioncentre:board")).status_code == 404
    assert client.get(reverse("actioncentre:request", args=[item.pk])).status_code == 404
    posts = {
        "request_status": {"status-to_status": "closed", "status-reason": "spam"},
        "request_assign": {"assign-assignee": ""},
        "request_note": {"note-text": "x"},
        "request_message": {"message-text": "x"},
    }
    for name, data in posts.items():
        assert client.post(reverse(f"actioncentre:{name}", args=[item.pk]), data).status_code == 404
    bulk = {"ids": [item.pk], "action": "close", "reason": "spam"}
    assert client.post(reverse("actioncentre:board_bulk"), bulk).status_code == 404
    item.refresh_from_db()
    assert item.status == RequestStatus.NEW and item.events.count() == 1


def test_staff_see_only_their_own_region(client_for, staff, region, elsewhere):
    other_region, muni = elsewhere
    item, _token = submit(other_region, municipality=muni, title="Elders gevraagd")
    client = client_for(staff)
    assert "Elders gevraagd" not in _html(client.get(reverse("actioncentre:board")))
    assert client.get(reverse("actioncentre:request", args=[item.pk])).status_code == 404
    assert client.get(reverse("actioncentre:request", args=[99999])).status_code == 404


# --- Board: list, filters, bulk ---------------------------------------------------------------


def test_the_board_lists_requests_with_a_stale_warning_and_escapes_titles(client_for, staff, region):
    _fresh, _t = submit(region, title="Vers binnen")
    old, _t = submit(region, title=XSS)
    Request.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=14))
    html = _html(client_for(staff).get(reverse("actioncentre:board")))
    assert "Vers binnen" in html and XSS not in html and "&lt;script&gt;" in html
    assert "Wacht al 10 werkdagen" in html
    assert "1 nieuwe vraag wacht langer dan 5 werkdagen" in html
    main = html.split("<main", 1)[1]
    assert main.count('aria-hidden="true" focusable="false"') == 2  # icon beside the text, not instead of it
    stale_only = _html(client_for(staff).get(reverse("actioncentre:board") + "?stale=on"))
    assert "Vers binnen" not in stale_only and "&lt;script&gt;" in stale_only


def test_the_board_leads_staff_to_the_approval_queue_the_connections_and_failed_mails(
    client_for, staff, region
):
    # These pages exist only for staff and nothing else links to them: without these links they are lost.
    html = _html(client_for(staff).get(reverse("actioncentre:board")))
    for name in ("initiatives:review", "connect:connections", "core:failed_mail"):
        assert f'href="{reverse(name)}"' in html
        assert client_for(staff).get(reverse(name)).status_code == 200


def test_the_board_filters(client_for, staff, other_staff, region):
    maastricht = region.municipalities.get(code="GM0935")
    venlo = region.municipalities.get(code="GM0983")
    _a, _t = submit(region, title="Alpha", themes=["money"], dimensions=["mind"], kind="idea")
    b, _t = submit(region, title="Beta", municipality=venlo, email="beta@example.org", kind="support")
    c, _t = submit(region, title="Gamma", description="iets over zwemmen")
    services.request_assign(request=b, assignee=staff, actor=staff)
    services.request_assign(request=c, assignee=other_staff, actor=staff)
    services.request_change_status(request=c, to_status="closed", actor=staff, reason="done")
    client = client_for(staff)

    def titles(query: str) -> set[str]:
        html = _html(client.get(reverse("actioncentre:board") + query))
        return {t for t in ("Alpha", "Beta", "Gamma") if f">{t}</a>" in html}

    assert titles("") == {"Alpha", "Beta"}  # open ones by default
    assert titles("?status=alle") == {"Alpha", "Beta", "Gamma"}
    assert titles("?status=closed") == {"Gamma"}
    assert titles("?status=new") == {"Alpha"}
    assert titles(f"?municipality={venlo.pk}") == {"Beta"}
    assert titles(f"?subregion={maastricht.subregion_id}") == {"Alpha"}
    assert titles("?theme=money") == {"Alpha"}
    assert titles("?dimension=mind") == {"Alpha"}
    assert titles("?kind=support") == {"Beta"}
    assert titles("?assignee=ik") == {"Beta"}
    assert titles("?assignee=niemand") == {"Alpha"}
    assert titles(f"?assignee={other_staff.pk}&status=alle") == {"Gamma"}
    assert titles("?q=ZWEMMEN&status=alle") == {"Gamma"}
    assert titles("?q=beta@example") == {"Beta"}
    # A value that does not exist does not filter and does not crash.
    assert titles("?municipality=999999&theme=nope&pagina=99") == {"Alpha", "Beta"}


def test_the_board_pages_by_25(client_for, staff, region):
    for i in range(27):
        submit(region, title=f"Vraag nummer {i:02d}", email=f"p{i}@example.org")
    client = client_for(staff)
    first = _html(client.get(reverse("actioncentre:board")))
    assert first.count('name="ids"') == 25 and "Pagina 1 van 2" in first and "27 vragen" in first
    second = _html(client.get(reverse("actioncentre:board") + "?pagina=2"))
    assert second.count('name="ids"') == 2


def test_the_board_query_count_does_not_grow(
    client_for, staff, other_staff, region, django_assert_max_num_queries
):
    client = client_for(staff)
    url = reverse("actioncentre:board") + f"?municipality={region.municipalities.get(code='GM0935').pk}"

    def make(n: int) -> int:
        for i in range(n):
            item, _t = submit(region, title=f"Vraag {i}", email=f"q{i}@example.org")
            if i % 2:
                services.request_assign(request=item, assignee=other_staff, actor=staff)
        client.get(url)  # warm the session
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    small = make(3)
    Request.objects.all().delete()
    large = make(30)
    assert small == large
    with django_assert_max_num_queries(12):
        client.get(url)


def test_bulk_actions_assign_and_close(client_for, staff, other_staff, region, elsewhere):
    items = [submit(region, title=f"Bulk {i}", email=f"b{i}@example.org")[0] for i in range(3)]
    other_region, muni = elsewhere
    foreign, _t = submit(other_region, municipality=muni)
    client = client_for(staff)
    url = reverse("actioncentre:board_bulk")
    response = client.post(
        url, {"ids": [items[0].pk, foreign.pk], "action": "me", "query": "status=alle&q=x"}
    )
    assert response.url == reverse("actioncentre:board") + "?status=alle&q=x"
    assert Request.objects.get(pk=items[0].pk).assignee == staff
    assert Request.objects.get(pk=foreign.pk).assignee is None
    client.post(url, {"ids": [items[1].pk], "action": "assign", "assignee": other_staff.pk})
    assert Request.objects.get(pk=items[1].pk).assignee == other_staff
    # Closing without a reason: a message, nothing changed.
    response = client.post(url, {"ids": [i.pk for i in items], "action": "close"}, follow=True)
    assert "Kies waarom je de vragen afsluit" in _html(response)
    assert not Request.objects.filter(status=RequestStatus.CLOSED).exists()
    response = client.post(
        url, {"ids": [i.pk for i in items], "action": "close", "reason": "duplicate"}, follow=True
    )
    assert "3 vragen zijn afgesloten" in _html(response)
    assert Request.objects.filter(status=RequestStatus.CLOSED, close_reason="duplicate").count() == 3
    response = client.post(url, {"action": "me"}, follow=True)
    assert "Kies eerst een of meer vragen" in _html(response)
    response = client.post(url, {"ids": ["abc"], "action": "me", "query": "//evil.example"})
    assert response.status_code == 302 and response.url.startswith("/actiecentrum/bord/")
    assert client.post(url, {"ids": [items[2].pk], "action": "assign", "assignee": "999"}).status_code == 302
    assert Request.objects.get(pk=items[2].pk).assignee is None


# --- Detail -----------------------------------------------------------------------------------


def test_the_detail_page_shows_everything_to_staff(client_for, staff, region):
    item, _token = submit(region, title=XSS, themes=["money"])
    services.request_add_note(request=item, author=staff, text="Alleen voor ons")
    html = _html(client_for(staff).get(reverse("actioncentre:request", args=[item.pk])))
    assert "&lt;script&gt;" in html and XSS not in html
    assert "Alleen voor ons" in html and "Interne notitie: de indiener ziet dit niet" in html
    assert "bram@example.org" in html and "Geldzorgen en schulden" in html
    # Only allowed next statuses are offered: from "new" that is "wordt opgepakt" and "afgesloten".
    options = re.findall(
        r'<option value="(\w+)"', html.split('name="status-to_status"')[1].split("</select>")[0]
    )
    assert options == ["handling", "closed"]


def test_status_changes_from_the_detail_page(client_for, staff, region):
    item, _token = submit(region)
    client = client_for(staff)
    url = reverse("actioncentre:request_status", args=[item.pk])
    response = client.post(url, {"status-to_status": "connected"})
    assert response.status_code == 200 and "Selecteer een geldige keuze" in _html(response)
    response = client.post(url, {"status-to_status": "closed"})
    assert response.status_code == 200 and "Kies waarom je de vraag afsluit" in _html(response)
    item.refresh_from_db()
    assert item.status == RequestStatus.NEW
    response = client.post(url, {"status-to_status": "closed", "status-reason": "referred"})
    assert response.url == reverse("actioncentre:request", args=[item.pk])
    item.refresh_from_db()
    assert (item.status, item.close_reason) == ("closed", "referred")


def test_a_form_made_for_an_older_status_gets_a_plain_message(client_for, staff, region):
    item, _token = submit(region)
    services.request_change_status(request=item, to_status="handling", actor=staff)
    # A colleague closed it while this page (offering "verbonden") was open.
    services.request_change_status(request=item, to_status="closed", actor=staff, reason="done")
    response = client_for(staff).post(
        reverse("actioncentre:request_status", args=[item.pk]), {"status-to_status": "connected"}
    )
    assert response.status_code == 200 and "Selecteer een geldige keuze" in _html(response)
    item.refresh_from_db()
    assert item.status == RequestStatus.CLOSED


def test_assign_note_and_message_from_the_detail_page(
    client_for, staff, other_staff, region, django_capture_on_commit_callbacks
):
    item, old_token = submit(region)
    client = client_for(staff)
    client.post(reverse("actioncentre:request_assign", args=[item.pk]), {"assign-assignee": other_staff.pk})
    item.refresh_from_db()
    assert item.assignee == other_staff and item.status == RequestStatus.HANDLING
    client.post(reverse("actioncentre:request_assign", args=[item.pk]), {"assign-assignee": ""})
    item.refresh_from_db()
    assert item.assignee is None
    response = client.post(
        reverse("actioncentre:request_assign", args=[item.pk]), {"assign-assignee": "424242"}
    )
    assert response.status_code == 200 and "Selecteer een geldige keuze" in _html(response)

    response = client.post(reverse("actioncentre:request_note", args=[item.pk]), {"note-text": "Intern"})
    assert response.status_code == 302
    response = client.post(reverse("actioncentre:request_note", args=[item.pk]), {"note-text": "x" * 3001})
    assert response.status_code == 200 and "niet meer dan 3000 tekens" in _html(response)
    assert item.events.filter(kind=EventKind.NOTE).count() == 1

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("actioncentre:request_message", args=[item.pk]), {"message-text": "We bellen je morgen."}
        )
    assert response.status_code == 302
    body = mail.outbox[-1].body
    assert mail.outbox[-1].to == ["bram@example.org"] and "We bellen je morgen." in body
    new_link = re.search(r"http://testserver(/actiecentrum/volgen/[\w-]+/)", body).group(1)
    anonymous = Client()
    assert anonymous.get(reverse("actioncentre:follow", args=[old_token])).status_code == 404
    follow = _html(anonymous.get(new_link, follow=True))
    assert "We bellen je morgen." in follow and "Intern" not in follow


def test_the_detail_query_count_does_not_grow(client_for, staff, other_staff, region):
    client = client_for(staff)

    def count(events: int) -> int:
        item, _token = submit(region)
        for i in range(events):
            services.request_add_note(
                request=item, author=staff if i % 2 else other_staff, text=f"Notitie {i}"
            )
        url = reverse("actioncentre:request", args=[item.pk])
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    assert count(3) == count(30)


def test_the_follow_page_query_count_does_not_grow(client, region):
    def count(events: int) -> int:
        item, token = submit(region)
        for i in range(events):
            services.request_add_sender_info(request=item, text=f"Aanvulling {i}")
        client.get(reverse("actioncentre:follow", args=[token]))
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("actioncentre:follow_page")).status_code == 200
        return len(queries)

    assert count(3) == count(30)


def test_without_a_region_the_landing_page_still_works_and_the_intake_is_a_404(client, db):
    assert client.get(reverse("actioncentre:home")).status_code == 200
    assert client.get(reverse("actioncentre:intake")).status_code == 404
    assert client.get(reverse("actioncentre:thanks")).status_code == 200


def test_behind_a_proxy_the_intake_limit_counts_each_client_not_the_proxy(region, settings):
    """Production behind one proxy: every request comes from the proxy's address, the client's is in
    X-Forwarded-For. One busy client is limited; another client is not."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    busy = Client(HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy)
    for i in range(5):
        assert (
            busy.post(
                reverse("actioncentre:intake"), form_data(region, email=f"b{i}@example.org")
            ).status_code
            == 302
        )
    assert (
        busy.post(reverse("actioncentre:intake"), form_data(region, email="b9@example.org")).status_code
        == 429
    )
    # A client cannot hide behind an address of its own choosing: the proxy appends the real one.
    spoofing = Client(HTTP_X_FORWARDED_FOR="198.51.100.99, 203.0.113.5", **proxy)
    assert (
        spoofing.post(reverse("actioncentre:intake"), form_data(region, email="s@example.org")).status_code
        == 429
    )
    other = Client(HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy)
    assert (
        other.post(reverse("actioncentre:intake"), form_data(region, email="o@example.org")).status_code
        == 302
    )


def test_the_intake_asks_what_matters_first_and_folds_the_rest(client, region):
    html = _html(client.get(reverse("actioncentre:intake")))
    first, folded = html.split('<details class="vk-details vk-form-more"')
    for name in ("kind", "title", "description", "municipality", "name", "email", "contact_consent"):
        assert f'name="{name}"' in first
    for name in ("themes", "dimensions", "needs"):
        assert f'name="{name}"' in folded and f'name="{name}"' not in first
    assert folded.startswith(">")  # closed
    # Opened when it already knows something (from the spider web), or after a wrong or filled answer.
    prefilled = _html(client.get(reverse("actioncentre:intake") + "?kant=participation"))
    assert '<details class="vk-details vk-form-more" open>' in prefilled
    assert re.search(r'<input[^>]*value="participation"[^>]*checked', prefilled)
    posted = _html(client.post(reverse("actioncentre:intake"), {"themes": ["food"]}))
    assert '<details class="vk-details vk-form-more" open>' in posted
    assert (
        'class="utrecht-alert utrecht-alert--error vk-error-summary" role="alert" tabindex="-1" autofocus'
        in posted
    )
