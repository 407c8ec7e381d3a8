from __future__ import annotations

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from ...services.instruments import INSTRUMENT_DIR, instrument_load_file


class Command(BaseCommand):
    help = (
        "Load spider-web instruments (JSON, see veerkracht/spiderweb/instruments/SCHEMA.md). Without "
        "arguments: the bundled ones. A licensed organisation can load the official texts the same way."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="*", type=Path)

    def handle(self, *args, **options) -> None:
        paths = options["paths"] or sorted(INSTRUMENT_DIR.glob("*.json"))
        for path in paths:
            try:
                instrument, created = instrument_load_file(path=path)
            except ValidationError as exc:
                raise CommandError(f"{path.name}: " + " ".join(exc.messages)) from exc
            verb = "Loaded" if created else "Already loaded"
            self.stdout.write(
                f"{verb}: {instrument.slug} {instrument.version} ({len(instrument.item_keys)} items)"
            )
