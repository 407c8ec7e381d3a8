"""Dashboard pages, downloads and the municipality report, on the known dataset of ``monitor_data``."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client
from django.urls import reverse

from veerkracht.monitor.models import Figure

from .conftest import HEERLEN, MAASTRICHT, VAALS, ZUID_LIMBURG

pytestmark = pytest.mark.django_db


def dutch(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


PAGES = [
    ("monitor:region", ()),
    ("monitor:subregion", (ZUID_LIMBURG,)),
    ("monitor:municipality", (MAASTRICHT,)),
    ("monitor:outcomes", ()),
    ("monitor:gap", ()),
    ("monitor:definitions", ()),
]


@pytest.mark.parametrize("persona", [None, "resident", "professional", "analyst", "region_admin"])
def test_every_dashboard_page_opens_for_everyone(monitor_data, client_for, persona, request):
    user = request.getfixturevalue(persona) if persona else None
    client = client_for(user)
    for name, args in PAGES:
        response = client.get(reverse(name, args=args))
        assert response.status_code == 200, name


def test_the_municipality_page_shows_known_numbers_and_hides_small_groups(monitor_data, client):
    page = client.get(
        reverse("monitor:municipality", args=[MAASTRICHT]), {"periode": "2025"}
    ).content.decode()
    assert "25 deelnemers" in page
    assert dutch(monitor_data.expected["score_2025_mean"][MAASTRICHT]) in page
    vaals = client.get(reverse("monitor:municipality", args=[VAALS]), {"periode": "2025"}).content.decode()
    assert "Deze cijfers zijn verborgen" in vaals and "3,0" not in vaals
    sub = client.get(reverse("monitor:subregion", args=[ZUID_LIMBURG]), {"periode": "2025"}).content.decode()
    assert "verborgen" in sub


def test_no_hidden_figure_carries_a_value_anywhere(monitor_data):
    hidden = Figure.objects.filter(suppressed=True)
    assert hidden.exists()
    assert not hidden.exclude(value__isnull=True, n__isnull=True, data__isnull=True).exists()
    hidden_codes = set(
        hidden.filter(indicator="score", period__kind="year", breakdown="").values_list(
            "area_code", flat=True
        )
    )
    assert monitor_data.expected["score_2025_suppressed_municipalities"] <= hidden_codes


def test_municipality_splits_by_education_are_for_analysts_only(monitor_data, client_for, resident, analyst):
    params = {"gebied": MAASTRICHT, "uitsplitsing": "opleiding", "periode": "2025"}
    page = client_for(resident).get(reverse("monitor:outcomes"), params).content.decode()
    assert "alleen te zien voor analisten" in page and "Naar opleiding" not in page
    page = client_for(analyst).get(reverse("monitor:outcomes"), params).content.decode()
    high_mean = monitor_data.expected["score_2025_education_maastricht"]["high"][1]
    assert "Naar opleiding" in page and dutch(high_mean) in page
    # The region's split is public.
    region_page = (
        client_for(resident).get(reverse("monitor:outcomes"), {"uitsplitsing": "opleiding"}).content.decode()
    )
    assert "Naar opleiding" in region_page


def test_the_gap_per_municipality_is_for_analysts_only(monitor_data, client_for, resident, analyst):
    params = {"gebied": MAASTRICHT}
    page = client_for(resident).get(reverse("monitor:gap"), params).content.decode()
    assert "alleen te zien voor analisten" in page
    page = client_for(analyst).get(reverse("monitor:gap"), params).content.decode()
    assert dutch(monitor_data.expected["gap_2025_maastricht"]) in page


def test_bad_input_gets_a_message_not_an_error(monitor_data, client):
    for params in ({"periode": "2025-K9"}, {"periode": "1999"}, {"gebied": "GM9999"}, {"uitsplitsing": "x"}):
        response = client.get(reverse("monitor:outcomes"), params)
        assert response.status_code == 200
    page = client.get(reverse("monitor:region"), {"periode": "abc"}).content.decode()
    assert "Voor die periode zijn er geen cijfers" in page
    assert client.get(reverse("monitor:municipality", args=["GM9999"])).status_code == 404
    assert client.get(reverse("monitor:subregion", args=["nergens"])).status_code == 404
    assert client.get(reverse("monitor:download", args=["nope"])).status_code == 404


def test_csv_has_the_same_numbers_and_hides_what_the_page_hides(monitor_data, client_for, resident, analyst):
    response = client_for(resident).get(reverse("monitor:download", args=["reach"]), {"periode": "2025"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    header, body = rows[0], rows[1:]
    code, breakdown, level = (
        header.index("gebiedscode"),
        header.index("uitsplitsing"),
        header.index("gebiedsniveau"),
    )
    by_area = {(r[code], r[breakdown]): r for r in body}
    assert by_area[(MAASTRICHT, "")][header.index("waarde")] == str(
        monitor_data.expected["reach_2025"][MAASTRICHT]
    )
    # Hidden: no value, no n, and "ja" in its own column.
    vaals = by_area[(VAALS, "")]
    assert (vaals[header.index("waarde")], vaals[header.index("n")], vaals[header.index("verborgen")]) == (
        "",
        "",
        "ja",
    )
    # Age splits per municipality: only for analysts.
    assert not any(r[breakdown] == "age_band" and r[level] == "municipality" for r in body)
    analyst_rows = client_for(analyst).get(reverse("monitor:download", args=["reach"]), {"periode": "2025"})
    assert "age_band" in analyst_rows.content.decode("utf-8-sig")


def test_the_report_is_a_pdf(monitor_data, client):
    response = client.get(reverse("monitor:municipality_report", args=[MAASTRICHT]), {"periode": "2025"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert client.get(reverse("monitor:municipality_report", args=["GM9999"])).status_code == 404


def test_a_report_is_made_once_per_snapshot_and_making_new_ones_is_limited(monitor_data, client, monkeypatch):
    from veerkracht.monitor import jobs, views

    made = []
    real = views.html_to_pdf
    monkeypatch.setattr(views, "html_to_pdf", lambda html: made.append(1) or real(html))
    url = reverse("monitor:municipality_report", args=[MAASTRICHT])
    first = client.get(url, {"periode": "2025"})
    again = client.get(url, {"periode": "2025"})
    assert first.content == again.content and len(made) == 1  # served from the cache
    for year in range(2000, 2012):  # asking for many different reports at once is limited
        last = client.get(url, {"periode": str(year)})
    assert last.status_code == 429
    # The snapshot job makes the public ones in advance: a visitor then waits for none.
    assert jobs.reports_warm(monitor_data.region) > 0
    made.clear()
    assert Client().get(reverse("monitor:municipality_report", args=["GM0917"])).status_code == 200
    assert made == []


@pytest.mark.parametrize("name, args", PAGES)
def test_pages_use_a_fixed_number_of_queries(monitor_data, client, django_assert_max_num_queries, name, args):
    with django_assert_max_num_queries(12):
        assert client.get(reverse(name, args=args), {"periode": "2025"}).status_code == 200


def test_query_count_does_not_grow_with_more_municipalities_in_the_table(
    monitor_data, client, django_assert_num_queries
):
    # The subregion page lists every municipality in it from one query: count it once, then again
    # with another period that has the same structure.
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as first:
        client.get(reverse("monitor:subregion", args=[ZUID_LIMBURG]), {"periode": "2025"})
    with django_assert_num_queries(len(first.captured_queries)):
        client.get(reverse("monitor:region"), {"periode": "2025"})
    assert HEERLEN  # the subregion holds Heerlen, Maastricht and Vaals among others


def test_every_hidden_figure_carries_the_same_neutral_mark(monitor_data, client):
    """Vaals is hidden because 3 people are too few, Heerlen (12 people) only to protect Vaals: both
    say "verborgen", and no page claims a hidden cell holds fewer than 10 people."""
    sub = client.get(reverse("monitor:subregion", args=[ZUID_LIMBURG]), {"periode": "2025"}).content.decode()
    sub = sub.split('id="id_gemeente_kiezen"', 1)[1].split("</select>", 1)[1]  # past the municipality picker
    rows = {name: sub[sub.index(f">{name}<") :].split("</tr>", 1)[0] for name in ("Vaals", "Heerlen")}
    assert "verborgen" in rows["Vaals"] and "verborgen" in rows["Heerlen"]
    url = reverse("monitor:municipality", args=[HEERLEN])
    heerlen = client.get(url, {"periode": "2025"}).content.decode()
    for html in (sub, heerlen):
        assert "&lt; 10" not in html and "< 10" not in html and "minder dan 10 mensen" not in html.lower()


def test_a_policy_maker_gets_to_their_municipality_in_one_step(client, monitor_data):
    page = client.get(reverse("monitor:region")).content.decode()
    assert 'action="/monitor/gemeente/"' in page and '<option value="GM0935">Maastricht</option>' in page
    response = client.get(reverse("monitor:municipality_pick"), {"gemeente": "GM0935"})
    assert response.status_code == 302 and response.url == reverse("monitor:municipality", args=["GM0935"])
    # The municipality's own page shows it chosen; a wrong or empty choice gets a plain message.
    own = client.get(response.url).content.decode()
    assert '<option value="GM0935" selected>Maastricht</option>' in own
    for wrong in ({"gemeente": "GM9999"}, {"gemeente": "<script>"}, {}):
        back = client.get(reverse("monitor:municipality_pick"), wrong, follow=True)
        assert back.status_code == 200 and "Kies een gemeente uit de lijst." in back.content.decode()
