"""The open-data API: exact figures, small-number protection (and an attempt to break it), who sees what,
errors that help, and the OpenAPI contract checked by schemathesis."""

from __future__ import annotations

from collections import defaultdict
from fractions import Fraction

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, settings

from veerkracht.core.indicators import indicators
from veerkracht.core.vocabulary import DIMENSION_KEYS
from veerkracht.monitor.api import _figure_out
from veerkracht.monitor.models import Figure

from .conftest import HEERLEN, MAASTRICHT, VAALS, ZUID_LIMBURG

pytestmark = pytest.mark.django_db

API = "/api/v1"
HIDDEN = "verborgen"


def get(client: Client, path: str, **params):
    return client.get(f"{API}{path}", params)


def figures(client: Client, key: str, **params) -> dict:
    response = get(client, f"/indicators/{key}/figures", **params)
    assert response.status_code == 200, response.content
    return response.json()


def by_area(answer: dict) -> dict[tuple[str, str], dict]:
    return {(f["area_code"], f["category"]): f for f in answer["figures"]}


@pytest.fixture
def anonymous() -> Client:
    return Client()


@pytest.fixture
def as_analyst(client_for, analyst) -> Client:
    return client_for(analyst)


# --- Definitions, areas and periods -------------------------------------------------------------------


def test_it_lists_every_indicator_with_its_breakdowns(anonymous, region):
    answer = get(anonymous, "/indicators").json()
    assert [i["key"] for i in answer] == [i.key for i in indicators()]
    score = next(i for i in answer if i["key"] == "score")
    assert score["about_residents"] is True
    assert score["periods"] == ["quarter", "year"]
    assert score["unit"] == "score" and score["group"] == "outcomes"
    assert score["notes"] and score["definition"]
    education = next(b for b in score["breakdowns"] if b["key"] == "education")
    assert education["analyst_only"] is True
    assert [c["key"] for c in education["categories"]] == ["low", "middle", "high", "onbekend"]
    assert all(c["label"] for c in education["categories"])


def test_it_lists_the_region_its_subregions_and_municipalities(anonymous, region):
    answer = get(anonymous, "/areas").json()
    levels = defaultdict(list)
    for area in answer:
        levels[area["level"]].append(area)
    assert [a["code"] for a in levels["region"]] == ["limburg"]
    assert len(levels["subregion"]) == 3
    assert len(levels["municipality"]) == 31 + 1  # and "onbekend"
    areas = {a["code"]: a for a in answer}
    assert areas[MAASTRICHT]["name"] == "Maastricht"
    assert areas[MAASTRICHT]["parent"] == {"level": "subregion", "code": ZUID_LIMBURG}
    assert areas[ZUID_LIMBURG]["parent"] == {"level": "region", "code": "limburg"}
    assert areas["onbekend"]["parent"] == {"level": "region", "code": "limburg"}
    assert levels["region"][0]["parent"] is None


def test_it_lists_the_stored_periods(anonymous, monitor_data):
    answer = get(anonymous, "/periods").json()
    slugs = defaultdict(list)
    for period in answer:
        slugs[period["kind"]].append(period["slug"])
    assert slugs["year"] == ["2025", "2026"]
    assert slugs["quarter"] == ["2025-K1", "2025-K2", "2025-K3", "2025-K4", "2026-K1"]
    assert slugs["month"][0] == "2025-01" and slugs["month"][-1] == "2026-02" and len(slugs["month"]) == 14
    years = {p["slug"]: p for p in get(anonymous, "/periods", kind="year").json()}
    assert set(years) == {"2025", "2026"}
    assert years["2025"] == {
        "kind": "year",
        "slug": "2025",
        "label": "2025",
        "start": "2025-01-01",
        "end": "2026-01-01",
        "is_closed": True,
    }
    assert years["2026"]["is_closed"] is False


# --- Exact figures ------------------------------------------------------------------------------------


