from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from veerkracht.regions.models import Region

from ...compute.snapshots import snapshot_run


class Command(BaseCommand):
    help = (
        "Compute the monitor's figures for every period (the worker does this monthly and nightly: "
        "monitor/jobs.py). "
        "Safe to run twice or after a gap: published (closed) periods never change, missing periods and "
        "indicators registered later are added, open periods are replaced."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--region", help="slug of one region (default: all regions)")

    def handle(self, *args, **options) -> None:
        regions = Region.objects.all()
        if options["region"]:
            regions = regions.filter(slug=options["region"])
            if not regions.exists():
                raise CommandError(f"Unknown region: {options['region']}")
        for region in regions:
            result = snapshot_run(region=region)
            self.stdout.write(f"{region.slug}: {result.summary()}")
