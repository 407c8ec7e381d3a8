from __future__ import annotations

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from ...services import MUNICIPALITIES_CSV, region_load


class Command(BaseCommand):
    help = (
        "Load (or update) a region: all municipalities of a province from the bundled CBS 2025 data, "
        "optionally grouped into subregions by a CSV file with columns code,name,subregion."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("slug", help="short name of the region, e.g. limburg")
        parser.add_argument("--province", required=True, help="CBS province code (PV31) or name (Limburg)")
        parser.add_argument("--name", default="", help="display name (default: the province name)")
        parser.add_argument("--movement-name", default="", help='e.g. "Limburg Positief Gezond"')
        parser.add_argument("--subregions", type=Path, default=None, help="CSV with code,name,subregion")
        parser.add_argument(
            "--municipalities",
            type=Path,
            default=MUNICIPALITIES_CSV,
            help="CSV with code,name,province_code,province_name",
        )
        parser.add_argument(
            "--population",
            type=Path,
            default=None,
            help="optional CSV with code,population,year (CBS open data): inhabitants per municipality",
        )

    def handle(self, *args, **options) -> None:
        try:
            result = region_load(
                slug=options["slug"],
                province=options["province"],
                name=options["name"],
                movement_name=options["movement_name"],
                subregions_path=options["subregions"],
                municipalities_path=options["municipalities"],
                population_path=options["population"],
            )
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        verb = "Created" if result.created else "Updated"
        self.stdout.write(
            f"{verb} region {result.region.slug} ({result.region.movement_name}): "
            f"{result.municipalities} municipalities, {result.subregions} subregions"
            + (f", population of {result.populations}." if result.populations else ".")
        )