def test_it_gives_the_known_scores(anonymous, monitor_data):
    expected = monitor_data.expected
    answer = figures(anonymous, "score", period="2025")
    assert answer["period"]["slug"] == "2025" and answer["breakdown"] == ""
    assert answer["hidden_levels"] == []
    rows = by_area(answer)
    for code, n in expected["score_2025_n"].items():
        row = rows[(code, "")]
        assert row["n"] == n and row["suppressed"] is False
        assert {row["data"][dim]["mean"] for dim in DIMENSION_KEYS} == {expected["score_2025_mean"][code]}
    assert rows[(MAASTRICHT, "")]["area_name"] == "Maastricht"
    assert rows[(MAASTRICHT, "")]["area_level"] == "municipality"
    # A municipality nobody filled in a web for: zero people, nothing to say, nothing hidden.
    assert rows[("GM0983", "")] == {
        "area_level": "municipality",
        "area_code": "GM0983",
        "area_name": "Venlo",
        "breakdown": "",
        "category": "",
        "category_label": "",
        "value": None,
        "n": 0,
        "suppressed": False,
        "shown": None,
        "data": None,
    }
    # Areas in order: region, subregions, municipalities by name, "onbekend" last.
    assert answer["figures"][0]["area_code"] == "limburg"
    assert answer["figures"][-1]["area_code"] == "onbekend"


def test_it_gives_known_splits_change_gap_reach_and_movement(anonymous, as_analyst, monitor_data):
    expected = monitor_data.expected
    rows = by_area(figures(as_analyst, "score", period="2025", area_code=MAASTRICHT, breakdown="education"))
    for category, (n, mean) in expected["score_2025_education_maastricht"].items():
        assert rows[(MAASTRICHT, category)]["n"] == n
        assert rows[(MAASTRICHT, category)]["data"]["body"]["mean"] == mean
    assert rows[(MAASTRICHT, "low")]["category_label"].startswith("laag")
    assert rows[(MAASTRICHT, "onbekend")]["n"] == 0
    rows = by_area(figures(as_analyst, "score", period="2025", area_code=MAASTRICHT, breakdown="age_band"))
    assert {cat: rows[(MAASTRICHT, cat)]["n"] for cat in expected["score_2025_age_maastricht"]} == (
        expected["score_2025_age_maastricht"]
    )
    n, mean = expected["score_2025_K1_maastricht"]
    row = by_area(figures(anonymous, "score", period="2025-K1", area_code=MAASTRICHT))[(MAASTRICHT, "")]
    # A municipality gets no distribution over low, middle and high (a few people per band would say
    # too much); the region and its subregions do.
    assert (row["n"], row["data"]["mind"]["mean"], row["data"]["mind"]["bands"]) == (n, mean, None)

    n, mean = expected["change_2025_maastricht"]
    rows = by_area(figures(anonymous, "change", period="2025"))
    for code in ("limburg", ZUID_LIMBURG, MAASTRICHT):
        assert rows[(code, "")]["n"] == n
        assert rows[(code, "")]["data"]["body"] == {"mean": mean, "ci": [mean, mean]}

    gap = by_area(figures(as_analyst, "gap", period="2025"))
    assert gap[(MAASTRICHT, "")]["data"]["daily"]["gap"] == expected["gap_2025_maastricht"]
    assert gap[(ZUID_LIMBURG, "")]["data"]["daily"] == {
        "gap": 0.6,
        "low": 5.4,
        "high": 6.0,
        "n_low": 30,
        "n_high": 10,
    }
    assert gap[(VAALS, "")]["suppressed"] is True and gap[(VAALS, "")]["data"] is None

    reach = by_area(figures(anonymous, "reach", period="2025"))
    assert {code: reach[(code, "")]["value"] for code in expected["reach_2025"]} == expected["reach_2025"]
    assert reach[(MAASTRICHT, "")]["shown"] == 27.0

    requests = by_area(figures(anonymous, "requests", period="2025"))
    assert {code: requests[(code, "")]["value"] for code in expected["requests_2025"]} == (
        expected["requests_2025"]
    )
    assert requests[(MAASTRICHT, "")]["n"] is None  # movement figures count things, not people
    phases = by_area(figures(anonymous, "initiatives", period="2025", area_level="region", breakdown="phase"))
    assert phases[("limburg", "connect")]["value"] == expected["initiatives_2025_connect"]
    assert phases[("limburg", "inspire")]["value"] == 0


def test_without_a_period_it_gives_the_latest_closed_one_of_the_first_kind(anonymous, monitor_data):
    # Snapshot on 15 Feb 2026: January 2026 is the latest closed month, 2025-K4 the latest quarter.
    assert figures(anonymous, "requests")["period"]["slug"] == "2026-01"
    assert figures(anonymous, "score")["period"]["slug"] == "2025-K4"
    assert figures(anonymous, "change")["period"]["slug"] == "2025"
    open_month = figures(anonymous, "requests", period="2026-02")
    assert open_month["period"]["is_closed"] is False


