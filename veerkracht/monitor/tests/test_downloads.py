"""CSV downloads: one file with all figures of an area, and typed columns (one value per column)."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from .conftest import HEERLEN, MAASTRICHT, VAALS, ZUID_LIMBURG

pytestmark = pytest.mark.django_db

NUMERIC = ("waarde", "n", "sd", "laag_pct", "midden_pct", "hoog_pct", "ci_laag", "ci_hoog")


def read(response) -> list[dict]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.startswith("\ufeff".encode())  # UTF-8 with BOM: Excel reads the accents
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def number(cell: str) -> float:
    """How a spreadsheet reads a cell: a decimal comma, no thousands separator."""
    assert "." not in cell and " " not in cell, cell
    return float(cell.replace(",", "."))


def all_figures(client, code: str) -> list[dict]:
    return read(client.get(reverse("monitor:download_area", args=[code])))


def test_all_figures_of_a_municipality_in_one_file_with_typed_columns(monitor_data, client):
    rows = all_figures(client, MAASTRICHT)
    assert {r["gebiedscode"] for r in rows} == {MAASTRICHT}
    assert {r["periode"] for r in rows} >= {"2025", "2025-K3", "2025-02", "2026"}
    reach = next(
        r for r in rows if r["indicator"] == "reach" and r["periode"] == "2025" and not r["uitsplitsing"]
    )
    assert number(reach["waarde"]) == monitor_data.expected["reach_2025"][MAASTRICHT]
    assert reach["verborgen"] == "nee" and reach["periode_begin"] == "2025-01-01"
    assert reach["periode_eind"] == "2025-12-31"
    score = [
        r for r in rows if r["indicator"] == "score" and r["periode"] == "2025" and not r["uitsplitsing"]
    ]
    assert len(score) == 6  # one row per dimension
    assert {number(r["waarde"]) for r in score} == {monitor_data.expected["score_2025_mean"][MAASTRICHT]}
    # A municipality has no distribution over low, middle and high: empty, not hidden.
    assert {r["n"] for r in score} == {"25"} and {r["midden_pct"] for r in score} == {""}
    assert {r["deel_verborgen"] for r in score} <= {"", "nee"}
    change = next(r for r in rows if r["indicator"] == "change" and r["periode"] == "2025")
    assert (number(change["waarde"]), number(change["ci_laag"]), number(change["ci_hoog"])) == (1, 1, 1)
    # Every number column holds a number or nothing: no marks, units or text packed into one cell.
    for row in rows:
        for column in NUMERIC:
            if row[column]:
                number(row[column])
        assert row["verborgen"] in ("ja", "nee")


def test_a_hidden_figure_has_an_empty_value_and_verborgen_ja(monitor_data, client):
    rows = all_figures(client, VAALS)
    hidden = [
        r
        for r in rows
        if r["indicator"] in ("reach", "score") and r["periode"] == "2025" and not r["uitsplitsing"]
    ]
    assert hidden
    for row in hidden:
        assert row["verborgen"] == "ja"
        assert row["waarde"] == row["n"] == row["sd"] == ""


def test_analyst_only_splits_are_only_in_an_analysts_file(monitor_data, client_for, resident, analyst):
    public = all_figures(client_for(resident), MAASTRICHT)
    assert not {r["uitsplitsing"] for r in public} & {"age_band", "education"}
    assert not any(r["indicator"] == "gap" for r in public)
    theirs = all_figures(client_for(analyst), MAASTRICHT)
    assert {"age_band", "education"} <= {r["uitsplitsing"] for r in theirs}
    gap = next(r for r in theirs if r["indicator"] == "gap" and r["periode"] == "2025")
    assert number(gap["waarde"]) == monitor_data.expected["gap_2025_maastricht"]
    assert gap["gemiddelde_laag_opgeleid"] and gap["gemiddelde_hoog_opgeleid"]
    # A subregion's splits are public.
    assert "education" in {r["uitsplitsing"] for r in all_figures(client_for(resident), ZUID_LIMBURG)}


def test_the_region_has_a_file_too_and_a_wrong_area_is_not_found(monitor_data, client):
    region = all_figures(client, monitor_data.region.slug)
    assert {r["gebiedsniveau"] for r in region} == {"region"}
    for code in ("GM9999", "nergens", "onbekend"):
        assert client.get(reverse("monitor:download_area", args=[code])).status_code == 404


def test_the_one_download_is_near_the_top_of_every_overview(monitor_data, client):
    for name, args in [
        ("monitor:municipality", [HEERLEN]),
        ("monitor:subregion", [ZUID_LIMBURG]),
        ("monitor:region", []),
    ]:
        page = client.get(reverse(name, args=args)).content.decode()
        page = page[page.index("<main") :]  # the logo in the header is an svg too
        code = args[0] if args else monitor_data.region.slug
        link = page.index(reverse("monitor:download_area", args=[code]))
        # Before the first key figures and the first chart.
        assert link < page.index('class="vk-tiles"') and link < page.index("<svg"), name
    assert (
        "Alle cijfers van Heerlen (CSV)"
        in client.get(reverse("monitor:municipality", args=[HEERLEN])).content.decode()
    )


def test_a_per_indicator_csv_has_the_same_typed_columns(monitor_data, client):
    all_rows = all_figures(client, MAASTRICHT)
    rows = read(client.get(reverse("monitor:download", args=["score"]), {"periode": "2025"}))
    assert list(rows[0]) == list(all_rows[0])
    mine = [r for r in rows if r["gebiedscode"] == MAASTRICHT and not r["uitsplitsing"]]
    assert {number(r["waarde"]) for r in mine} == {5.4}
