"""Writes for regions: loading a province's municipalities and its subregions from bundled data."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from .models import Municipality, Region, Subregion

DATA_DIR = Path(__file__).resolve().parent / "data"
MUNICIPALITIES_CSV = DATA_DIR / "municipalities_2025.csv"
# Limburg's inhabitants per municipality (code,population,year), loaded by the demo.
POPULATION_LIMBURG_CSV = DATA_DIR / "population_limburg.csv"


@dataclass(frozen=True)
class RegionLoadResult:
    region: Region
    created: bool
    municipalities: int
    subregions: int
    populations: int = 0


def _read_csv(path: Path, required: set[str]) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = required - set(reader.fieldnames or [])
            if missing:
                raise ValidationError(
                    f"Het bestand {path.name} mist de kolom(men): {', '.join(sorted(missing))}."
                )
            return [{k: (v or "").strip() for k, v in row.items()} for row in reader]
    except FileNotFoundError as exc:
        raise ValidationError(f"Het bestand {path} bestaat niet.") from exc
    except UnicodeDecodeError as exc:
        raise ValidationError(f"Het bestand {path.name} is geen UTF-8-tekst.") from exc


def province_rows(province: str, *, source: Path = MUNICIPALITIES_CSV) -> list[dict[str, str]]:
    """The municipalities of one province, by CBS code (PV31) or name (Limburg), case-insensitive."""
    rows = _read_csv(source, {"code", "name", "province_code", "province_name"})
    wanted = province.strip().lower()
    matches = [r for r in rows if wanted in (r["province_code"].lower(), r["province_name"].lower())]
    if not matches:
        known = sorted({f"{r['province_code']} ({r['province_name']})" for r in rows})
        raise ValidationError(f"Provincie '{province}' niet gevonden. Bekend zijn: {', '.join(known)}.")
    return matches


@transaction.atomic
def region_load(
    *,
    slug: str,
    province: str,
    name: str = "",
    movement_name: str = "",
    subregions_path: Path | None = None,
    municipalities_path: Path = MUNICIPALITIES_CSV,
    population_path: Path | None = None,
) -> RegionLoadResult:
    """Create or update a region with all municipalities of `province`, optionally grouped into subregions.

    Idempotent: running it again updates names and groupings and creates nothing twice.
    The subregion file (`code,name,subregion`) must name every municipality of the province exactly once.
    The optional population file (`code,population,year`, CBS open data) may name some of them; the
    others keep what they had. Any error in a file saves nothing.
    """
    rows = province_rows(province, source=municipalities_path)
    mapping = _subregion_mapping(subregions_path, rows) if subregions_path is not None else {}
    populations = _population_rows(population_path, rows) if population_path is not None else {}
    region, created = _region_save(slug, name, movement_name, rows[0])
    subregions: dict[str, Subregion] = {}
    for sub_name in sorted(set(mapping.values())):
        sub, _created = Subregion.objects.update_or_create(
            region=region, slug=slugify(sub_name), defaults={"name": sub_name}
        )
        subregions[sub_name] = sub
    if subregions_path is not None:
        Subregion.objects.filter(region=region).exclude(pk__in=[s.pk for s in subregions.values()]).delete()
    grouped = {code: subregions[sub_name] for code, sub_name in mapping.items()}
    _municipalities_save(region, rows, grouped, regroup=subregions_path is not None)
    _populations_save(populations)
    return RegionLoadResult(
        region=region,
        created=created,
        municipalities=len(rows),
        subregions=len(subregions),
        populations=len(populations),
    )


def _whole_number(value: str, *, low: int, high: int) -> int | None:
    try:
        number = int(value) if value.isdigit() else None
    except ValueError:
        return None
    return number if number is not None and low <= number <= high else None


def _population_rows(path: Path, rows: list[dict[str, str]]) -> dict[str, tuple[int, int]]:
    """{municipality code: (inhabitants, year)} from the population file, every row checked."""
    codes = {r["code"] for r in rows}
    province_name = rows[0]["province_name"]
    found: dict[str, tuple[int, int]] = {}
    for line, row in enumerate(_read_csv(path, {"code", "population", "year"}), start=2):
        code = row["code"]
        if code not in codes:
            raise ValidationError(
                f"Regel {line} van {path.name}: gemeente '{code}' hoort niet bij provincie {province_name}."
            )
        if code in found:
            raise ValidationError(f"Regel {line} van {path.name}: gemeente {code} staat er twee keer in.")
        population = _whole_number(row["population"], low=1, high=50_000_000)
        if population is None:
            raise ValidationError(
                f"Regel {line} van {path.name}: het aantal inwoners van {code} is geen geheel getal "
                f"groter dan 0: '{row['population']}'."
            )
        year = _whole_number(row["year"], low=1900, high=2100)
        if year is None:
            raise ValidationError(
                f"Regel {line} van {path.name}: het jaar van {code} is geen jaartal: '{row['year']}'."
            )
        found[code] = (population, year)
    return found


def _populations_save(populations: dict[str, tuple[int, int]]) -> None:
    if not populations:
        return
    municipalities = list(Municipality.objects.filter(code__in=populations))
    for municipality in municipalities:
        municipality.population, municipality.population_year = populations[municipality.code]
    Municipality.objects.bulk_update(municipalities, ["population", "population_year"])


def _subregion_mapping(path: Path, rows: list[dict[str, str]]) -> dict[str, str]:
    """{municipality code: subregion name} from the subregion file, every municipality exactly once."""
    codes = {r["code"] for r in rows}
    province_name = rows[0]["province_name"]
    mapping: dict[str, str] = {}
    for row in _read_csv(path, {"code", "subregion"}):
        if row["code"] not in codes:
            raise ValidationError(
                f"Gemeente {row['code']} in {path.name} hoort niet bij provincie {province_name}."
            )
        if not row["subregion"]:
            raise ValidationError(f"Gemeente {row['code']} heeft geen deelregio in {path.name}.")
        if row["code"] in mapping:
            raise ValidationError(f"Gemeente {row['code']} staat twee keer in {path.name}.")
        mapping[row["code"]] = row["subregion"]
    unmapped = sorted(codes - mapping.keys())
    if unmapped:
        raise ValidationError(f"Deze gemeenten hebben geen deelregio in {path.name}: {', '.join(unmapped)}.")
    return mapping


def _region_save(slug: str, name: str, movement_name: str, first_row: dict[str, str]) -> tuple[Region, bool]:
    province_code, province_name = first_row["province_code"], first_row["province_name"]
    region, created = Region.objects.get_or_create(
        slug=slug,
        defaults={
            "name": name or province_name,
            "province_code": province_code,
            "movement_name": movement_name or f"{name or province_name} Positief Gezond",
        },
    )
    changed = False
    for field, value in (("name", name), ("movement_name", movement_name), ("province_code", province_code)):
        if value and getattr(region, field) != value:
            setattr(region, field, value)
            changed = True
    if changed:
        region.full_clean()
        region.save()
    return region, created


def _municipalities_save(
    region: Region, rows: list[dict[str, str]], subregions: dict[str, Subregion], *, regroup: bool
) -> None:
    """Create the municipalities that are new and update the others (their subregion only if `regroup`)."""
    existing = {m.code: m for m in Municipality.objects.filter(code__in=[r["code"] for r in rows])}
    to_create, to_update = [], []
    for row in rows:
        facts = {
            "name": row["name"],
            "province_code": row["province_code"],
            "province_name": row["province_name"],
            "region": region,
        }
        muni = existing.get(row["code"])
        if muni is None:
            to_create.append(Municipality(code=row["code"], subregion=subregions.get(row["code"]), **facts))
            continue
        for field, value in facts.items():
            setattr(muni, field, value)
        if regroup:
            muni.subregion = subregions.get(row["code"])
        to_update.append(muni)
    Municipality.objects.bulk_create(to_create)
    Municipality.objects.bulk_update(
        to_update, ["name", "province_code", "province_name", "region", "subregion"]
    )