# --- Small-number protection --------------------------------------------------------------------------


def test_small_groups_are_hidden_with_their_complement(as_analyst, monitor_data):
    rows = by_area(figures(as_analyst, "score", period="2025", area_level="municipality"))
    vaals, heerlen = rows[(VAALS, "")], rows[(HEERLEN, "")]
    for row in (vaals, heerlen):
        assert row["suppressed"] is True
        assert row["shown"] == HIDDEN
        assert (row["value"], row["n"], row["data"]) == (None, None, None)
    # Heerlen has 12 people, but showing it would give Vaals away: zuid-limburg - Maastricht - Heerlen.
    assert {code for (code, _c), row in rows.items() if row["suppressed"]} == (
        monitor_data.expected["score_2025_suppressed_municipalities"]
    )
    areas = {a["code"]: a for a in get(as_analyst, "/areas").json()}
    assert areas[VAALS]["parent"] == areas[HEERLEN]["parent"] == {"level": "subregion", "code": ZUID_LIMBURG}
    reach = by_area(figures(as_analyst, "reach", period="2025", area_level="municipality"))
    assert reach[(VAALS, "")]["shown"] == HIDDEN and reach[(HEERLEN, "")]["shown"] == HIDDEN


def test_no_answer_ever_holds_a_hidden_value_or_a_small_group(as_analyst, monitor_data):
    seen_hidden = 0
    for indicator in indicators():
        for period in ("2025", "2025-K1", "2025-K3", "2025-06"):
            response = get(as_analyst, f"/indicators/{indicator.key}/figures", period=period)
            if response.status_code == 404:  # not published per this kind of period
                continue
            for breakdown in ("total", *indicator.breakdowns):
                for row in figures(as_analyst, indicator.key, period=period, breakdown=breakdown)["figures"]:
                    if row["suppressed"]:
                        seen_hidden += 1
                        assert (row["value"], row["n"], row["data"], row["shown"]) == (
                            None,
                            None,
                            None,
                            HIDDEN,
                        )
                    elif indicator.about_residents and row["n"] is not None:
                        assert row["n"] == 0 or row["n"] >= 10, row
    assert seen_hidden > 0


def test_a_hidden_figure_is_blanked_even_if_a_value_was_stored(monitor_data):
    # The database refuses such a row (a check constraint); the API does not rely on that alone.
    row = Figure(
        indicator="score",
        area_level="municipality",
        area_code=VAALS,
        breakdown="",
        category="",
        value=3.0,
        n=3,
        suppressed=True,
        data={"body": {"mean": 5.0}},
    )
    out = _figure_out(row, {("municipality", VAALS): "Vaals"}, {})
    assert (out["value"], out["n"], out["data"], out["shown"]) == (None, None, None, HIDDEN)


# Recovering hidden cells: what an attacker with every published figure could compute.


def _solve(equations: list[tuple[dict, Fraction]], unknowns: list) -> tuple[dict, bool]:
    """Exact Gaussian elimination. Returns the unknowns with one possible value, and whether it fits.

    An unknown is determined exactly when a row of the reduced echelon form has it as its only term.
    """
    column = {u: i for i, u in enumerate(unknowns)}
    rows = []
    for coefficients, constant in equations:
        row = [Fraction(0)] * (len(unknowns) + 1)
        for unknown, coefficient in coefficients.items():
            row[column[unknown]] += coefficient
        row[-1] = constant
        rows.append(row)
    pivot_row = 0
    for col in range(len(unknowns)):
        found = next((r for r in range(pivot_row, len(rows)) if rows[r][col] != 0), None)
        if found is None:
            continue
        rows[pivot_row], rows[found] = rows[found], rows[pivot_row]
        pivot = rows[pivot_row][col]
        rows[pivot_row] = [value / pivot for value in rows[pivot_row]]
        for r in range(len(rows)):
            if r != pivot_row and rows[r][col] != 0:
                factor = rows[r][col]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[pivot_row], strict=True)]
        pivot_row += 1
    determined, consistent = {}, True
    for row in rows:
        terms = [i for i in range(len(unknowns)) if row[i] != 0]
        if len(terms) == 1:
            determined[unknowns[terms[0]]] = row[-1] / row[terms[0]]
        elif not terms and row[-1] != 0:
            consistent = False
    return determined, consistent


