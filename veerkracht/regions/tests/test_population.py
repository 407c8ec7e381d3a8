"""Inhabitants per municipality: the optional CBS file of `load_region --population`."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from veerkracht.regions.models import Municipality, Region
from veerkracht.regions.services import DATA_DIR, POPULATION_LIMBURG_CSV, region_load

pytestmark = pytest.mark.django_db


def _load(path):
    return region_load(
        slug="limburg",
        province="PV31",
        subregions_path=DATA_DIR / "subregions_limburg.csv",
        population_path=path,
    )


def test_the_bundled_file_gives_every_limburg_municipality_its_inhabitants(db):
    result = _load(POPULATION_LIMBURG_CSV)
    assert result.populations == 31
    maastricht = Municipality.objects.get(code="GM0935")
    assert (maastricht.population, maastricht.population_year) == (122378, 2024)
    assert not Municipality.objects.filter(population__isnull=True).exists()
    total = sum(Municipality.objects.values_list("population", flat=True))
    assert 1_100_000 < total < 1_160_000


def test_the_command_loads_it_and_says_so(db):
    out = StringIO()
    call_command(
        "load_region",
        "limburg",
        "--province",
        "PV31",
        "--population",
        str(POPULATION_LIMBURG_CSV),
        stdout=out,
    )
    assert "population of 31" in out.getvalue()
    assert Municipality.objects.get(code="GM0983").population == 103470


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("code,population,year\nGM0014,230000,2024\n", "GM0014' hoort niet bij provincie Limburg"),
        ("code,population,year\nGM9999,100,2024\n", "GM9999' hoort niet bij provincie Limburg"),
        ("code,population,year\nGM0935,veel,2024\n", "inwoners van GM0935 is geen geheel getal"),
        ("code,population,year\nGM0935,-5,2024\n", "inwoners van GM0935 is geen geheel getal"),
        ("code,population,year\nGM0935,12.5,2024\n", "inwoners van GM0935 is geen geheel getal"),
        ("code,population,year\nGM0935,120000,24\n", "het jaar van GM0935 is geen jaartal"),
        ("code,population,year\nGM0935,1,2024\nGM0935,2,2024\n", "GM0935 staat er twee keer in"),
        ("code,inwoners\nGM0935,1\n", "mist de kolom(men): population, year"),
    ],
)
def test_a_bad_file_is_refused_with_a_clear_message_and_nothing_is_saved(tmp_path, content, message):
    bad = tmp_path / "inwoners.csv"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        _load(bad)
    assert message in " ".join(caught.value.messages)
    assert not Region.objects.exists()
    assert not Municipality.objects.exists()


def test_a_bad_file_after_a_good_one_changes_nothing(tmp_path):
    _load(POPULATION_LIMBURG_CSV)
    bad = tmp_path / "inwoners.csv"
    bad.write_text("code,population,year\nGM0935,1,2025\nGM0917,niet,2025\n", encoding="utf-8")
    with pytest.raises(CommandError, match="GM0917"):
        call_command(
            "load_region", "limburg", "--province", "PV31", "--population", str(bad), stdout=StringIO()
        )
    assert Municipality.objects.get(code="GM0935").population == 122378


def test_municipalities_not_in_the_file_keep_their_figures(tmp_path):
    _load(POPULATION_LIMBURG_CSV)
    part = tmp_path / "inwoners.csv"
    part.write_text("code,population,year\nGM0935,123000,2025\n", encoding="utf-8")
    _load(part)
    assert Municipality.objects.get(code="GM0935").population_year == 2025
    assert Municipality.objects.get(code="GM0917").population == 87451
