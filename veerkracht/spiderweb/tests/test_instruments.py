from __future__ import annotations

import copy
import json
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from veerkracht.core.vocabulary import DIMENSION_KEYS
from veerkracht.spiderweb.models import Instrument
from veerkracht.spiderweb.services.instruments import INSTRUMENT_DIR, instrument_load, validate_instrument

pytestmark = pytest.mark.django_db


def _definition(name: str = "volwassenen-1.0.json") -> dict:
    return json.loads((INSTRUMENT_DIR / name).read_text(encoding="utf-8"))


def test_three_bundled_instruments_cover_the_six_dimensions(instruments):
    assert set(instruments) == {"volwassenen", "eenvoudig", "kinderen"}
    assert {i.audience for i in instruments.values()} == {"adult", "simple", "child"}
    for instrument in instruments.values():
        assert tuple(d["key"] for d in instrument.dimensions) == DIMENSION_KEYS
        for dim in instrument.dimensions:
            for item in dim["items"]:
                assert item["text"]["nl"] and item["text"]["en"]
    assert len(instruments["eenvoudig"].item_keys) < len(instruments["volwassenen"].item_keys)
    assert instruments["eenvoudig"].definition["scale"]["faces"] is True


def test_loading_again_is_idempotent(instruments):
    again, created = instrument_load(definition=_definition())
    assert not created and again == instruments["volwassenen"]
    assert Instrument.objects.count() == 3


def test_changed_texts_need_a_new_version_and_old_webs_keep_theirs(instruments, resident, make_web):
    old_web = make_web(resident)
    changed = _definition()
    changed["dimensions"][0]["items"][0]["text"]["nl"] = "Een andere tekst."
    with pytest.raises(ValidationError, match="nieuw versienummer"):
        instrument_load(definition=changed)
    changed["version"] = "1.1"
    new, created = instrument_load(definition=changed)
    assert created and new.is_active
    old_web.refresh_from_db()
    assert old_web.instrument.version == "1.0"
    assert old_web.instrument.definition["dimensions"][0]["items"][0]["text"]["nl"] != "Een andere tekst."
    assert not Instrument.objects.get(slug="volwassenen", version="1.0").is_active


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["dimensions"].reverse(), "precies deze sleutels"),
        (
            lambda d: d["dimensions"][0]["items"].append(copy.deepcopy(d["dimensions"][0]["items"][0])),
            "twee keer",
        ),
        (lambda d: d["dimensions"][1]["items"][0]["text"].pop("nl"), "Nederlandse tekst"),
        (lambda d: d["dimensions"][2]["items"][0].update(key="body.elders"), "ongeldige sleutel"),
        (lambda d: d["scale"].update(max=5), "0 tot en met 10"),
        (lambda d: d.update(schema="iets/2"), "'schema'"),
        (lambda d: d.update(slug="Met Spaties"), "kleine letters"),
    ],
)
def test_a_broken_instrument_is_refused_with_a_clear_message(change, message):
    definition = _definition()
    change(definition)
    with pytest.raises(ValidationError) as info:
        validate_instrument(definition)
    assert any(message in m for m in info.value.messages), info.value.messages


def test_the_command_loads_files_and_reports_errors(db, tmp_path):
    out = StringIO()
    call_command("load_instruments", stdout=out)
    assert "Loaded: volwassenen 1.0 (39 items)" in out.getvalue()
    broken = tmp_path / "kapot.json"
    broken.write_text("{niet json", encoding="utf-8")
    with pytest.raises(CommandError, match="geen geldige JSON"):
        call_command("load_instrument", str(broken), stdout=StringIO())