def _published_cells(client: Client, key: str, period: str) -> dict[tuple, dict]:
    """Every figure the API offers for this indicator and period, at every level and breakdown."""
    indicator = next(i for i in get(client, "/indicators").json() if i["key"] == key)
    cells = {}
    for breakdown in ("total", *(b["key"] for b in indicator["breakdowns"])):
        answer = figures(client, key, period=period, breakdown=breakdown)
        assert answer["hidden_levels"] == []
        for row in answer["figures"]:
            cells[(row["area_level"], row["area_code"], row["breakdown"], row["category"])] = row
    return cells


def _sums(client: Client, key: str, cells: dict) -> list[tuple[tuple, list[tuple]]]:
    """The sums that must hold: area = its parts (from /areas), total = the categories of a breakdown."""
    areas = get(client, "/areas").json()
    parts = defaultdict(list)
    for area in areas:
        if area["parent"]:
            parts[(area["parent"]["level"], area["parent"]["code"])].append((area["level"], area["code"]))
    indicator = next(i for i in get(client, "/indicators").json() if i["key"] == key)
    splits = [("", [""])] + [(b["key"], [c["key"] for c in b["categories"]]) for b in indicator["breakdowns"]]
    sums = []
    for parent, children in parts.items():
        for breakdown, categories in splits:
            for category in categories:
                sums.append(((*parent, breakdown, category), [(*c, breakdown, category) for c in children]))
    for area in areas:
        for breakdown, categories in splits[1:]:
            total = (area["level"], area["code"], "", "")
            sums.append((total, [(area["level"], area["code"], breakdown, c) for c in categories]))
    assert all(key in cells for total, members in sums for key in (total, *members))
    return sums


def _quantities(row: dict) -> dict:
    """What a published row tells: n, per dimension the sum of scores and the people per score band."""
    n = row["n"]
    known = {"n": Fraction(n)}
    for dim in DIMENSION_KEYS:
        data = (row["data"] or {}).get(dim)
        known[("sum", dim)] = Fraction(0) if not n else Fraction(str(data["mean"])) * n
        if data and data["bands"] is None:
            continue  # splits by age or education publish no distribution: their bands are unknown
        for band in range(3):
            percent = data["bands"][band] if data else 0
            if percent is not None:  # a hidden band is unknown too
                known[("band", dim, band)] = Fraction(str(percent)) * n / 100
    return known


def _attack(client: Client, key: str, period: str, *, also_known: dict | None = None) -> dict:
    """Write down every sum that holds between published and hidden quantities, and solve it."""
    cells = _published_cells(client, key, period)
    sums = _sums(client, key, cells)
    names = ["n"] + [("sum", d) for d in DIMENSION_KEYS]
    names += [("band", d, b) for d in DIMENSION_KEYS for b in range(3)]
    known = {
        (cell, name): value
        for cell, row in cells.items()
        if not row["suppressed"]
        for name, value in _quantities(row).items()
    }
    known.update(also_known or {})
    unknowns = sorted({(cell, name) for cell in cells for name in names} - set(known), key=repr)
    equations = []

    def add(terms: list[tuple[tuple, int]]) -> None:
        coefficients: dict = defaultdict(Fraction)
        constant = Fraction(0)
        for variable, sign in terms:
            if variable in known:
                constant -= sign * known[variable]
            else:
                coefficients[variable] += sign
        if any(coefficients.values()):
            equations.append((dict(coefficients), constant))

    for total, members in sums:
        for name in names:
            add([((total, name), 1)] + [((m, name), -1) for m in members])
    for cell in cells:  # everyone is in exactly one score band per dimension
        for dim in DIMENSION_KEYS:
            add([((cell, "n"), 1)] + [((cell, ("band", dim, b)), -1) for b in range(3)])
    determined, consistent = _solve(equations, unknowns)
    return {
        "n": {cell: Fraction(row["n"] or 0) for cell, row in cells.items() if not row["suppressed"]},
        "hidden": {cell for cell, row in cells.items() if row["suppressed"]},
        "determined": determined,
        "consistent": consistent,
        "equations": equations,
        "unknowns": unknowns,
    }


