"""The ambassador's activities: their own only (a 404 for everyone else), the one-minute form with its
checks, a double tap that logs once, changing and deleting what they logged, the year and its PDF."""

from __future__ import annotations

import re
import zlib
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from veerkracht.accounts.tests.factories import UserFactory
from veerkracht.network.models import Activity, ActivitySource, AmbassadorStatus
from veerkracht.network.tests.factories.activities import make_activity, make_ambassador

pytestmark = pytest.mark.django_db

URL = "/netwerk/activiteiten/"


def _post(client, **changes):
    data = {
        "kind": "talk",
        "on": timezone.localdate().isoformat(),
        "municipality": "",
        "people": "25",
        "note": "Praatje bij de bibliotheek",
        **changes,
    }
    return client.post(URL, data)


@pytest.fixture
def mine(region, resident):
    return make_ambassador(region, user=resident)


def test_the_url_is_the_one_in_the_issue():
    assert reverse("network:activities") == URL
    assert (
        reverse("network:activities_overview_pdf", args=[2025]) == "/netwerk/activiteiten/2025/overzicht.pdf"
    )


def test_people_without_an_ambassador_row_get_a_404(region, resident, staff, client_for):
    assert client_for(resident).get(URL).status_code == 404
    assert client_for(staff).get(URL).status_code == 404
    assert client_for(resident).post(URL, {"kind": "talk"}).status_code == 404
    assert client_for(None).get(URL).status_code == 302  # to the login page


@pytest.mark.parametrize(
    "status", [AmbassadorStatus.ACTIVE, AmbassadorStatus.ONBOARDING, AmbassadorStatus.PAUSED]
)
def test_starting_active_and_paused_ambassadors_have_the_page(region, resident, client_for, status):
    make_ambassador(region, user=resident, status=status)
    response = client_for(resident).get(URL)
    assert response.status_code == 200
    assert "Jouw jaar" in response.content.decode()


def test_a_stopped_ambassador_gets_a_404(region, resident, client_for):
    make_ambassador(region, user=resident, status=AmbassadorStatus.STOPPED)
    assert client_for(resident).get(URL).status_code == 404


def test_the_form_starts_with_today_and_the_ambassadors_municipality(mine, resident, client_for):
    html = client_for(resident).get(URL).content.decode()
    assert f'value="{timezone.localdate().isoformat()}"' in html
    assert re.search(rf'<option value="{mine.municipality_id}" selected>Maastricht</option>', html)
    assert 'type="radio"' in html and 'name="submission_key"' in html


def test_logging_an_activity_saves_it_and_shows_it_in_the_year(mine, resident, client_for, region):
    client = client_for(resident)
    maastricht = region.municipalities.get(code="GM0935")
    response = _post(client, municipality=str(maastricht.pk))
    assert response.status_code == 302
    activity = Activity.objects.get()
    assert (activity.ambassador, activity.kind, activity.people, activity.municipality) == (
        mine,
        "talk",
        25,
        maastricht,
    )
    assert activity.source == ActivitySource.LOGGED and activity.region == region
    page = client.get(response["Location"]).content.decode()
    assert "Praatje bij de bibliotheek" in page and "Dank je wel" in page
    assert "1 activiteit, met ongeveer 25 mensen." in page


def test_a_double_tap_logs_once(mine, resident, client_for):
    client = client_for(resident)
    first = _post(client, submission_key="k" * 24)
    second = _post(client, submission_key="k" * 24)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Activity.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"on": (timezone.localdate() + timedelta(days=3)).isoformat()}, "in de toekomst"),
        ({"on": (timezone.localdate() - timedelta(days=400)).isoformat()}, "meer dan een jaar geleden"),
        ({"on": "gisteren"}, "Vul een datum in"),
        ({"people": "0"}, "minstens 1"),
        ({"people": "100000"}, "heel veel mensen"),
        ({"people": "veel"}, "heel getal"),
        ({"kind": ""}, "Kies wat je deed"),
        ({"kind": "party"}, "Kies wat je deed uit de lijst"),
        ({"municipality": "999999"}, "Kies een gemeente uit de lijst"),
        ({"note": "x" * 201}, "hoogstens 200 tekens"),
    ],
)
def test_bad_input_gets_a_clear_message_and_saves_nothing(mine, resident, client_for, changes, message):
    response = _post(client_for(resident), **changes)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Activity.objects.exists()


def test_a_municipality_of_another_region_cannot_be_chosen(mine, resident, client_for):
    from veerkracht.regions.services import region_load

    other = region_load(slug="friesland", province="PV21").region.municipalities.first()
    response = _post(client_for(resident), municipality=str(other.pk))
    assert response.status_code == 400 and not Activity.objects.exists()


