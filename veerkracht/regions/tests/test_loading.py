from __future__ import annotations

from collections import Counter
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from veerkracht.regions.models import Municipality, Region, Subregion
from veerkracht.regions.selectors import current_region, municipalities_for_region
from veerkracht.regions.services import DATA_DIR, region_load

pytestmark = pytest.mark.django_db


def test_limburg_has_31_municipalities_in_three_subregions(region):
    assert region.municipalities.count() == 31
    counts = Counter(region.municipalities.values_list("subregion__name", flat=True))
    assert counts == {"Zuid-Limburg": 16, "Noord-Limburg": 8, "Midden-Limburg": 7}
    maastricht = Municipality.objects.get(code="GM0935")
    assert (maastricht.name, maastricht.province_code, maastricht.subregion.name) == (
        "Maastricht",
        "PV31",
        "Zuid-Limburg",
    )


def test_loading_twice_creates_nothing_twice(region):
    again = region_load(
        slug="limburg", province="Limburg", subregions_path=DATA_DIR / "subregions_limburg.csv"
    )
    assert not again.created
    assert Region.objects.count() == 1
    assert Subregion.objects.count() == 3
    assert Municipality.objects.count() == 31


def test_another_province_loads_without_code_changes(db):
    result = region_load(slug="friesland", province="PV21", movement_name="Fryslân Positief Gezond")
    assert result.created
    assert result.region.name == "Fryslân"
    assert result.region.municipalities.count() == 18
    assert result.subregions == 0


def test_a_subregion_file_for_another_province_is_refused_and_nothing_is_saved(db, tmp_path):
    bad = tmp_path / "sub.csv"
    bad.write_text("code,name,subregion\nGM0014,Groningen,Noord\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="hoort niet bij provincie Limburg"):
        region_load(slug="limburg", province="PV31", subregions_path=bad)
    assert not Region.objects.exists()
    assert not Municipality.objects.exists()


def test_a_subregion_file_must_cover_every_municipality(db, tmp_path):
    partial = tmp_path / "sub.csv"
    partial.write_text("code,name,subregion\nGM0935,Maastricht,Zuid\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="geen deelregio"):
        region_load(slug="limburg", province="PV31", subregions_path=partial)


def test_a_municipality_twice_in_the_subregion_file_is_refused(db, tmp_path):
    rows = (DATA_DIR / "subregions_limburg.csv").read_text(encoding="utf-8").splitlines()
    doubled = tmp_path / "sub.csv"
    doubled.write_text("\n".join([*rows, rows[1]]) + "\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="twee keer"):
        region_load(slug="limburg", province="PV31", subregions_path=doubled)


def test_an_unknown_province_gets_a_clear_message(db):
    with pytest.raises(ValidationError, match="Provincie 'Atlantis' niet gevonden"):
        region_load(slug="x", province="Atlantis")


def test_command_loads_and_reports(db):
    out = StringIO()
    call_command(
        "load_region",
        "limburg",
        "--province",
        "PV31",
        "--movement-name",
        "Limburg Positief Gezond",
        "--subregions",
        str(DATA_DIR / "subregions_limburg.csv"),
        stdout=out,
    )
    assert "31 municipalities, 3 subregions" in out.getvalue()


def test_command_turns_bad_input_into_a_command_error(db):
    with pytest.raises(CommandError, match="niet gevonden"):
        call_command("load_region", "x", "--province", "PV99", stdout=StringIO())


def test_current_region_follows_the_setting(region, settings):
    assert current_region() == region
    assert municipalities_for_region(region).count() == 31
    settings.VEERKRACHT_REGION = "friesland"
    assert current_region() is None
    assert municipalities_for_region(None).count() == 0