def _world(people: dict[str, tuple[int, int]]) -> dict:
    """Values for the hidden cells: {municipality: (people, sum of scores per dimension)}.

    In the fixture everyone in Heerlen and Vaals is 35-44, education "low", in the middle score band.
    """
    values = {}
    for code, (n, total) in people.items():
        for breakdown, category in (("", ""), ("age_band", "35-44"), ("education", "low")):
            cell = ("municipality", code, breakdown, category)
            values[(cell, "n")] = Fraction(n)
            for dim in DIMENSION_KEYS:
                values[(cell, ("sum", dim))] = Fraction(total)
                for band, count in enumerate((0, n, 0)):
                    values[(cell, ("band", dim, band))] = Fraction(count)
    return values


def _unpublished_bands(attack: dict) -> dict:
    """The real band counts of visible splits (not published): in the fixture everyone scores middle."""
    values = {}
    for cell, name in attack["unknowns"]:
        if cell in attack["hidden"]:
            continue
        _band, _dim, band = name
        values[(cell, name)] = attack["n"][cell] if band == 1 else Fraction(0)
    return values


def _holds(equations, values: dict) -> bool:
    return all(
        sum(coefficient * values[variable] for variable, coefficient in coefficients.items()) == constant
        for coefficients, constant in equations
    )


def test_hidden_cells_cannot_be_computed_back_from_everything_published(as_analyst, monitor_data):
    attack = _attack(as_analyst, "score", "2025")
    assert attack["consistent"]  # the sums written down really hold for the published figures
    assert {(level, code) for level, code, _b, _c in attack["hidden"]} == {
        ("municipality", VAALS),
        ("municipality", HEERLEN),
    }
    hidden_quantities = {u for u in attack["unknowns"] if u[0] in attack["hidden"]}
    assert len(hidden_quantities) == 25 * len(attack["hidden"]) == 150
    # The other unknowns are score bands, which are never published for splits by age or education,
    # nor for a municipality.
    assert all(
        (u[0][2] or u[0][0] == "municipality") and u[1][0] == "band"
        for u in set(attack["unknowns"]) - hidden_quantities
    )
    assert len(attack["equations"]) > len(attack["unknowns"])
    # Exact elimination: no hidden number of people, sum of scores (mean × n) or band count has a
    # single solution.
    assert attack["determined"] == {}
    # Not even with whole, non-negative people and scores in their band: the real world (Heerlen 12
    # people with mean 6, Vaals 3 with mean 5) and another (Heerlen 11 with mean 6, Vaals 4 with mean
    # 5.25) publish exactly the same figures.
    unpublished = _unpublished_bands(attack)
    real = _world({HEERLEN: (12, 72), VAALS: (3, 15)}) | unpublished
    other = _world({HEERLEN: (11, 66), VAALS: (4, 21)}) | unpublished
    assert set(real) == set(attack["unknowns"])
    assert _holds(attack["equations"], real)
    assert _holds(attack["equations"], other)


def test_without_the_complementary_cell_the_attack_would_work(as_analyst, monitor_data):
    # Control for the attack above: had Heerlen's total been published (12 people, mean 6.0), Vaals's
    # 3 people and their sum of scores would follow from zuid-limburg - Maastricht - Heerlen.
    heerlen = ("municipality", HEERLEN, "", "")
    also_known = {(heerlen, "n"): Fraction(12)}
    also_known |= {(heerlen, ("sum", dim)): Fraction(72) for dim in DIMENSION_KEYS}
    attack = _attack(as_analyst, "score", "2025", also_known=also_known)
    assert attack["consistent"]
    vaals = ("municipality", VAALS, "", "")
    assert attack["determined"][(vaals, "n")] == 3
    assert attack["determined"][(vaals, ("sum", "body"))] == 15  # 3 people with score 5


# --- Who sees what ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "status"), [(None, 403), ("resident", 403), ("analyst", 200), ("region_admin", 200)]
)
def test_fine_splits_per_municipality_need_the_analyst_role(
    client_for, request, monitor_data, persona, status
):
    client = client_for(request.getfixturevalue(persona) if persona else None)
    for params in (
        {"area_level": "municipality", "breakdown": "education"},
        {"area_code": MAASTRICHT, "breakdown": "age_band"},
        {"area_level": "municipality", "breakdown": "age_band", "area_code": MAASTRICHT},
    ):
        response = get(client, "/indicators/score/figures", period="2025", **params)
        assert response.status_code == status, params
        if status == 403:
            assert "alleen voor analisten" in response.json()["detail"]
    gap = get(client, "/indicators/gap/figures", period="2025", area_level="municipality")
    assert gap.status_code == status