def test_the_year_counts_kinds_people_and_months(mine, resident, client_for):
    year = timezone.localdate().year - 1
    make_activity(mine, on=date(year, 3, 2), kind="conversation", people=1)
    make_activity(mine, on=date(year, 3, 20), kind="talk", people=30)
    make_activity(
        mine, on=date(year, 11, 5), kind="session", people=12, source="agenda", source_key="agenda.event:1"
    )
    make_activity(mine, on=date(year - 1, 5, 5), kind="talk", people=99)  # another year
    response = client_for(resident).get(reverse("network:activities_year", args=[year]))
    html = response.content.decode()
    assert response.context["year"].per_month == [0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 1, 0]
    assert response.context["year"].people == 43
    assert "3 activiteiten, met ongeveer 43 mensen." in html
    assert response.context["years"] == [year + 1, year, year - 1]
    assert "<svg" in html and "Activiteiten per maand in" in html and "<table" in html


def test_the_year_page_reads_a_fixed_number_of_queries_and_shows_the_latest_30(
    mine, resident, client_for, django_assert_max_num_queries
):
    first = date(timezone.localdate().year, 1, 1)
    for day in range(27):
        make_activity(mine, on=first + timedelta(days=day))
    client = client_for(resident)
    client.get(URL)
    with django_assert_max_num_queries(12):
        html = client.get(URL).content.decode()
    assert html.count('class="vk-card"') == 27 and "Toon alle" not in html
    for day in range(27, 34):
        make_activity(mine, on=first + timedelta(days=day))
    html = client.get(URL).content.decode()
    assert html.count('class="vk-card"') == 30 and "Toon alle 34 activiteiten van dit jaar" in html
    with django_assert_max_num_queries(12):
        html = client.get(URL, {"alles": "1"}).content.decode()
    assert html.count('class="vk-card"') == 34


def test_years_out_of_range_are_a_404(mine, resident, client_for):
    client = client_for(resident)
    assert client.get(reverse("network:activities_year", args=[1999])).status_code == 404
    assert (
        client.get(reverse("network:activities_year", args=[timezone.localdate().year + 1])).status_code
        == 404
    )


def test_an_ambassador_changes_and_deletes_what_they_logged(mine, resident, client_for):
    activity = make_activity(mine, kind="conversation", people=1)
    client = client_for(resident)
    url = reverse("network:activity_edit", args=[activity.pk])
    assert client.get(url).status_code == 200
    bad = client.post(url, {"kind": "talk", "on": activity.on.isoformat(), "people": "-1"})
    assert bad.status_code == 400
    response = client.post(
        url, {"kind": "talk", "on": activity.on.isoformat(), "people": "12", "note": "Toch een praatje"}
    )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert (activity.kind, activity.people, activity.note, activity.municipality) == (
        "talk",
        12,
        "Toch een praatje",
        None,
    )
    delete = reverse("network:activity_delete", args=[activity.pk])
    assert client.get(delete).status_code == 200 and Activity.objects.exists()
    assert client.post(delete).status_code == 302
    assert not Activity.objects.exists()


def test_automatic_rows_are_read_only(mine, resident, client_for):
    automatic = make_activity(mine, kind="session", source="agenda", source_key="agenda.event:5")
    client = client_for(resident)
    page = client.get(URL).content.decode()
    assert "uit de agenda" in page and reverse("network:activity_edit", args=[automatic.pk]) not in page
    assert client.get(reverse("network:activity_edit", args=[automatic.pk])).status_code == 404
    assert client.post(reverse("network:activity_delete", args=[automatic.pk])).status_code == 404
    assert Activity.objects.filter(pk=automatic.pk).exists()


def test_someone_elses_activity_is_a_404(mine, region, outsider, client_for):
    activity = make_activity(mine)
    make_ambassador(region, user=outsider)
    client = client_for(outsider)
    assert client.get(reverse("network:activity_edit", args=[activity.pk])).status_code == 404
    assert client.post(reverse("network:activity_delete", args=[activity.pk])).status_code == 404
    assert (
        client.post(reverse("network:activity_edit", args=[activity.pk]), {"kind": "talk"}).status_code == 404
    )
    assert Activity.objects.filter(pk=activity.pk, kind="conversation").exists()
    assert activity.note not in client.get(URL).content.decode() or not activity.note


def _inflated(pdf: bytes) -> bytes:
    found = [pdf]
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            found.append(zlib.decompress(stream))
        except zlib.error:
            continue
    return b"\n".join(found)


def test_the_year_overview_pdf_is_the_ambassadors_own(region, client_for):
    user = UserFactory(display_name="Anna Jansen")
    ambassador = make_ambassador(region, user=user)
    year = timezone.localdate().year
    make_activity(ambassador, kind="talk", people=20)
    response = client_for(user).get(reverse("network:activities_overview_pdf", args=[year]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert b"Anna Jansen" in _inflated(response.content)
    other = UserFactory()
    assert client_for(other).get(reverse("network:activities_overview_pdf", args=[year])).status_code == 404
