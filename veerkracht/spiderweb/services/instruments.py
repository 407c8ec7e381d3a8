"""Instruments as versioned data: validate a definition (SCHEMA.md) and load it, once per version."""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Mapping
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from veerkracht.core.audit import log_action
from veerkracht.core.vocabulary import DIMENSION_KEYS

from ..models import (
    Instrument,
)

logger = logging.getLogger(__name__)
INSTRUMENT_DIR = Path(__file__).resolve().parent.parent / "instruments"
SCHEMA = "veerkracht.instrument/1"
ITEM_KEY = re.compile(r"^[a-z]+\.[a-z0-9_]+$")


def _need_texts(obj: Mapping, key: str, where: str, errors: list[str]) -> None:
    texts = obj.get(key)
    if not isinstance(texts, dict) or not isinstance(texts.get("nl"), str) or not texts["nl"].strip():
        errors.append(f"{where}: '{key}' mist een Nederlandse tekst (nl).")
        return
    for lang, text in texts.items():
        if not isinstance(lang, str) or not isinstance(text, str):
            errors.append(f"{where}: '{key}' bevat een tekst die geen tekst is ({lang}).")


def validate_instrument(definition: Mapping) -> None:
    """Check an instrument definition against SCHEMA.md; raise ValidationError listing every problem."""
    errors: list[str] = []
    _check_header(definition, errors)
    dims = definition.get("dimensions") or []
    keys = [d.get("key") for d in dims if isinstance(d, dict)]
    if tuple(keys) != DIMENSION_KEYS:
        errors.append(
            f"De zes dimensies moeten precies deze sleutels hebben, in deze volgorde: {DIMENSION_KEYS}."
        )
    seen: set[str] = set()
    for dim in dims:
        if isinstance(dim, dict):
            _check_dimension(dim, seen, errors)
    if errors:
        raise ValidationError(errors)


def _check_header(definition: Mapping, errors: list[str]) -> None:
    if definition.get("schema") != SCHEMA:
        errors.append(f"'schema' moet '{SCHEMA}' zijn.")
    for key in ("slug", "version", "audience"):
        if not isinstance(definition.get(key), str) or not definition.get(key):
            errors.append(f"'{key}' ontbreekt.")
    if definition.get("audience") not in {"adult", "simple", "child"}:
        errors.append("'audience' moet adult, simple of child zijn.")
    if not re.fullmatch(r"[a-z0-9-]+", str(definition.get("slug", ""))):
        errors.append("'slug' mag alleen kleine letters, cijfers en streepjes bevatten.")
    for key in ("title", "intro"):
        _need_texts(definition, key, "vragenlijst", errors)
    scale = definition.get("scale") or {}
    if scale.get("min") != 0 or scale.get("max") != 10:
        errors.append("De schaal moet van 0 tot en met 10 lopen.")


def _check_dimension(dim: Mapping, seen: set[str], errors: list[str]) -> None:
    where = f"dimensie {dim.get('key')}"
    _need_texts(dim, "name", where, errors)
    items = dim.get("items") or []
    if not items:
        errors.append(f"{where}: heeft geen stellingen.")
    for item in items:
        key = item.get("key", "") if isinstance(item, dict) else ""
        if not ITEM_KEY.match(key) or not key.startswith(f"{dim.get('key')}."):
            errors.append(f"{where}: ongeldige sleutel '{key}'.")
        if key in seen:
            errors.append(f"{where}: sleutel '{key}' komt twee keer voor.")
        seen.add(key)
        if isinstance(item, dict):
            _need_texts(item, "text", f"stelling {key}", errors)


@transaction.atomic
def instrument_load(*, definition: Mapping) -> tuple[Instrument, bool]:
    """Store an instrument version. Idempotent for identical content; a changed text needs a new version."""
    validate_instrument(definition)
    checksum = hashlib.sha256(json.dumps(definition, sort_keys=True).encode()).hexdigest()
    existing = Instrument.objects.filter(slug=definition["slug"], version=definition["version"]).first()
    if existing is not None:
        if existing.checksum != checksum:
            raise ValidationError(
                f"Versie {definition['version']} van '{definition['slug']}' bestaat al met andere inhoud. "
                "Geef de gewijzigde vragenlijst een nieuw versienummer; oude uitslagen veranderen dan niet."
            )
        return existing, False
    instrument = Instrument(
        slug=definition["slug"],
        version=definition["version"],
        audience=definition["audience"],
        definition=dict(definition),
        checksum=checksum,
    )
    instrument.full_clean()
    instrument.save()
    # Only the newest version of an instrument is offered for new webs.
    Instrument.objects.filter(slug=instrument.slug).exclude(pk=instrument.pk).update(is_active=False)
    log_action("spiderweb.instrument.loaded", subject=instrument, data={"version": instrument.version})
    return instrument, True


def instrument_load_file(*, path: Path) -> tuple[Instrument, bool]:
    try:
        definition = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ValidationError(f"Het bestand {path} bestaat niet.") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValidationError(f"{path.name} is geen geldige JSON: {exc}") from exc
    if not isinstance(definition, dict):
        raise ValidationError(f"{path.name} moet één JSON-object bevatten.")
    return instrument_load(definition=definition)


def instruments_load_bundled() -> list[Instrument]:
    return [instrument_load_file(path=p)[0] for p in sorted(INSTRUMENT_DIR.glob("*.json"))]