@pytest.mark.parametrize("persona", [None, "resident"])
def test_region_and_subregion_splits_are_public(client_for, request, monitor_data, persona):
    client = client_for(request.getfixturevalue(persona) if persona else None)
    rows = by_area(figures(client, "score", period="2025", area_level="region", breakdown="education"))
    assert rows[("limburg", "low")]["n"] == 30
    answer = figures(client, "score", period="2025", breakdown="education")
    assert answer["hidden_levels"] == ["municipality"]
    assert {f["area_level"] for f in answer["figures"]} == {"region", "subregion"}
    # Totals per municipality are public.
    assert by_area(figures(client, "score", period="2025", area_code=MAASTRICHT))[(MAASTRICHT, "")]["n"] == 25


def test_an_analyst_gets_every_level(as_analyst, monitor_data):
    answer = figures(as_analyst, "score", period="2025", breakdown="education")
    assert answer["hidden_levels"] == []
    assert {f["area_level"] for f in answer["figures"]} == {"region", "subregion", "municipality"}
    assert len(answer["figures"]) == (1 + 3 + 32) * 4


# --- Errors -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "params", "status", "message"),
    [
        ("/indicators/nope/figures", {}, 404, "geen cijfer met de naam 'nope'"),
        ("/indicators/score/figures", {"period": "2019"}, 404, "periode 2019"),
        ("/indicators/score/figures", {"period": "1999"}, 404, "bestaat niet"),
        ("/indicators/score/figures", {"period": "2026-K1"}, 404, "pas als de periode 2026-K1 voorbij is"),
        ("/indicators/reach/figures", {"period": "2025-09"}, 404, "niet per maand"),
        ("/indicators/score/figures", {"breakdown": "phase"}, 404, "niet uit te splitsen naar 'phase'"),
        ("/indicators/score/figures", {"area_code": "GM9999"}, 404, "geen gebied met code 'GM9999'"),
        ("/indicators/score/figures", {"area_code": MAASTRICHT, "area_level": "region"}, 404, "geen gebied"),
        ("/indicators/score/figures", {"period": "2025-13"}, 422, "2025-K3 (kwartaal)"),
        ("/indicators/score/figures", {"period": "٢٠٢٥"}, 422, "2025-K3 (kwartaal)"),
        ("/indicators/score/figures", {"area_level": "planet"}, 422, "region, subregion of municipality"),
        ("/indicators/score/figures", {"breakdown": "Opleiding!"}, 422, "uitsplitsing"),
        ("/indicators/score/figures", {"area_code": "x" * 61}, 422, "code van een gebied"),
        ("/periods", {"kind": "week"}, 422, "month, quarter of year"),
    ],
)
def test_bad_requests_get_a_clear_dutch_message(anonymous, monitor_data, path, params, status, message):
    response = get(anonymous, path, **params)
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    assert message in response.json()["detail"]


def test_without_a_region_it_says_so(anonymous, db, settings):
    settings.VEERKRACHT_REGION = "nergens"
    for path in ("/areas", "/periods", "/indicators/score/figures"):
        response = get(anonymous, path)
        assert response.status_code == 404
        assert "nog niet ingesteld" in response.json()["detail"]
    assert get(anonymous, "/indicators").status_code == 200


def test_the_api_only_reads(as_analyst, monitor_data):
    before = Figure.objects.count()
    for path in ("/indicators", "/areas", "/periods", "/indicators/score/figures"):
        for method in ("post", "put", "patch", "delete"):
            assert getattr(as_analyst, method)(f"{API}{path}").status_code == 405
    assert Figure.objects.count() == before


def test_there_is_no_docs_page(anonymous, db):
    assert get(anonymous, "/docs").status_code == 404
    assert get(anonymous, "/openapi.json").status_code == 200


# --- Queries ------------------------------------------------------------------------------------------


