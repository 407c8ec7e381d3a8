"""Ambassadors' pages as each role: applying (and bad input), the applicant's page, "Mijn
ambassadeurschap", and the staff's review, checklist, pause/stop and lessons. Others get a 404; the
motivation is seen by the applicant and staff only."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from veerkracht.accounts.models import Role
from veerkracht.accounts.tests.factories import UserFactory
from veerkracht.network.models import Ambassador, AmbassadorApplication, AmbassadorStatus, ApplicationStatus
from veerkracht.network.tests.factories.ambassadors import make_ambassador, make_application

pytestmark = pytest.mark.django_db
BECOME = reverse("network:ambassador_become")
MINE = reverse("network:ambassador_mine")
MANAGE = reverse("network:manage_ambassadors")


def _form(region, **overrides) -> dict:
    data = {
        "motivation": "Ik zie in mijn wijk hoeveel mensen alleen zijn.",
        "municipality": region.municipalities.get(code="GM0917").pk,
        "neighbourhood": "",
        "background": "professional",
        "time_available": "week",
        "themes": ["loneliness"],
        "dimensions": ["participation", "meaning"],
    }
    return data | overrides


def test_anyone_reads_the_explanation_and_a_login_link(client, region):
    page = client.get(BECOME).content.decode()
    assert "Ambassadeur worden" in page and "Inloggen om je aan te melden" in page and "<textarea" not in page


def test_a_resident_applies_and_sees_the_application(client_for, region, resident):
    client = client_for(resident)
    response = client.post(BECOME, _form(region))
    application = AmbassadorApplication.objects.get(user=resident)
    assert response.status_code == 302 and response.url == reverse(
        "network:ambassador_application", args=[application.pk]
    )
    page = client.get(response.url).content.decode()
    assert "Ik zie in mijn wijk" in page and "Ingediend" in page
    assert (
        application.municipality.code == "GM0917"
        and application.themes
        and application.background == "professional"
    )


def test_bad_input_is_a_400_with_dutch_messages_and_nothing_saved(client_for, region, resident):
    client = client_for(resident)
    response = client.post(BECOME, _form(region, motivation="", background="", themes=["nonsense"]))
    page = response.content.decode()
    assert response.status_code == 400 and "Vul dit in." in page and "Kies of je het als inwoner" in page
    response = client.post(BECOME, _form(region, municipality=999999))
    assert response.status_code == 400
    assert not AmbassadorApplication.objects.exists()


def test_a_second_open_application_says_so_with_a_link(client_for, region, resident):
    first = make_application(region, resident)
    page = client_for(resident).get(BECOME).content.decode()
    assert (
        "Je hebt je al aangemeld" in page
        and reverse("network:ambassador_application", args=[first.pk]) in page
    )
    assert "<textarea" not in page
    client_for(resident).post(BECOME, _form(region))
    assert AmbassadorApplication.objects.count() == 1


def test_an_ambassador_is_told_they_already_are_one(client_for, region, ambassador):
    page = client_for(ambassador).get(BECOME).content.decode()
    assert "Je bent al ambassadeur." in page and "<textarea" not in page


@pytest.mark.parametrize("who", ["outsider", "ambassador", "partner_admin", "analyst"])
def test_nobody_else_sees_an_application_or_its_motivation(client_for, region, resident, who, request):
    application = make_application(region, resident)
    client = client_for(request.getfixturevalue(who))
    assert client.get(reverse("network:ambassador_application", args=[application.pk])).status_code == 404
    assert client.get(reverse("network:manage_application", args=[application.pk])).status_code == 404
    assert client.get(MANAGE).status_code == 404
    assert (
        client.post(reverse("network:ambassador_application_withdraw", args=[application.pk])).status_code
        == 404
    )


def test_the_applicant_withdraws(client_for, region, resident):
    application = make_application(region, resident)
    client_for(resident).post(reverse("network:ambassador_application_withdraw", args=[application.pk]))
    application.refresh_from_db()
    assert application.status == ApplicationStatus.WITHDRAWN


@pytest.mark.parametrize("who", ["staff", "region_admin"])
def test_staff_invite_decline_and_see_the_motivation(client_for, region, resident, who, request):
    application = make_application(region, resident)
    client = client_for(request.getfixturevalue(who))
    page = client.get(MANAGE).content.decode()
    assert resident.display_name in page
    detail = reverse("network:manage_application", args=[application.pk])
    assert "Ik wil mijn buurt" in client.get(detail).content.decode()
    response = client.post(
        reverse("network:manage_application_invite", args=[application.pk]), {"invite-message": ""}
    )
    assert response.status_code == 400 and "Vul dit in." in response.content.decode()
    client.post(
        reverse("network:manage_application_invite", args=[application.pk]),
        {"invite-message": "Maandag 9 uur"},
    )
    response = client.post(
        reverse("network:manage_application_decline", args=[application.pk]), {"decline-reason": " "}
    )
    assert response.status_code == 400
    client.post(
        reverse("network:manage_application_decline", args=[application.pk]), {"decline-reason": "Nu niet."}
    )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DECLINED and application.message == "Nu niet."
    own = client_for(resident).get(reverse("network:ambassador_application", args=[application.pk]))
    assert "Nu niet." in own.content.decode() and "6 maanden" in own.content.decode()


def test_staff_accept_with_a_start_date_and_a_bad_date_is_a_400(client_for, region, resident, staff):
    application = make_application(region, resident)
    client = client_for(staff)
    url = reverse("network:manage_application_accept", args=[application.pk])
    response = client.post(url, {"accept-start_on": "gisteren"})
    assert response.status_code == 400 and "geldige datum" in response.content.decode()
    response = client.post(url, {"accept-start_on": "2000-01-01"})
    assert response.status_code == 400 and "startdatum" in response.content.decode()
    response = client.post(url, {"accept-start_on": timezone.localdate(application.created_at).isoformat()})
    ambassador = Ambassador.objects.get(user=resident)
    assert response.url == reverse("network:manage_ambassador", args=[ambassador.pk])
    resident.refresh_from_db()
    assert resident.has_role(Role.AMBASSADOR) and ambassador.status == AmbassadorStatus.ONBOARDING


def test_the_ambassador_sees_the_checklist_and_pauses_resumes_and_stops(client_for, region, resident, staff):
    ambassador = make_ambassador(region, staff, resident)
    client = client_for(resident)
    page = client.get(MINE).content.decode()
    assert "Kennismakingsgesprek gehouden" in page and reverse("connect:ambassador_edit") in page
    client.post(reverse("network:ambassador_pause"), {"pause-reason": ""})
    ambassador.refresh_from_db()
    assert ambassador.status == AmbassadorStatus.PAUSED
    client.post(reverse("network:ambassador_resume"))
    response = client.post(reverse("network:ambassador_stop"), {"stop-reason": ""})
    assert response.status_code == 400 and "Vul dit in." in response.content.decode()
    client.post(reverse("network:ambassador_stop"), {"stop-reason": "Ik ga verhuizen."})
    ambassador.refresh_from_db()
    assert ambassador.status == AmbassadorStatus.STOPPED
    assert "Meld je opnieuw aan" in client.get(MINE).content.decode()
    assert client.post(reverse("network:ambassador_pause")).status_code == 404  # no longer an ambassador


def test_staff_tick_finish_and_stop_and_read_the_lessons_without_names(client_for, region, resident, staff):
    ambassador = make_ambassador(region, staff, resident)
    client = client_for(staff)
    page = reverse("network:manage_ambassador", args=[ambassador.pk])
    assert "Workshop voor ambassadeurs gevolgd" in client.get(page).content.decode()
    tick = reverse("network:manage_ambassador_tick", args=[ambassador.pk])
    response = client.post(tick, {"item": "intro", "on": ""})
    assert response.status_code == 400 and "Kies de datum" in response.content.decode()
    client.post(tick, {"item": "intro", "on": "2026-01-02"})
    ambassador.refresh_from_db()
    assert ambassador.intro_held_on.isoformat() == "2026-01-02"
    response = client.post(reverse("network:manage_ambassador_group", args=[ambassador.pk]))
    assert response.status_code == 400 and "nog geen ambassadeursgroep" in response.content.decode()
    client.post(reverse("network:manage_ambassador_done", args=[ambassador.pk]))
    ambassador.refresh_from_db()
    assert ambassador.status == AmbassadorStatus.ACTIVE
    client.post(
        reverse("network:manage_ambassador_stop", args=[ambassador.pk]), {"stop-reason": "Geen tijd."}
    )
    lessons = client.get(reverse("network:manage_ambassador_lessons")).content.decode()
    assert "Geen tijd." in lessons and resident.display_name not in lessons


@pytest.mark.parametrize("who", ["resident", "ambassador", "partner_admin"])
def test_staff_pages_of_an_ambassador_are_404_for_others(client_for, region, staff, who, request):
    ambassador = make_ambassador(region, staff)
    client = client_for(request.getfixturevalue(who))
    assert client.get(reverse("network:manage_ambassador", args=[ambassador.pk])).status_code == 404
    assert (
        client.post(
            reverse("network:manage_ambassador_stop", args=[ambassador.pk]), {"stop-reason": "x"}
        ).status_code
        == 404
    )
    assert client.get(reverse("network:manage_ambassador_lessons")).status_code == 404


def _queries(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def test_the_staff_list_takes_the_same_queries_for_more_rows(client_for, region, staff):
    client = client_for(staff)
    make_application(region)
    make_ambassador(region, staff)
    before = _queries(client, MANAGE)
    for _ in range(3):
        make_application(region)
        make_ambassador(region, staff)
        UserFactory(roles=(Role.AMBASSADOR,))
    assert _queries(client, MANAGE) == before


def test_staff_read_what_an_ambassador_did_this_year_and_nobody_else_does(
    client_for, region, staff, resident
):
    from django.utils import timezone

    from veerkracht.network.models import Activity

    ambassador = make_ambassador(region, staff, resident)
    today = timezone.localdate()
    for kind, note in (("conversation", "Koffie met de buurvrouw"), ("talk", "Praatje bij de bieb")):
        Activity.objects.create(
            ambassador=ambassador, region=region, on=today, kind=kind, people=4, note=note
        )
    url = reverse("network:manage_ambassador", args=[ambassador.pk])
    html = client_for(staff).get(url).content.decode()
    assert 'data-year-total="2"' in html
    assert "Koffie met de buurvrouw" in html and "Praatje bij de bieb" in html
    other = client_for(UserFactory(email="iemand@example.org"))
    assert other.get(url).status_code == 404