def test_figures_take_a_fixed_number_of_queries(client_for, analyst, monitor_data, django_assert_num_queries):
    anonymous = Client()
    # Region, the snapshot version (core/pagecache.py), period, subregions, municipalities, figures.
    with django_assert_num_queries(6):
        everything = figures(anonymous, "score", period="2025", breakdown="education")
    with django_assert_num_queries(6):
        one = figures(anonymous, "score", period="2025", area_code=MAASTRICHT)
    assert len(everything["figures"]) > 10 * len(one["figures"])
    client = client_for(analyst)
    get(client, "/indicators")  # the first request also reads the profile's language, once
    # The same, plus what the site's middleware reads for a logged-in person (session, user, two-step
    # login) and the person's roles.
    with django_assert_num_queries(9):
        figures(client, "score", period="2025", breakdown="education")
    with django_assert_num_queries(9):
        figures(client, "score", period="2025", breakdown="education", area_code=VAALS)
    # Anonymous answers are kept per snapshot: made once (plus the version), then the version only.
    with django_assert_num_queries(4):
        get(anonymous, "/areas")
    with django_assert_num_queries(3):
        get(anonymous, "/periods")
    with django_assert_num_queries(2):  # region + snapshot version
        get(anonymous, "/periods")


# --- The OpenAPI contract -----------------------------------------------------------------------------


def test_the_openapi_document_is_valid_and_documents_every_path(anonymous, db):
    from schemathesis.specs.openapi.definitions import OPENAPI_31_VALIDATOR

    document = get(anonymous, "/openapi.json").json()
    assert document["openapi"].startswith("3.")
    OPENAPI_31_VALIDATOR.validate(document)
    assert document["info"]["title"] == "Veerkracht open data" and document["info"]["version"] == "1"
    assert set(document["paths"]) == {
        f"{API}/indicators",
        f"{API}/areas",
        f"{API}/periods",
        f"{API}/indicators/{{key}}/figures",
    }
    for path, operations in document["paths"].items():
        assert set(operations) == {"get"}, path
        operation = operations["get"]
        assert operation["summary"] and len(operation["description"]) > 40, path
        assert operation["operationId"], path
        for status, response in operation["responses"].items():
            assert response["content"]["application/json"]["schema"], (path, status)
        for parameter in operation["parameters"]:
            assert parameter.get("description"), (path, parameter["name"])
    figures_responses = document["paths"][f"{API}/indicators/{{key}}/figures"]["get"]["responses"]
    assert set(figures_responses) == {"200", "403", "404", "422"}


def _in_process_app():
    """Django's WSGI app as the test client runs it: a request does not close the test's connection.

    Django closes "old" database connections when a request starts and ends; inside a test's
    transaction that would drop the test data (PostgreSQL), so, like django.test.Client, the
    handlers are switched off around each request.
    """
    handler = WSGIHandler()

    def application(environ, start_response):
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            response = handler(environ, start_response)
            try:
                body = b"".join(response)
            finally:
                response.close()
            return [body]
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)

    return application


# Loaded once, at collection: the document needs no database.
schema = schemathesis.openapi.from_wsgi(f"{API}/openapi.json", _in_process_app())
fuzz = settings(
    max_examples=20,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def keeps_the_contract(case) -> None:
    """Every check schemathesis has (no 5xx, documented status codes, responses match their schema,
    invalid input refused, valid input accepted, 405 for other methods)."""
    # Uncompressed: schemathesis asks for gzip like a browser, but its in-process transport does not
    # unpack the answer (GZipMiddleware compresses what a client asks for).
    response = case.call_and_validate(headers={"Accept-Encoding": "identity"})
    assert response.status_code < 500


# One test per operation: with pytest 9.2, schemathesis 4.32 gives all operations of one parametrized
# test the same node id, and pytest-xdist then runs only one of them.
@schema.include(operation_id="indicators_list").parametrize()
@fuzz
def test_the_indicators_keep_their_contract(case, monitor_data):
    keeps_the_contract(case)


@schema.include(operation_id="areas_list").parametrize()
@fuzz
def test_the_areas_keep_their_contract(case, monitor_data):
    keeps_the_contract(case)


@schema.include(operation_id="periods_list").parametrize()
@fuzz
def test_the_periods_keep_their_contract(case, monitor_data):
    keeps_the_contract(case)


@schema.include(operation_id="figures_list").parametrize()
@fuzz
def test_the_figures_keep_their_contract(case, monitor_data):
    keeps_the_contract(case)


def test_every_operation_has_its_contract_test():
    tested = {"indicators_list", "areas_list", "periods_list", "figures_list"}
    assert {result.ok().definition.raw["operationId"] for result in schema.get_all_operations()} == tested
